import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadAppConfig } from '../../src/config/load-app-config';
import { TOPICS } from '../../src/core/ports/message-bus.port';
import { ProductProcess, sampleProc } from '../els/processes';
import type { ChIngestMode, Options } from './options';
import { type Row, verdict } from './report';
import { freshServers, insightTopicEnd, openInProcess, positionGroup, type TopicOffsets } from './stack';
import { ingestMessages } from './workload';

// Ingest from the queue: N insight messages enqueued first, then one analytics role started on a
// fresh database and timed until the store holds all N (see METHOD in report.ts).

const ENQUEUE_CHUNK = 5000;
const POLL_MS = 500;
/** A run whose count has not moved for this long is reported as failed. */
const STALL_MS = 120_000;
const MiB = 1024 * 1024;

export interface IngestCase {
  scenario: string;
  analytics: 'primary' | 'clickhouse';
  mq: 'postgres' | 'kafka';
  /** ClickHouse only: who writes the events. */
  chIngest?: ChIngestMode;
  events: number;
  /** Events per second the drain must reach (null: no rate target, e.g. burst). */
  target: number | null;
}

interface Drain {
  events: number;
  seconds: number;
  /** Null when the drain was over before the first poll. */
  cpuSeconds: number | null;
  peakRssBytes: number;
  /** RSS at each tenth of the backlog drained. */
  rssTrace: number[];
  startupSeconds: number;
}

type Log = (message: string) => void;

async function drain(
  role: ProductProcess,
  count: () => Promise<number>,
  total: number,
  spawnedAt: number,
  log: Log,
): Promise<Drain> {
  const startupSeconds = (performance.now() - spawnedAt) / 1000;
  let first: { at: number; n: number; cpu: number } | null = null;
  let last = { at: performance.now(), n: -1 };
  let peakRss = 0;
  const rssTrace: number[] = [];
  for (;;) {
    if (!role.running) throw new Error(`the analytics role exited:\n${role.logs().slice(-3000)}`);
    const n = await count();
    const sample = sampleProc(role.pid);
    const now = performance.now();
    if (sample !== null) {
      peakRss = Math.max(peakRss, sample.hwmBytes);
      while (rssTrace.length < 10 && n >= ((rssTrace.length + 1) * total) / 10)
        rssTrace.push(sample.rssBytes);
    }
    if (first === null && n > 0) first = { at: now, n, cpu: sample?.cpuSeconds ?? 0 };
    if (n !== last.n) {
      if (Math.floor(n / (total / 4)) > Math.floor(Math.max(0, last.n) / (total / 4)))
        log(`  ${n.toLocaleString('en')} stored`);
      last = { at: now, n };
    } else if (now - last.at > STALL_MS) {
      throw new Error(`stalled at ${n} of ${total} events for ${STALL_MS / 1000} s`);
    }
    if (n >= total && first !== null && first.n >= total) {
      // Everything was stored before the first poll (ClickHouse reading Kafka while the role
      // started): timed from the spawn, so a lower bound that includes the role's start-up.
      return {
        events: total,
        seconds: (now - spawnedAt) / 1000,
        cpuSeconds: null,
        peakRssBytes: peakRss,
        rssTrace,
        startupSeconds,
      };
    }
    if (n >= total && first !== null) {
      return {
        events: n - first.n,
        seconds: (now - first.at) / 1000,
        cpuSeconds: (sample?.cpuSeconds ?? first.cpu) - first.cpu,
        peakRssBytes: peakRss,
        rssTrace,
        startupSeconds,
      };
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * The consumer groups that will read the insights topic: the role's insight consumer
 * (kafka-message.bus.ts: `<clientId>-jobs-<topic>`) and, with ingest=kafka, ClickHouse's own.
 */
function groups(env: Record<string, string>): string[] {
  const ingest = loadAppConfig(env, ['analytics']).analytics.clickhouse?.ingest;
  const role = `${env.KAFKA_CLIENT_ID}-jobs-${TOPICS.insights}`;
  return ingest?.mode === 'kafka' ? [role, ingest.group] : [role];
}

export async function runIngest(c: IngestCase, options: Options, rows: Row[], log: Log): Promise<void> {
  const phase = c.chIngest === undefined ? `drain by the role (${c.mq})` : `drain, ingest=${c.chIngest}`;
  const servers = await freshServers(
    `bench_${c.scenario.replace('-', '_')}`,
    c.analytics,
    c.mq,
    options.keep,
  );
  // This process opens the store in role mode (the events table only); the role itself creates the
  // Kafka table once the backlog is there and its group positioned.
  const local = await openInProcess(servers.env);
  const roleEnv: Record<string, string> =
    c.chIngest === 'kafka' ? { ...servers.env, ANALYTICS_CLICKHOUSE_INGEST: 'kafka' } : { ...servers.env };
  // Profiling the role: e.g. --role-node-options "--require ./profiler.cjs" (--cpu-prof is refused there).
  if (options.roleNodeOptions !== null) roleEnv.NODE_OPTIONS = options.roleNodeOptions;
  let role: ProductProcess | null = null;
  try {
    const envId = randomUUID();
    const before: TopicOffsets = c.mq === 'kafka' ? await insightTopicEnd() : [];
    const bus = await local.bus();
    log(`${c.scenario}: enqueueing ${c.events.toLocaleString('en')} insight messages (${c.mq})`);
    const t0 = performance.now();
    for (const batch of ingestMessages(envId, c.events, ENQUEUE_CHUNK))
      await bus.enqueue(TOPICS.insights, batch);
    const enqueueSeconds = (performance.now() - t0) / 1000;
    rows.push({
      scenario: c.scenario,
      phase: `enqueue (${c.mq}, load generator)`,
      count: c.events,
      ratePerSec: c.events / enqueueSeconds,
      p50Ms: null,
      p95Ms: null,
      cpuMsPer1k: null,
      peakRssMiB: null,
      target: '',
      verdict: '',
      note: '',
    });
    if (c.mq === 'kafka') for (const group of groups(roleEnv)) await positionGroup(group, before);
    log(`${c.scenario}: starting the analytics role on core ${options.serverCore}`);
    const spawnedAt = performance.now();
    role = await ProductProcess.start({
      name: 'analytics',
      role: 'analytics',
      core: options.serverCore,
      env: roleEnv,
      ...(options.main === null ? {} : { main: options.main }),
    });
    const d = await drain(role, () => local.analytics.countEvents(envId), c.events, spawnedAt, log);
    const rate = d.events / d.seconds;
    const trace = d.rssTrace.map((b) => Math.round(b / MiB)).join(', ');
    rows.push({
      scenario: c.scenario,
      phase,
      count: c.events,
      ratePerSec: rate,
      p50Ms: null,
      p95Ms: null,
      cpuMsPer1k: d.cpuSeconds === null ? null : (d.cpuSeconds * 1e6) / d.events,
      peakRssMiB: d.peakRssBytes / MiB,
      target: c.target === null ? 'RSS bounded' : `≥ ${c.target.toLocaleString('en')}/s`,
      verdict: c.target === null ? boundedVerdict(d.rssTrace) : verdict(rate, c.target, true),
      note:
        `role ready after ${d.startupSeconds.toFixed(1)} s; ` +
        (d.cpuSeconds === null
          ? 'all stored before the first poll: rate from the role spawn (lower bound, start-up included); '
          : 'rate from the first stored event; ') +
        `RSS MiB at each tenth drained: ${trace}`,
    });
  } finally {
    await role?.stop();
    await local.close();
    await servers.drop();
  }
}

/** Bounded: the second half of the drain never holds more than 20 % above the first half's peak. */
function boundedVerdict(trace: number[]): string {
  if (trace.length < 4) return 'failed';
  const half = Math.floor(trace.length / 2);
  const early = Math.max(...trace.slice(0, half));
  const late = Math.max(...trace.slice(half));
  return late <= early * 1.2 ? 'met' : 'missed';
}
