import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../../test/e2e/support/product';
import { onFreePort } from '../../test/support/free-port';
import { adminQuery, prepareStack, ProductProcess } from '../els/processes';

// The two servers under test, each one process pinned to the server core with taskset, on the
// same PostgreSQL server (databases of their own, dropped at the end): featbit-ts as
// `dist/main.js --role all`, Unleash's open-source server through unleash/start.mjs.

const UNLEASH_DIR = join(__dirname, 'unleash');
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://featbit:featbit@127.0.0.1:15432/postgres';

/** Unleash's API tokens, created at its start-up from its INIT_*_API_TOKENS variables. */
export const UNLEASH_TOKENS = {
  admin: '*:*.peers-bench-admin',
  client: 'default:development.peers-bench-client',
  frontend: 'default:development.peers-bench-frontend',
};

export interface Server {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

/** Installs unleash-server into bench/peers/unleash on first use (its own node_modules). */
export function ensureUnleashInstalled(log: (m: string) => void): string {
  const pkg = join(UNLEASH_DIR, 'node_modules', 'unleash-server', 'package.json');
  if (!existsSync(pkg)) {
    log('installing unleash-server into bench/peers/unleash (first use)');
    execFileSync('npm', ['install', '--prefix', UNLEASH_DIR, '--no-audit', '--no-fund'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** featbit-ts, one process with every role, PostgreSQL store and the in-process bus. */
export async function startOurs(core: number, main: string | null): Promise<Server> {
  if (main === null) ensureBuilt();
  const stack = await prepareStack('postgres', 0);
  const proc = await ProductProcess.start({
    name: 'featbit-ts',
    role: 'all',
    core,
    env: { ...stack.env, MQ_PROVIDER: 'inprocess', LOG_LEVEL: 'warn' },
    main: main === null ? undefined : join(main, 'dist', 'main.js'),
  }).catch(async (err: unknown) => {
    await stack.cleanup();
    throw err;
  });
  return {
    pid: proc.pid,
    port: proc.port,
    stop: async () => {
      await proc.stop();
      await stack.cleanup();
    },
  };
}

async function waitHealthy(child: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Unleash exited:\n${output().slice(-4000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Unleash not healthy after 180 s:\n${output().slice(-4000)}`);
}

/** Unleash's open-source server on a fresh database (its migrations run at start-up). */
export async function startUnleash(core: number): Promise<Server> {
  const database = `peers_unleash_${process.pid}_${Date.now()}`;
  const started = await onFreePort(async (port) => {
    const child = spawn('taskset', ['-c', String(core), process.execPath, 'start.mjs'], {
      cwd: UNLEASH_DIR,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'production',
        PEER_PORT: String(port),
        PEER_ADMIN_URL: POSTGRES_URL,
        PEER_DATABASE: database,
        INIT_ADMIN_API_TOKENS: UNLEASH_TOKENS.admin,
        INIT_CLIENT_API_TOKENS: UNLEASH_TOKENS.client,
        INIT_FRONTEND_API_TOKENS: UNLEASH_TOKENS.frontend,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-100_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    try {
      await waitHealthy(child, port, () => output);
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    }
    return { child, port };
  });
  const { child, port } = started;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    pid: child.pid!,
    port,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      await adminQuery('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
        database,
      ]);
      await adminQuery(`drop database if exists ${database}`);
    },
  };
}
