import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../../../support/free-port';

// Servers the split-role suite owns, so it can take them down without touching the shared ones
// other suites use: a Redis and a PostgreSQL cluster, each on its own loopback port (a private
// Kafka broker comes from test/support/kafka-broker.ts). Only processes started here are ever
// signalled.

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port}`);
    await sleep(50);
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

// ---- Redis ----

export interface PrivateRedis {
  url: string;
  /** SIGKILL: a crash. Without persistence everything Redis held is gone. */
  kill(): Promise<void>;
  /** Starts again on the same port and directory (an append-only file is replayed). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `redis-server` in the foreground on a free port. `appendOnly: 'always'` fsyncs every write before
 * answering, so a crash loses nothing that was acknowledged; `false` is the test server's setting
 * (`--save '' --appendonly no`): a restart comes back empty.
 */
export async function startPrivateRedis(options: { appendOnly: false | 'always' }): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'split-redis-'));
  let child: ChildProcess | null = null;
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', ''];
  args.push(
    ...(options.appendOnly
      ? ['--appendonly', 'yes', '--appendfsync', options.appendOnly]
      : ['--appendonly', 'no']),
  );
  const start = async () => {
    child = spawn('redis-server', args, { stdio: 'ignore' });
    child.once('error', () => undefined);
    await waitForPort(port);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    async kill() {
      const current = child;
      child = null;
      if (current) {
        current.kill('SIGKILL');
        await exited(current);
      }
    },
    async stop() {
      const current = child;
      child = null;
      if (current) {
        current.kill('SIGKILL');
        await exited(current);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- PostgreSQL ----

export interface PrivatePostgres {
  port: number;
  /** A fresh database; its URL. */
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop -m immediate`: every backend dies at once, as in a crash (committed data stays). */
  crash(): Promise<void>;
  start(): Promise<void>;
  /** pg_terminate_backend for every session of `database` (the cluster stays up). */
  terminateSessions(database: string): Promise<number>;
  destroy(): Promise<void>;
}

const PG_BIN = process.env.TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Runs a PostgreSQL binary as the postgres user when we are root (the server refuses root). */
function pgCommand(binary: string, args: string[]): Promise<unknown> {
  const path = join(PG_BIN, binary);
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', path, ...args]) : run(path, args);
}

/**
 * A throw-away cluster (initdb, trust auth, fsync off) so the suite can crash and restart the
 * database without disturbing the shared test server (.ci/infra.sh).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'split-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const sockets = join(dir, 'sockets');
  mkdirSync(sockets);
  chmodSync(sockets, 0o777);
  await pgCommand('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = async () => {
    await pgCommand('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  };
  await start();
  const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    port,
    async createDatabase(name) {
      await admin((c) => c.query(`create database ${name}`));
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    crash: async () => {
      await pgCommand('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    },
    start,
    terminateSessions: (database) =>
      admin(async (c) => {
        const res = await c.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [database],
        );
        return res.rowCount ?? 0;
      }),
    async destroy() {
      await pgCommand('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
