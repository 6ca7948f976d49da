import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';
import { ensureBuilt, REPO_ROOT } from '../support/product';

// A port another program holds is an operator's everyday mistake: the product must say which port
// and which variable moves it, in one line, and exit non-zero (no stack trace).
const MAIN = join(REPO_ROOT, 'dist', 'main.js');

function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('a taken port', () => {
  let blocker: Server;
  let port: number;
  const dataDir = mkdtempSync(join(tmpdir(), 'featbit-ts-port-'));

  beforeAll(async () => {
    ensureBuilt();
    port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  }, 180_000);

  afterAll(async () => {
    await new Promise((resolve) => blocker.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits non-zero with one line naming the port, PORT and HOST', async () => {
    const { code, stdout, stderr } = await run({
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: 'e2e-Admin-Password-1',
      LOG_LEVEL: 'warn',
    });
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toEqual([expect.stringContaining(`port ${port} is already in use on 127.0.0.1`)]);
    expect(lines[0]).toMatch(/\bPORT\b/);
    expect(lines[0]).toMatch(/\bHOST\b/);
    expect(stdout + stderr).not.toMatch(/^\s+at /m);
  }, 90_000);
});
