import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onFreePort } from '../../support/free-port';

// Runs the built product (node dist/main.js) as a child process, the way an operator would: a free
// port on loopback, a temporary DATA_DIR, its own environment. Shared by every e2e suite.

export const REPO_ROOT = resolve(__dirname, '../../..');
const MAIN = join(REPO_ROOT, 'dist', 'main.js');
const BUILD_LOCK = '/tmp/featbit-ts-build.lock';

export const TEST_ADMIN_EMAIL = 'admin@featbit.local';
export const TEST_ADMIN_PASSWORD = 'e2e-Admin-Password-1';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/**
 * Builds dist/ with `npm run build:server` when it is missing or older than src/ (serialized with a
 * lock so that parallel suites build once). Freshness is judged by a stamp carrying the time the
 * build *started*: files edited while a build runs are not in it. A build with type errors
 * elsewhere still emits; the suites then run against what was emitted.
 */
export function ensureBuilt(): void {
  const stamp = join(REPO_ROOT, 'dist', '.e2e-build-started');
  const fresh = () =>
    existsSync(MAIN) && existsSync(stamp) && statSync(stamp).mtimeMs >= newestMtime(join(REPO_ROOT, 'src'));
  if (fresh()) return;
  const q = (p: string) => JSON.stringify(p);
  const script =
    `if test -f ${q(stamp)} && test -f ${q(MAIN)} && [ -z "$(find src -name '*.ts' ! -name '*.spec.ts' -newer ${q(stamp)} | head -1)" ]; then exit 0; fi; ` +
    `started=$(date +%s.%N); npm run build:server; status=$?; ` +
    `test -f ${q(MAIN)} && touch -d "@$started" ${q(stamp)}; exit $status`;
  try {
    execFileSync('flock', [BUILD_LOCK, 'sh', '-c', script], { cwd: REPO_ROOT, stdio: 'pipe' });
  } catch (err) {
    if (!existsSync(MAIN)) throw err;
    process.stderr.write(`e2e: build reported errors; running the emitted dist/ anyway\n`);
  }
}

export interface ProductOptions {
  /** Comma list or "all" (default). */
  roles?: string;
  /** Extra environment (providers, limits…); overrides the defaults below. */
  env?: Record<string, string>;
  /** Reuse a data directory (e.g. to restart on the same embedded database). */
  dataDir?: string;
  /** How long to wait for /health/readiness (default 90 s). */
  readyTimeoutMs?: number;
  /** 'ready' (default): /health/readiness answers 200; 'live': the process listens (dependencies may be down). */
  waitFor?: 'ready' | 'live';
  /** Working directory of the process (default: the repository). */
  cwd?: string;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class RunningProduct {
  private output = '';
  readonly exited: Promise<ExitInfo>;

  constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
    private readonly ownsDataDir: boolean,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolveExit) =>
      child.once('exit', (code, signal) => resolveExit({ code, signal })),
    );
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Everything the process printed so far (JSON log lines). */
  logs(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitForReady(timeoutMs = 90_000, probe: 'readiness' | 'liveness' = 'readiness'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`product exited before it was ready:\n${this.output.slice(-4000)}`);
      try {
        const res = await fetch(`${this.baseUrl}/health/${probe}`);
        last = await res.text();
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(
      `product not ready after ${timeoutMs} ms (last readiness: ${last}):\n${this.output.slice(-4000)}`,
    );
  }

  /** Resolves when a log line contains `text`. */
  async waitForLog(text: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (Date.now() > deadline) throw new Error(`no log line with ${JSON.stringify(text)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends a signal and waits for the exit (SIGKILL after the timeout); removes an owned DATA_DIR. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000): Promise<ExitInfo> {
    if (this.running) this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
      if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}

/**
 * Builds if needed, then starts `node dist/main.js` and waits until it is ready. A port another
 * test bound in the meantime is retried on a new one.
 */
export async function startProduct(options: ProductOptions = {}): Promise<RunningProduct> {
  ensureBuilt();
  return onFreePort((port) => startOnce(options, port));
}

async function startOnce(options: ProductOptions, port: number): Promise<RunningProduct> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'featbit-ts-e2e-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    ADMIN_EMAIL: TEST_ADMIN_EMAIL,
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    SHUTDOWN_GRACE_MS: '10000',
    ...options.env,
  };
  const child = spawn(process.execPath, [MAIN, '--role', options.roles ?? 'all'], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const product = new RunningProduct(child, port, dataDir, ownsDataDir);
  try {
    await product.waitForReady(options.readyTimeoutMs, options.waitFor === 'live' ? 'liveness' : 'readiness');
  } catch (err) {
    await product.stop('SIGKILL');
    throw err;
  }
  return product;
}
