import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export const OIDC_CLIENT_ID = 'featbit-ts';
export const OIDC_CLIENT_SECRET = 'test-secret';

/** The test OpenID Provider (oidc-test-provider.mjs) as a child process on 127.0.0.1. */
export class OidcTestProvider {
  private constructor(
    readonly issuer: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(redirectUris: string[]): Promise<OidcTestProvider> {
    const child = spawn(process.execPath, [join(__dirname, 'oidc-test-provider.mjs')], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        OIDC_REDIRECT_URIS: redirectUris.join(','),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: child.stdout });
    const issuer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`OIDC test provider did not start: ${stderr}`)),
        20_000,
      );
      child.once('exit', (code) => reject(new Error(`OIDC test provider exited (${code}): ${stderr}`)));
      lines.once('line', (line) => {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { issuer: string }).issuer);
      });
    });
    return new OidcTestProvider(issuer, child);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
