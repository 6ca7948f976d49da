import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { bucketBoundaries, type InsightInterval } from '../../src/core/analytics/insight-interval';
import type { Options } from './options';
import { type Row, verdict } from './report';
import { freshServers, openInProcess } from './stack';
import { readsDataSet, readsEvents, type ReadsDataSet } from './workload';

// The console's analytics reads on a large environment: the data set of workload.ts loaded through
// AnalyticsStore.writeEvents, then flagInsights (30 days by day, 24 h by hour) and the first page
// of flagUsers over 30 days on the hot flag, each timed in-process against the product's store.

const WARM_UP_RUNS = 2;

export interface ReadsCase {
  scenario: string;
  analytics: 'primary' | 'clickhouse';
  events: number;
  /** p50 targets: insights and who-saw-what (flagUsers). */
  insightsMs: number;
  usersMs: number;
}

type Log = (message: string) => void;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** p50 and p95 of `query` over `runs` after warm-ups; `before` (untimed) runs ahead of each. */
export async function timeRuns(
  runs: number,
  query: () => Promise<unknown>,
  before?: () => Promise<unknown>,
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    await before?.();
    await query();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const start = performance.now();
    await query();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

function insightsQuery(set: ReadsDataSet, interval: InsightInterval, fromMs: number) {
  return {
    envId: set.envId,
    flagKey: set.hotFlag,
    boundariesUs: bucketBoundaries(interval, fromMs, set.toMs, 'UTC').map((ms) => ms * 1000),
    fromUs: fromMs * 1000,
    toUs: set.toMs * 1000,
  };
}

export async function runReads(c: ReadsCase, options: Options, rows: Row[], log: Log): Promise<void> {
  const servers = await freshServers(
    `bench_${c.scenario.replace('-', '_')}`,
    c.analytics,
    'postgres',
    options.keep,
  );
  const local = await openInProcess(servers.env, options.clickhouseEngine);
  try {
    const set = readsDataSet(randomUUID(), c.events);
    log(`${c.scenario}: loading ${c.events.toLocaleString('en')} events through writeEvents`);
    const t0 = performance.now();
    let written = 0;
    let nextLog = c.events / 10;
    // One write in flight, as the role's group commit does (concurrent PostgreSQL writers can
    // deadlock on the rollup rows); the generator builds the next batch meanwhile.
    let inFlight: Promise<unknown> | null = null;
    for (const batch of readsEvents(set, options.loadBatch)) {
      await inFlight;
      inFlight = local.analytics.writeEvents(batch).then(() => {
        written += batch.length;
        if (written >= nextLog) {
          log(`  ${written.toLocaleString('en')} written`);
          nextLog += c.events / 10;
        }
      });
    }
    await inFlight;
    const loadSeconds = (performance.now() - t0) / 1000;
    const stored = await local.analytics.countEvents(set.envId);
    rows.push({
      scenario: c.scenario,
      phase: 'load (writeEvents)',
      count: stored,
      ratePerSec: c.events / loadSeconds,
      p50Ms: null,
      p95Ms: null,
      cpuMsPer1k: null,
      peakRssMiB: null,
      target: '',
      verdict: stored === c.events ? '' : 'failed',
      note:
        `${options.loadBatch.toLocaleString('en')} events per call, one in flight, ` +
        `generation included; hot flag ${set.hotEvents.toLocaleString('en')} events, ` +
        `${set.hotUsers.toLocaleString('en')} users` +
        (stored === c.events ? '' : `; store counts ${stored} of ${c.events}`),
    });
    const day = 24 * 3600_000;
    const queries: { phase: string; targetMs: number; run: () => Promise<unknown> }[] = [
      {
        phase: 'flagInsights 30 d by DAY',
        targetMs: c.insightsMs,
        run: () => local.analytics.flagInsights(insightsQuery(set, 'DAY', set.toMs - 30 * day)),
      },
      {
        phase: 'flagInsights 24 h by HOUR',
        targetMs: c.insightsMs,
        run: () => local.analytics.flagInsights(insightsQuery(set, 'HOUR', set.toMs - day)),
      },
      {
        phase: 'flagUsers 30 d, page 1 of 10',
        targetMs: c.usersMs,
        run: () =>
          local.analytics.flagUsers({
            envId: set.envId,
            flagKey: set.hotFlag,
            fromUs: (set.toMs - 30 * day) * 1000,
            toUs: set.toMs * 1000,
            pageIndex: 0,
            pageSize: 10,
          }),
      },
    ];
    for (const q of queries) {
      log(`${c.scenario}: ${q.phase}, ${options.runs} runs`);
      const t = await timeRuns(options.runs, q.run);
      rows.push({
        scenario: c.scenario,
        phase: q.phase,
        count: options.runs,
        ratePerSec: null,
        p50Ms: t.p50,
        p95Ms: t.p95,
        cpuMsPer1k: null,
        peakRssMiB: null,
        target: `p50 ≤ ${q.targetMs} ms`,
        verdict: verdict(t.p50, q.targetMs, false),
        note: '',
      });
    }
  } finally {
    await local.close();
    await servers.drop();
  }
}
