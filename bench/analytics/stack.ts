import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClickHouseClientConfigOptions, createClient } from '@clickhouse/client';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { loadAppConfig } from '../../src/config/load-app-config';
import type { AnalyticsQuery } from '../../src/core/ports/analytics-query.port';
import type { AnalyticsStore } from '../../src/core/ports/analytics-store.port';
import type { DataStore } from '../../src/core/ports/data-store.port';
import { silentLogger } from '../../src/core/ports/logger.port';
import type { MessageBus } from '../../src/core/ports/message-bus.port';
import { TOPICS } from '../../src/core/ports/message-bus.port';
import type { AppConfig } from '../../src/config/app-config';
import { createAnalyticsStore } from '../../src/infrastructure/analytics/analytics-store.module';
import {
  type ClickHouseAnalyticsStore,
  createClickHouseAnalyticsStore,
} from '../../src/infrastructure/analytics/clickhouse/clickhouse-analytics.store';
import { createDataStore } from '../../src/infrastructure/database/database.module';
import type { PostgresDataStore } from '../../src/infrastructure/database/postgres/postgres-data-store';
import { createMessageBus } from '../../src/infrastructure/mq/mq.module';

// The servers of a run: a fresh PostgreSQL database (and ClickHouse database) per scenario, and
// the product's own adapters opened in this process with the product's own factories and
// configuration (loadAppConfig over the same variables the role process gets), so the bench
// enqueues and reads exactly as the roles do.

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://featbit:featbit@127.0.0.1:15432/postgres';
const CLICKHOUSE_URL = process.env.TEST_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123';
const KAFKA_BROKERS = process.env.TEST_KAFKA_BROKERS ?? '127.0.0.1:9092';

async function adminQuery(sql: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export interface Servers {
  /** The configuration variables of the deployment (role process and in-process adapters alike). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A fresh PostgreSQL database (primary store and, with MQ_PROVIDER=postgres, the queue) and, for
 * ClickHouse, a fresh ClickHouse database; Kafka gets a client id of its own (its consumer groups).
 */
export async function freshServers(
  name: string,
  analytics: 'primary' | 'clickhouse',
  mq: 'postgres' | 'kafka',
  keep: boolean,
): Promise<Servers> {
  const db = `${name}_${process.pid}_${Date.now()}`.replace(/[^a-z0-9_]/g, '_');
  await adminQuery(`create database ${db}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${db}`;
  const env: Record<string, string> = {
    DB_PROVIDER: 'postgres',
    POSTGRES_URL: url.toString(),
    MQ_PROVIDER: mq,
    ANALYTICS_PROVIDER: analytics,
  };
  if (mq === 'kafka') Object.assign(env, { KAFKA_BROKERS, KAFKA_CLIENT_ID: db.replace(/_/g, '-') });
  if (analytics === 'clickhouse') Object.assign(env, { CLICKHOUSE_URL, CLICKHOUSE_DATABASE: db });
  return {
    env,
    drop: async () => {
      if (keep) return;
      await adminQuery('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [db]);
      await adminQuery(`drop database if exists ${db}`);
      if (analytics === 'clickhouse') {
        const ch = createClient({ url: CLICKHOUSE_URL });
        await ch.command({ query: `DROP DATABASE IF EXISTS ${db}` }).finally(() => ch.close());
      }
    },
  };
}

export interface InProcess {
  store: DataStore;
  analytics: AnalyticsStore & AnalyticsQuery;
  /** Opened on first use. */
  bus(): Promise<MessageBus>;
  close(): Promise<void>;
}

async function untilHealthy(what: { health(): Promise<{ ok: boolean; detail?: string }> }): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await what.health();
    if (status.ok) return;
    if (Date.now() > deadline) throw new Error(`not ready after 60 s: ${status.detail ?? '?'}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type ChdbConnection = NonNullable<ClickHouseClientConfigOptions['connection']>;

/**
 * The ClickHouse store on chdb, a current engine in this process (as the contract suite's
 * clickhouse-current.int-spec.ts runs it), in a data directory of its own removed on close.
 */
async function chdbAnalytics(config: AppConfig): Promise<{ store: ClickHouseAnalyticsStore; dir: string }> {
  const modulePath = process.env.TEST_CHDB_MODULE;
  if (!modulePath)
    throw new Error('--clickhouse-engine chdb needs TEST_CHDB_MODULE (.ci/chdb.sh up; .ci/chdb.sh env)');
  if (config.analytics.provider !== 'clickhouse')
    throw new Error('chdb serves the ClickHouse scenarios only');
  const chdb = createRequire(join(modulePath, 'package.json'))('chdb/connection') as {
    createChdbConnection(options: { path: string }): ChdbConnection;
  };
  const dir = await mkdtemp(join(tmpdir(), 'bench-chdb-'));
  const store = createClickHouseAnalyticsStore({
    ...config.analytics.clickhouse,
    url: 'http://chdb.in-process',
    connection: chdb.createChdbConnection({ path: dir }),
  });
  return { store, dir };
}

/** The product's adapters for this deployment, in this process (the analytics role's view). */
export async function openInProcess(
  env: Record<string, string>,
  clickhouseEngine: 'server' | 'chdb' = 'server',
): Promise<InProcess> {
  const config = loadAppConfig(env, ['analytics']);
  const store = await createDataStore(config, silentLogger);
  await store.whenReady();
  const chdb = clickhouseEngine === 'chdb' ? await chdbAnalytics(config) : null;
  const analytics = chdb?.store ?? (await createAnalyticsStore(config, store, silentLogger));
  await untilHealthy(analytics);
  let bus: Promise<MessageBus> | null = null;
  return {
    store,
    analytics,
    bus: () =>
      (bus ??= createMessageBus(config, silentLogger, (store as PostgresDataStore).connection ?? null)),
    close: async () => {
      if (bus !== null) await (await bus).close();
      await analytics.close();
      await store.close();
      if (chdb) await rm(chdb.dir, { recursive: true, force: true });
    },
  };
}

export type TopicOffsets = { partition: number; offset: string }[];

function kafkaAdmin() {
  return new Kafka({
    clientId: 'bench-analytics',
    brokers: KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
}

/** The insights topic's end offsets now (empty when the topic does not exist yet). */
export async function insightTopicEnd(): Promise<TopicOffsets> {
  const admin = kafkaAdmin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(TOPICS.insights)) return [];
    const offsets = await admin.fetchTopicOffsets(TOPICS.insights);
    return offsets.map((o) => ({ partition: o.partition, offset: o.high }));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Starts a new consumer group at the given offsets: the topic is shared with earlier runs and the
 * test suites, and a new group would otherwise begin at the oldest message still kept.
 */
export async function positionGroup(groupId: string, offsets: TopicOffsets): Promise<void> {
  const admin = kafkaAdmin();
  await admin.connect();
  try {
    const topicOffsets = await admin.fetchTopicOffsets(TOPICS.insights);
    const start = new Map(offsets.map((o) => [o.partition, o.offset]));
    await admin.setOffsets({
      groupId,
      topic: TOPICS.insights,
      // Partitions the topic gained meanwhile start at their beginning (they hold only this run's).
      partitions: topicOffsets.map((o) => ({
        partition: o.partition,
        offset: start.get(o.partition) ?? o.low,
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
