import { randomUUID } from 'node:crypto';
import { createClient } from '@clickhouse/client';
import { flagEvent as contractFlagEvent } from '../../contracts/analytics/analytics-query.contract';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import { insightMessage } from '../../../src/core/messages/insight.message';
import { TOPICS } from '../../../src/core/ports/message-bus.port';
import {
  type ClickHouseAnalyticsOptions,
  type ClickHouseAnalyticsStore,
  createClickHouseAnalyticsStore,
} from '../../../src/infrastructure/analytics/clickhouse/clickhouse-analytics.store';
import { kafkaIngestDdl } from '../../../src/infrastructure/analytics/clickhouse/clickhouse-sql';
import {
  normalizeExperimentSamples,
  referenceExperimentSamples,
} from '../../contracts/analytics/analytics-reference';
import {
  EXPERIMENT_FLAG,
  EXPERIMENT_METRIC,
  generateExperimentEvents,
} from '../../contracts/analytics/experiment-events';
import { createKafkaMessageBus } from '../../../src/infrastructure/mq/kafka/kafka-message.bus';

// ANALYTICS_CLICKHOUSE_INGEST=kafka end to end: insight messages enqueued through our Kafka bus (the
// evaluation role's path) are consumed by ClickHouse itself (Kafka engine + materialized view) and
// answered by flagInsights. On the Debian server (18.16), whose Kafka engine reaches the loopback
// broker; chdb, the in-process current engine, is not a server that keeps consuming in the
// background, so this path is not run there.
const URL = process.env.TEST_CLICKHOUSE_URL;
const BROKERS = process.env.TEST_KAFKA_BROKERS;
// Skipped only when TEST_CLICKHOUSE_URL and TEST_KAFKA_BROKERS is unset (a run outside .ci/run, which starts these servers).
const describeIf = URL && BROKERS ? describe : describe.skip;

const H = 3600_000_000;
const T0 = Date.UTC(2026, 0, 10) * 1000;

function flagEvent(
  envId: string,
  flagKey: string,
  variationId: string,
  userKey: string,
  us: number,
): InsightEvent {
  return contractFlagEvent(envId, flagKey, variationId, userKey, `Name ${userKey}`, us);
}

describeIf('ClickHouse fed from Kafka (skipped without TEST_CLICKHOUSE_URL and TEST_KAFKA_BROKERS)', () => {
  const database = `fbts_kafka_${process.pid}_${Date.now()}`;
  const prefix = `h3-${process.pid}-${Date.now()}-`;
  const envId = randomUUID();
  const bus = createKafkaMessageBus({
    brokers: (BROKERS ?? '').split(','),
    clientId: 'fbts-test',
    instanceId: 'kafka-ingest',
    topicPrefix: prefix,
  });
  const storeOptions: ClickHouseAnalyticsOptions = {
    url: URL ?? '',
    database,
    user: 'default',
    password: '',
    ingest: {
      mode: 'kafka',
      brokers: (BROKERS ?? '').split(','),
      topic: `${prefix}${TOPICS.insights}`,
      group: `${prefix}clickhouse`,
    },
  };
  let store: ClickHouseAnalyticsStore;

  const total = async (flagKey: string): Promise<number> => {
    const result = await store.flagInsights({
      envId,
      flagKey,
      boundariesUs: [T0, T0 + 24 * H],
      fromUs: T0,
      toUs: T0 + 24 * H,
    });
    return result.period.find((c) => c.variationId === null)?.evaluations ?? 0;
  };

  beforeAll(async () => {
    // The topic exists before ClickHouse subscribes (the bus creates it on first use).
    await bus.enqueue(TOPICS.insights, [insightMessage(flagEvent(envId, 'probe', 'v', 'p', T0))]);
    store = createClickHouseAnalyticsStore(storeOptions);
    for (let i = 0; i < 200 && !(await store.health()).ok; i++) await new Promise((r) => setTimeout(r, 100));
    // A new consumer group starts at the end of the topic: probe until ClickHouse has joined.
    for (let i = 0; i < 60 && (await total('probe')) === 0; i++) {
      await bus.enqueue(TOPICS.insights, [insightMessage(flagEvent(envId, 'probe', 'v', 'p', T0))]);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await bus.close();
    const admin = createClient({ url: URL });
    await admin.command({ query: `DROP DATABASE IF EXISTS ${database}` });
    await admin.close();
  });

  it('counts what the bus enqueued, by variation and user, without the role inserting', async () => {
    const events = Array.from({ length: 300 }, (_, i) =>
      flagEvent(envId, 'checkout', i % 3 === 0 ? 'v-on' : 'v-off', `u${i % 50}`, T0 + (i % 24) * H),
    );
    // The role's write is a no-op on this path: ClickHouse inserts from the topic.
    expect(await store.writeEvents(events)).toEqual({ inserted: 0 });
    await bus.enqueue(TOPICS.insights, events.map(insightMessage));
    for (let i = 0; i < 60 && (await total('checkout')) < events.length; i++) {
      await new Promise((r) => setTimeout(r, 500));
    }
    const result = await store.flagInsights({
      envId,
      flagKey: 'checkout',
      boundariesUs: Array.from({ length: 25 }, (_, h) => T0 + h * H),
      fromUs: T0,
      toUs: T0 + 24 * H,
    });
    const period = Object.fromEntries(result.period.map((c) => [String(c.variationId), c]));
    expect(period.null).toEqual({ variationId: null, evaluations: 300, users: 50 });
    expect(period['v-on']?.evaluations).toBe(100);
    expect(period['v-off']?.evaluations).toBe(200);
    expect(result.buckets).toHaveLength(24);
    const users = await store.flagUsers({
      envId,
      flagKey: 'checkout',
      fromUs: T0,
      toUs: T0 + 24 * H,
      pageIndex: 0,
      pageSize: 10,
    });
    expect(users.items[0]?.name).toMatch(/^Name u\d+$/);
  }, 60_000);

  it('fills the experiment columns on this path too, after replacing a view from before them', async () => {
    const admin = createClient({ url: URL });
    const viewDdl = async (): Promise<string> => {
      const rows = await (
        await admin.query({
          query: `SELECT create_table_query AS q FROM system.tables WHERE database = '${database}' AND name = 'events_kafka_mv'`,
          format: 'JSONEachRow',
        })
      ).json<{ q: string }>();
      return rows[0]?.q ?? '';
    };
    try {
      // The view as the release before the experiment columns made it: today's without them.
      const [, ddl = ''] = kafkaIngestDdl(
        `${database}.events_kafka`,
        `${database}.events_kafka_mv`,
        `${database}.events`,
        {
          brokers: (BROKERS ?? '').split(','),
          topic: `${prefix}${TOPICS.insights}`,
          group: `${prefix}clickhouse`,
        },
      );
      const cut = ddl.indexOf(' AS user_name') + ' AS user_name'.length;
      await admin.command({ query: `DROP TABLE ${database}.events_kafka_mv` });
      await admin.command({ query: ddl.slice(0, cut) + ddl.slice(ddl.lastIndexOf(' FROM ')) });
      expect(await viewDdl()).not.toContain('metric_value');
      await store.close();
      store = createClickHouseAnalyticsStore(storeOptions);
      for (let i = 0; i < 200 && !(await store.health()).ok; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await viewDdl()).toContain(' AS metric_value');

      const expEnv = randomUUID();
      const events = generateExperimentEvents(expEnv, randomUUID(), T0, 4 * 24 * H);
      await bus.enqueue(TOPICS.insights, events.map(insightMessage));
      const mine = events.filter((e) => e.envId === expEnv).length;
      for (let i = 0; i < 60 && (await store.countEvents(expEnv)) < mine; i++) {
        await new Promise((r) => setTimeout(r, 500));
      }
      const q = {
        envId: expEnv,
        flagKey: EXPERIMENT_FLAG,
        metricEvent: 'CustomEvent',
        metricEventName: EXPERIMENT_METRIC,
        fromUs: T0,
        toUs: T0 + 4 * 24 * H,
      };
      const expected = normalizeExperimentSamples(referenceExperimentSamples(events, q));
      expect(expected.some((v) => v.converted > 0)).toBe(true);
      expect(normalizeExperimentSamples(await store.experimentSamples(q))).toEqual(expected);
    } finally {
      await admin.close();
    }
  }, 90_000);
});
