import { randomUUID } from 'node:crypto';
import { bucketBoundaries, type InsightInterval } from '../../../src/core/analytics/insight-interval';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import type {
  AnalyticsQuery,
  ExperimentSamplesQuery,
  FlagInsightsQuery,
  FlagUsersQuery,
} from '../../../src/core/ports/analytics-query.port';
import type { AnalyticsStore } from '../../../src/core/ports/analytics-store.port';
import { prng } from '../../support/seeded-prng';
import {
  normalizeExperimentSamples,
  normalizeInsights,
  referenceExperimentSamples,
  referenceInsights,
  referenceUsers,
} from './analytics-reference';
import { describeExperimentArrivals } from './experiment-arrivals.contract';
import { EXPERIMENT_FLAG, EXPERIMENT_METRIC, generateExperimentEvents } from './experiment-events';

export interface AnalyticsQueryHarness {
  store: AnalyticsStore;
  query: AnalyticsQuery;
  ready(): Promise<void>;
  /** Waits until written events are visible to reads (ClickHouse inserts are, at once; Kafka-fed are not). */
  settle?(): Promise<void>;
  close(): Promise<void>;
}

const H = 3600_000_000; // an hour in µs
// 2026-03-06T00:00Z: the generated days span New York's spring-forward (2026-03-08 07:00Z).
const T0 = Date.UTC(2026, 2, 6) * 1000;
const SPAN = 4 * 24 * H;
const VARIATIONS = ['v-on', 'v-off', 'v-x'];

/** A FlagValue event as the evaluation role builds it (src/core/sdk/insight-intake.ts). */
export function flagEvent(
  envId: string,
  flagKey: string,
  variationId: string,
  userKey: string,
  userName: string | null,
  us: number,
): InsightEvent {
  const properties: Record<string, unknown> = {
    route: '/Variation/GetMultiOptionVariation',
    flagId: `${envId}-${flagKey}`,
    envId,
    featureFlagKey: flagKey,
    sendToExperiment: false,
    userKeyId: userKey,
    userName,
    variationId,
    tag_0: userKey,
    tag_1: variationId,
    tag_2: 'false',
  };
  if (userName !== null) properties.tag_3 = userName;
  return {
    uuid: randomUUID(),
    distinctId: `${envId}-${flagKey}`,
    envId,
    event: 'FlagValue',
    properties: JSON.stringify(properties),
    timestamp: us,
  };
}

function metricEvent(envId: string, userKey: string, us: number): InsightEvent {
  return {
    uuid: randomUUID(),
    distinctId: 'checkout-completed',
    envId,
    event: 'CustomEvent',
    properties: JSON.stringify({ tag_0: userKey, tag_1: '1', tag_2: 'x', tag_3: 'v-on', numericValue: 1 }),
    timestamp: us,
  };
}

/** A reproducible event set: two environments, three flags, 60 users, metric events, odd names. */
export function generateEvents(envId: string, otherEnvId: string, seed = 17): InsightEvent[] {
  const random = prng(seed);
  const users = Array.from({ length: 60 }, (_, i) => ({
    key: i % 7 === 0 ? `User-${i}@Example.com` : `u${i}`,
    name: i % 5 === 0 ? null : i % 11 === 0 ? `O'Brien "${i}" \\ Zoë` : `Name ${i}`,
  }));
  const events: InsightEvent[] = [];
  for (let n = 0; n < 1500; n++) {
    const user = users[Math.floor(random() * users.length)];
    const us = T0 + Math.floor(random() * SPAN);
    const variation = VARIATIONS[Math.floor(random() * (random() < 0.8 ? 2 : 3))];
    const flag = random() < 0.7 ? 'checkout' : 'banner';
    events.push(flagEvent(envId, flag, variation, user.key, user.name, us));
    if (random() < 0.2) events.push(metricEvent(envId, user.key, us + 1));
    if (random() < 0.1) events.push(flagEvent(otherEnvId, 'checkout', variation, user.key, user.name, us));
  }
  // Events on bucket and hour edges, and a user who was renamed (the later name wins).
  events.push(flagEvent(envId, 'checkout', 'v-on', 'edge', 'Edge', T0 + 24 * H));
  events.push(flagEvent(envId, 'checkout', 'v-on', 'edge', 'Edge', T0 + 24 * H - 1));
  events.push(flagEvent(envId, 'checkout', 'v-off', 'renamed', 'Old name', T0 + 30 * H));
  events.push(flagEvent(envId, 'checkout', 'v-off', 'renamed', 'New name', T0 + 31 * H + 5));
  // Inside the seconds where a case's range starts and ends (not on a whole second).
  for (const us of [
    T0 + 30 * H + 250_000,
    T0 + 30 * H + 750_000,
    T0 + 40 * H + 100_000,
    T0 + 40 * H + 900_000,
  ]) {
    events.push(flagEvent(envId, 'checkout', 'v-x', `sub-second-${us % 1_000_000}`, null, us));
  }
  // A key with a dash, so flag keys are read after `<envId>-`, not at the first dash.
  events.push(flagEvent(envId, 'new-checkout-flow', 'v-on', 'u1', 'Name 1', T0 + 2 * H));
  return events;
}

function insightsQuery(
  envId: string,
  flagKey: string,
  interval: InsightInterval,
  fromMs: number,
  toMs: number,
  zone: string,
): FlagInsightsQuery {
  return {
    envId,
    flagKey,
    boundariesUs: bucketBoundaries(interval, fromMs, toMs, zone).map((ms) => ms * 1000),
    fromUs: fromMs * 1000,
    toUs: toMs * 1000,
  };
}

/** The AnalyticsQuery port's contract: every provider answers as the reference does. */
export function describeAnalyticsQueryContract(
  name: string,
  open: () => Promise<AnalyticsQueryHarness>,
): void {
  describe(`AnalyticsQuery contract: ${name}`, () => {
    let harness: AnalyticsQueryHarness;
    const envId = randomUUID();
    const otherEnvId = randomUUID();
    // The experiment events use their own flag, so the flag reads' answers are those of generateEvents.
    const events = [
      ...generateEvents(envId, otherEnvId),
      ...generateExperimentEvents(envId, otherEnvId, T0, SPAN),
    ];
    const t0 = T0 / 1000;
    const hour = 3600_000;

    beforeAll(async () => {
      harness = await open();
      await harness.ready();
      await harness.store.writeEvents(events);
      // A queue re-delivery: a third of the events again, in another order.
      await harness.store.writeEvents(events.filter((_, i) => i % 3 === 0).reverse());
      await harness.settle?.();
    }, 180_000);

    // Closing drops the test database, which a loaded server can take longer than Jest's 5 s over.
    afterAll(async () => {
      await harness?.close();
    }, 60_000);

    const insightCases: [string, InsightInterval, number, number, string][] = [
      [
        'hours over two days with partial edge hours',
        'HOUR',
        t0 + 90 * 60_000,
        t0 + 49 * hour + 17 * 60_000,
        'UTC',
      ],
      ['days in New York across the DST change', 'DAY', t0, t0 + 96 * hour, 'America/New_York'],
      ['days in Kolkata (a half-hour offset)', 'DAY', t0 - 5 * hour, t0 + 90 * hour, 'Asia/Kolkata'],
      ['minutes over three hours', 'MINUTE', t0 + 23 * hour, t0 + 26 * hour, 'UTC'],
      // Over 64 buckets of unequal length: ClickHouse's binary search (clickhouse-query-sql.ts).
      [
        '100 days in New York across the DST change',
        'DAY',
        t0 - 50 * 24 * hour,
        t0 + 50 * 24 * hour,
        'America/New_York',
      ],
      ['weeks', 'WEEK', t0 - 30 * 24 * hour, t0 + 10 * 24 * hour, 'Europe/Paris'],
      ['months in Shanghai', 'MONTH', t0 - 90 * 24 * hour, t0 + 5 * 24 * hour, 'Asia/Shanghai'],
      ['one bucket edge exactly at `to`', 'HOUR', t0 + 20 * hour, t0 + 24 * hour, 'UTC'],
      // Starts and ends half-way through a second holding events on both sides of the edge.
      ['a range from and to mid-second', 'HOUR', t0 + 30 * hour + 500, t0 + 40 * hour + 500, 'UTC'],
      ['a range with no events', 'DAY', t0 - 20 * 24 * hour, t0 - 10 * 24 * hour, 'UTC'],
    ];

    it.each(insightCases)('flag insights: %s', async (_label, interval, fromMs, toMs, zone) => {
      const q = insightsQuery(envId, 'checkout', interval, fromMs, toMs, zone);
      const expected = referenceInsights(events, q);
      expect(normalizeInsights(await harness.query.flagInsights(q))).toEqual(normalizeInsights(expected));
    });

    it('flag insights: sanity of the generated set (the cases above are not all empty)', () => {
      const q = insightsQuery(envId, 'checkout', 'DAY', t0, t0 + 96 * hour, 'UTC');
      const period = referenceInsights(events, q).period;
      expect(period.find((c) => c.variationId === null)?.evaluations).toBeGreaterThan(900);
      expect(period.filter((c) => c.variationId !== null)).toHaveLength(3);
    });

    it('flag insights: a flag key with dashes, another environment, an unknown flag', async () => {
      for (const [env, flag] of [
        [envId, 'new-checkout-flow'],
        [otherEnvId, 'checkout'],
        [envId, 'never-evaluated'],
      ] as const) {
        const q = insightsQuery(env, flag, 'DAY', t0, t0 + 96 * hour, 'UTC');
        expect(normalizeInsights(await harness.query.flagInsights(q))).toEqual(
          normalizeInsights(referenceInsights(events, q)),
        );
      }
    });

    const base = (over: Partial<FlagUsersQuery>): FlagUsersQuery => ({
      envId,
      flagKey: 'checkout',
      fromUs: T0,
      toUs: T0 + SPAN,
      pageIndex: 0,
      pageSize: 10,
      ...over,
    });
    const userCases: [string, Partial<FlagUsersQuery>][] = [
      ['the first page', {}],
      ['the third page', { pageIndex: 2 }],
      ['a page past the end', { pageIndex: 50 }],
      ['one variation', { variationId: 'v-x', pageSize: 50 }],
      ['a keyId substring, any case', { query: 'example.COM', pageSize: 50 }],
      ['a name substring with a quote', { query: "o'brien", pageSize: 50 }],
      ['a name with a percent sign matches nothing', { query: '%', pageSize: 50 }],
      ['a narrow range with the renamed user', { fromUs: T0 + 29 * H, toUs: T0 + 32 * H, pageSize: 100 }],
      ['a range ending before the later name', { fromUs: T0 + 29 * H, toUs: T0 + 31 * H, pageSize: 100 }],
      ['an edge at `to`', { fromUs: T0 + 23 * H, toUs: T0 + 24 * H, pageSize: 100 }],
      // A store may page from the range's most recent slice (ClickHouse starts with its last hour,
      // which here begins on the 'edge' event): a page that slice holds, and one it does not.
      ['a small first page', { toUs: T0 + 25 * H, pageSize: 3 }],
      ['a page further back', { toUs: T0 + 25 * H, pageSize: 3, pageIndex: 4 }],
      ['another environment', { envId: otherEnvId, pageSize: 100 }],
    ];

    it.each(userCases)('who saw what: %s', async (_label, over) => {
      const q = base(over);
      const page = await harness.query.flagUsers(q);
      const expected = referenceUsers(events, q);
      expect({
        totalCount: Number(page.totalCount),
        items: page.items.map((r) => ({ ...r, lastEvaluatedAtUs: Number(r.lastEvaluatedAtUs) })),
      }).toEqual(expected);
    });

    it('who saw what: the renamed user shows the later name', async () => {
      const page = await harness.query.flagUsers(
        base({ fromUs: T0 + 29 * H, toUs: T0 + 32 * H, pageSize: 100 }),
      );
      expect(page.items.find((r) => r.keyId === 'renamed')?.name).toBe('New name');
    });

    const experiment = (over: Partial<ExperimentSamplesQuery>): ExperimentSamplesQuery => ({
      envId,
      flagKey: EXPERIMENT_FLAG,
      metricEvent: 'CustomEvent',
      metricEventName: EXPERIMENT_METRIC,
      fromUs: T0,
      toUs: T0 + SPAN,
      ...over,
    });
    const experimentCases: [string, Partial<ExperimentSamplesQuery>][] = [
      ['a custom event over the whole window', {}],
      ['a page view with the same event name', { metricEvent: 'PageView' }],
      ['another event name', { metricEventName: 'signup' }],
      ['a narrower window', { fromUs: T0 + 24 * H, toUs: T0 + 60 * H }],
      ['a window around the tie', { fromUs: T0 + 29 * H, toUs: T0 + 31 * H }],
      ['the hand-made events alone', { fromUs: T0 + 30 * H, toUs: T0 + 30 * H + 5 }],
      ['an event name nobody sent', { metricEventName: 'never-sent' }],
      ['a flag without experiment exposures', { flagKey: 'checkout', metricEventName: 'checkout-completed' }],
      ['another environment', { envId: otherEnvId }],
      ['an empty window', { fromUs: T0 + H, toUs: T0 + H }],
    ];

    it.each(experimentCases)('experiment samples: %s', async (_label, over) => {
      const q = experiment(over);
      const expected = normalizeExperimentSamples(referenceExperimentSamples(events, q));
      expect(normalizeExperimentSamples(await harness.query.experimentSamples(q))).toEqual(expected);
    });

    it('experiment samples: sanity of the generated set (the cases above are not all trivial)', () => {
      const all = referenceExperimentSamples(events, experiment({})).variations;
      expect(all).toHaveLength(3);
      expect(all.every((v) => v.converted > 0 && v.converted < v.users)).toBe(true);
      expect(all.some((v) => v.sum !== 0 && v.sumSquares > 0)).toBe(true);
      // Only the hand-made events of experiment-events.ts lie in these 5 µs.
      const edge = experiment({ fromUs: T0 + 30 * H, toUs: T0 + 30 * H + 5 });
      expect(referenceExperimentSamples(events, edge).variations).toEqual([
        { variationId: 'p-b', users: 2, converted: 2, sum: 2.75, sumSquares: 6.25 + 0.0625 },
      ]);
    });

    describeExperimentArrivals(() => harness, T0, SPAN);

    it('reports healthy', async () => {
      expect((await harness.query.health()).ok).toBe(true);
    });
  });
}
