import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from '../../test/e2e/support/product';
import { onFreePort } from '../../test/support/free-port';
import { backlogDrops } from './net-tuning';

// The product under test, started the way an operator would (node dist/main.js --role …), pinned
// to a core with taskset, plus the database it needs and /proc sampling of its CPU and memory.

export type Stack = 'postgres' | 'redis' | 'embedded';

const MAIN = join(REPO_ROOT, 'dist', 'main.js');
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://featbit:featbit@127.0.0.1:15432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const JWT_SECRET = 'els-bench-jwt-secret-0123456789abcdef0123456789';

export interface PreparedStack {
  stack: Stack;
  /** Provider settings for every process of the deployment. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** One statement on the PostgreSQL server as its admin (create and drop bench databases). */
export async function adminQuery(sql: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A private PostgreSQL database (and Redis db index for the redis stack), removed by cleanup(). */
export async function prepareStack(stack: Stack, redisDb: number): Promise<PreparedStack> {
  if (stack === 'embedded') {
    return { stack, env: { DB_PROVIDER: 'pglite', MQ_PROVIDER: 'inprocess' }, cleanup: async () => {} };
  }
  const name = `els_bench_${process.pid}_${Date.now()}`;
  await adminQuery(`create database ${name}`);
  const env: Record<string, string> = { DB_PROVIDER: 'postgres', POSTGRES_URL: databaseUrl(name) };
  if (stack === 'postgres') env.MQ_PROVIDER = 'postgres';
  else
    Object.assign(env, {
      MQ_PROVIDER: 'redis',
      CACHE_PROVIDER: 'redis',
      REDIS_URL: `${REDIS_URL}/${redisDb}`,
    });
  return {
    stack,
    env,
    cleanup: async () => {
      await adminQuery('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      await adminQuery(`drop database if exists ${name}`);
      if (stack === 'redis') await flushRedisDb(redisDb);
    },
  };
}

/** Waits until the api has relayed every change it wrote (the outbox is empty). */
export async function waitForOutbox(env: Record<string, string>, timeoutMs = 300_000): Promise<void> {
  if (env.DB_PROVIDER !== 'postgres') return;
  const client = new Client({ connectionString: env.POSTGRES_URL });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: string }>('select count(*) as n from outbox');
      if (Number(rows[0].n) === 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the api did not relay its outbox within ${timeoutMs} ms`);
  } finally {
    await client.end();
  }
}

async function flushRedisDb(db: number): Promise<void> {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(`${REDIS_URL}/${db}`, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

export interface ProcessOptions {
  name: string;
  role: string;
  core: number;
  env: Record<string, string>;
  /** Directory for a V8 CPU profile (node --cpu-prof), written on exit. */
  cpuProfDir?: string;
  /** Another build's dist/main.js (A/B comparisons); default this repository's. */
  main?: string;
}

export class ProductProcess {
  private output = '';
  readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly port: number,
    private readonly dataDir: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-200_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  logs(): string {
    return this.output;
  }

  /**
   * `taskset -c <core> node dist/main.js --role <role>` with the deployment's settings, on a free
   * port (a new one if another process bound it first).
   */
  static async start(options: ProcessOptions): Promise<ProductProcess> {
    return onFreePort((port) => ProductProcess.startOn(options, port));
  }

  private static async startOn(options: ProcessOptions, port: number): Promise<ProductProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'els-bench-'));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      JWT_SECRET,
      // A few loopback addresses stand for thousands of SDK hosts: the per-address cap would refuse them.
      WS_MAX_CONNECTIONS_PER_IP: '0',
      ADMIN_EMAIL: TEST_ADMIN_EMAIL,
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      ...options.env,
    };
    const node = [process.execPath];
    if (options.cpuProfDir !== undefined) node.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
    const main = options.main ?? MAIN;
    const child = spawn('taskset', ['-c', String(options.core), ...node, main, '--role', options.role], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = new ProductProcess(options.name, child, port, dataDir);
    try {
      await proc.waitForReady(120_000);
    } catch (err) {
      child.kill('SIGKILL');
      await proc.exited;
      rmSync(dataDir, { recursive: true, force: true });
      throw err;
    }
    return proc;
  }

  async waitForReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running)
        throw new Error(`${this.name} exited before it was ready:\n${this.output.slice(-4000)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/health/readiness`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(
      `${this.name} not ready after ${timeoutMs} ms:\n${this.output.slice(0, 3000)}\n…\n${this.output.slice(-3000)}`,
    );
  }

  /** SIGTERM (SIGKILL after 20 s); removes the data directory. */
  async stop(): Promise<void> {
    if (this.running) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(timer);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface ProcSample {
  /** CPU time (user + system), seconds. */
  cpuSeconds: number;
  rssBytes: number;
  /** Peak RSS since the process started (VmHWM). */
  hwmBytes: number;
  at: number;
}

const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux x86-64

/** CPU time and memory of a process from /proc/<pid>/stat and /proc/<pid>/status. */
export function sampleProc(pid: number): ProcSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state(3) … utime(14) stime(15), numbered from 1.
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { cpuSeconds, rssBytes: kb('VmRSS') * 1024, hwmBytes: kb('VmHWM') * 1024, at: performance.now() };
  } catch {
    return null;
  }
}

export interface UsageWindow {
  /** Average CPU use over the window, percent of one core (summed over the processes). */
  cpuPercent: number;
  /** Highest sampled RSS during the window (summed over the processes). */
  peakRssBytes: number;
}

/** Samples a set of processes every `intervalMs`; windows report CPU use and peak RSS. */
export class UsageSampler {
  private readonly timer: NodeJS.Timeout;
  private peak = 0;

  constructor(
    private readonly pids: number[],
    intervalMs = 250,
  ) {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  private totals(): { cpu: number; rss: number } {
    let cpu = 0;
    let rss = 0;
    for (const pid of this.pids) {
      const s = sampleProc(pid);
      if (s !== null) {
        cpu += s.cpuSeconds;
        rss += s.rssBytes;
      }
    }
    return { cpu, rss };
  }

  private tick(): void {
    const { rss } = this.totals();
    if (rss > this.peak) this.peak = rss;
  }

  /** Starts a window; call the returned function to end it. */
  window(): () => UsageWindow {
    const start = this.totals();
    const t0 = performance.now();
    this.peak = start.rss;
    return () => {
      const end = this.totals();
      const seconds = (performance.now() - t0) / 1000;
      if (end.rss > this.peak) this.peak = end.rss;
      return {
        cpuPercent: seconds > 0 ? ((end.cpu - start.cpu) / seconds) * 100 : 0,
        peakRssBytes: this.peak,
      };
    };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

/**
 * Machine-wide counters that explain lost connections and retransmissions: TcpExt in
 * /proc/net/netstat and the input-queue drops of /proc/net/softnet_stat.
 */
export function tcpCounters(): Record<string, number> {
  const wanted = ['ListenOverflows', 'ListenDrops', 'TCPMemoryPressures', 'TCPAbortOnData', 'TCPBacklogDrop'];
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    for (let i = 0; i + 1 < lines.length; i += 2) {
      if (!lines[i].startsWith('TcpExt:')) continue;
      const names = lines[i].split(' ').slice(1);
      const values = lines[i + 1].split(' ').slice(1).map(Number);
      const out: Record<string, number> = {};
      for (const w of wanted) {
        const k = names.indexOf(w);
        if (k >= 0) out[w] = values[k];
      }
      out.SoftnetBacklogDrops = backlogDrops();
      return out;
    }
  } catch {
    // not Linux
  }
  return {};
}
