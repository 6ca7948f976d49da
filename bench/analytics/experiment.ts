import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { InsightEvent } from '../../src/core/insights/insight-event';
import { parseInsightBody } from '../../src/core/sdk/insight-intake';
import type { Options } from './options';
import { timeRuns } from './reads';
import { type Row, verdict } from './report';
import { freshServers, openInProcess } from './stack';
import { toEvents } from './workload';
import { prng } from '../../test/support/seeded-prng';

// Issue 18's experiment read: one experiment over N exposures (FlagValue, sendToExperiment true)
// and N metric events, loaded through AnalyticsStore.writeEvents like the reads scenarios, then
// AnalyticsQuery.experimentSamples over the whole 30 days, timed in-process against the product's
// store (read once before the load, as a running experiment is). Events are SDK insight bodies through src/core/sdk/insight-intake.ts, hour by hour (the
// order they would arrive in); users keep their variation (a 50/50 split) except one in ten, who
// also sees the other one; metric events fall before and after users' first exposures.

export interface ExperimentCase {
  scenario: string;
  analytics: 'primary' | 'clickhouse';
  /** Exposures, and as many metric events. */
  events: number;
  /** p50 target of experimentSamples. */
  targetMs: number;
}

type Log = (message: string) => void;

const HOUR_MS = 3_600_000;
const HOURS = 30 * 24;
const FLAG = 'experiment-flag';
const METRIC = 'checkout-completed';
/** A pause after the load before the settled reads. */
const SETTLE_MS = 15_000;
/** Exposures per user on average: a user sees the flag on several visits. */
const EXPOSURES_PER_USER = 5;

interface Item {
  user: number;
  timestampMs: number;
  /** Null: a metric event. */
  variation: number | null;
  value: number;
}

function toBatch(envId: string, items: readonly Item[]): InsightEvent[] {
  const body = items.map((e) => ({
    user: { keyId: `user-${e.user}`, name: `User ${e.user}`, customizedProperties: [] },
    variations:
      e.variation === null
        ? []
        : [
            {
              featureFlagKey: FLAG,
              variation: { id: e.variation === 0 ? 'v-a' : 'v-b', value: String(e.variation) },
              sendToExperiment: true,
              timestamp: e.timestampMs,
            },
          ],
    metrics:
      e.variation === null
        ? [{ type: 'CustomEvent', eventName: METRIC, numericValue: e.value, timestamp: e.timestampMs }]
        : [],
  }));
  const parsed = parseInsightBody(body, {
    envId,
    maxItems: body.length,
    nowMs: Date.now(),
    newId: randomUUID,
  });
  if (!parsed.ok) throw new Error(`the generated body was refused: ${parsed.error}`);
  return toEvents(parsed.batch.insights);
}

function* experimentEvents(
  envId: string,
  n: number,
  fromMs: number,
  chunk: number,
  traffic: { hours: number; users: number; seed: number } = {
    hours: HOURS,
    users: Math.max(1, Math.round(n / EXPOSURES_PER_USER)),
    seed: 18,
  },
): Generator<InsightEvent[]> {
  const random = prng(traffic.seed);
  const { hours, users } = traffic;
  let pending: Item[] = [];
  let exposuresLeft = n;
  let metricsLeft = n;
  for (let h = 0; h < hours; h++) {
    const start = fromMs + h * HOUR_MS;
    const exposures = Math.round(exposuresLeft / (hours - h));
    const metrics = Math.round(metricsLeft / (hours - h));
    exposuresLeft -= exposures;
    metricsLeft -= metrics;
    for (let i = 0; i < exposures; i++) {
      const user = Math.floor(random() * users);
      const variation = random() < 0.1 ? 1 - (user % 2) : user % 2;
      pending.push({ user, variation, timestampMs: start + Math.floor(random() * HOUR_MS), value: 0 });
    }
    for (let i = 0; i < metrics; i++) {
      const user = Math.floor(random() * users);
      const value = Math.floor(random() * 100) + 1;
      pending.push({ user, variation: null, timestampMs: start + Math.floor(random() * HOUR_MS), value });
    }
    while (pending.length >= chunk) {
      yield toBatch(envId, pending.slice(0, chunk));
      pending = pending.slice(chunk);
    }
  }
  if (pending.length > 0) yield toBatch(envId, pending);
}

export async function runExperiment(
  c: ExperimentCase,
  options: Options,
  rows: Row[],
  log: Log,
): Promise<void> {
  const servers = await freshServers(
    `bench_${c.scenario.replace('-', '_')}`,
    c.analytics,
    'postgres',
    options.keep,
  );
  const local = await openInProcess(servers.env, options.clickhouseEngine);
  try {
    const envId = randomUUID();
    const toMs = Date.now();
    const fromMs = toMs - HOURS * HOUR_MS;
    const total = 2 * c.events;
    const query = {
      envId,
      flagKey: FLAG,
      metricEvent: 'CustomEvent',
      metricEventName: METRIC,
      fromUs: fromMs * 1000,
      toUs: toMs * 1000,
    };
    // Read once before any event, as the console and the guard checks do while an experiment runs:
    // a store that keeps windows as events arrive (PostgreSQL) then folds the whole load into it.
    await local.analytics.experimentSamples(query);
    log(`${c.scenario}: loading ${c.events.toLocaleString('en')} exposures and as many metric events`);
    const t0 = performance.now();
    let inFlight: Promise<unknown> | null = null;
    for (const batch of experimentEvents(envId, c.events, fromMs, options.loadBatch)) {
      await inFlight;
      inFlight = local.analytics.writeEvents(batch);
    }
    await inFlight;
    const loadSeconds = (performance.now() - t0) / 1000;
    const stored = await local.analytics.countEvents(envId);
    rows.push({
      scenario: c.scenario,
      phase: 'load (writeEvents)',
      count: stored,
      ratePerSec: total / loadSeconds,
      p50Ms: null,
      p95Ms: null,
      cpuMsPer1k: null,
      peakRssMiB: null,
      target: '',
      verdict: stored === total ? '' : 'failed',
      note:
        `${options.loadBatch.toLocaleString('en')} events per call, one in flight, generation included; ` +
        `${Math.round(c.events / EXPOSURES_PER_USER).toLocaleString('en')} users` +
        (stored === total ? '' : `; store counts ${stored} of ${total}`),
    });
    const samples = await local.analytics.experimentSamples(query);
    const summary = samples.variations
      .map((v) => `${v.variationId}: ${v.users} users, ${v.converted} converted`)
      .join('; ');
    log(`${c.scenario}: experimentSamples, ${options.runs} runs (${summary})`);
    const t = await timeRuns(options.runs, () => local.analytics.experimentSamples(query));
    rows.push({
      scenario: c.scenario,
      phase: 'experimentSamples 30 d',
      count: options.runs,
      ratePerSec: null,
      p50Ms: t.p50,
      p95Ms: t.p95,
      cpuMsPer1k: null,
      peakRssMiB: null,
      target: `p50 ≤ ${c.targetMs} ms`,
      verdict: verdict(t.p50, c.targetMs, false),
      note: `right after the load; ${summary}`,
    });
    // The same reads once the load is SETTLE_MS old: ClickHouse snapshots take only rows inserted
    // more than 10 s before they are built (clickhouse-experiment-windows.ts), so right after a
    // burst that inserted the whole window they read raw.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = await timeRuns(options.runs, () => local.analytics.experimentSamples(query));
    rows.push({
      scenario: c.scenario,
      phase: 'experimentSamples 30 d, load settled',
      count: options.runs,
      ratePerSec: null,
      p50Ms: settled.p50,
      p95Ms: settled.p95,
      cpuMsPer1k: null,
      peakRssMiB: null,
      target: `p50 ≤ ${c.targetMs} ms`,
      verdict: verdict(settled.p50, c.targetMs, false),
      note: `${SETTLE_MS / 1000} s after the load`,
    });
    // Reads while the experiment runs: before each, the last hour's traffic arrives (an hour's share
    // of the exposures and metric events, from the same users; not timed). A store that keeps
    // snapshots answers from one plus those new events.
    const users = Math.max(1, Math.round(c.events / EXPOSURES_PER_USER));
    const perHour = Math.max(1, Math.round(c.events / HOURS));
    let hourSeed = 100;
    const live = await timeRuns(
      options.runs,
      () => local.analytics.experimentSamples(query),
      async () => {
        const traffic = { hours: 1, users, seed: hourSeed++ };
        for (const batch of experimentEvents(envId, perHour, toMs - HOUR_MS, options.loadBatch, traffic)) {
          await local.analytics.writeEvents(batch);
        }
      },
    );
    rows.push({
      scenario: c.scenario,
      phase: 'experimentSamples 30 d, while events arrive',
      count: options.runs,
      ratePerSec: null,
      p50Ms: live.p50,
      p95Ms: live.p95,
      cpuMsPer1k: null,
      peakRssMiB: null,
      target: `p50 ≤ ${c.targetMs} ms`,
      verdict: verdict(live.p50, c.targetMs, false),
      note: `before each read, ${(2 * perHour).toLocaleString('en')} new events (an hour's traffic), not timed`,
    });
    // A window nobody read before (one µs later, so a new one): what the first read after a load costs.
    const coldStart = performance.now();
    await local.analytics.experimentSamples({ ...query, fromUs: query.fromUs + 1 });
    const coldMs = performance.now() - coldStart;
    rows.push({
      scenario: c.scenario,
      phase: 'experimentSamples, first read',
      count: 1,
      ratePerSec: null,
      p50Ms: coldMs,
      p95Ms: null,
      cpuMsPer1k: null,
      peakRssMiB: null,
      target: '',
      verdict: '',
      note: 'a window no read asked for before: built from raw events where windows are kept',
    });
  } finally {
    await local.close();
    await servers.drop();
  }
}
