import { Client } from 'pg';
import Redis from 'ioredis';
import { type BusMessage, type MessageBus, TOPICS } from '../../../src/core/ports/message-bus.port';
import { StoreUnavailableError } from '../../../src/core/shared/errors';
import {
  createPostgresDataStore,
  type PostgresDataStore,
} from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { createPgListenNotifier } from '../../../src/infrastructure/mq/postgres/pg-notifier';
import { createPostgresMessageBus } from '../../../src/infrastructure/mq/postgres/postgres-message.bus';
import { createPostgresQueueMessageRepository } from '../../../src/infrastructure/mq/postgres/postgres-queue-message.repository';
import { createRedisMessageBus, jobStreamKey } from '../../../src/infrastructure/mq/redis/redis-message.bus';
import { waitFor } from './message-bus.contract';

jest.setTimeout(60_000);

// How the PostgreSQL and Redis job queues retry a failed batch (found by the split-role e2e):
// - a failed batch comes back after a short backoff, not after the 60 s visibility timeout;
// - a failure caused by an unavailable store (StoreUnavailableError, a database outage) does not
//   count as a delivery, so an outage longer than maxDeliveries retries parks nothing.

const pgBase = process.env.TEST_POSTGRES_URL ?? 'postgres://featbit:featbit@127.0.0.1:15432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Harness {
  bus: MessageBus;
  /** Jobs parked for good: Failed rows, or dead-letter entries. */
  parked(): Promise<number>;
  teardown(): Promise<void>;
}

const VISIBILITY_MS = 60_000;

async function postgresHarness(): Promise<Harness> {
  const database = `mq_retries_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: pgBase });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${database}`);
  const url = new URL(pgBase);
  url.pathname = `/${database}`;
  const store: PostgresDataStore = createPostgresDataStore({ url: url.toString(), poolSize: 4 });
  await store.whenReady();
  const bus = createPostgresMessageBus({
    queue: createPostgresQueueMessageRepository(store.connection),
    notifier: createPgListenNotifier({ url: url.toString() }),
    instanceId: 'retries',
    visibilityTimeoutMs: VISIBILITY_MS,
    pollIntervalMs: 100,
    maxDeliveries: 2,
    retryBaseMs: 100,
  });
  return {
    bus,
    parked: async () =>
      Number((await store.query(`select count(*) as n from queue_messages where status = 'Failed'`))[0].n),
    teardown: async () => {
      await bus.close();
      await store.close();
      await admin(`drop database if exists ${database} with (force)`);
    },
  };
}

function redisHarness(): Promise<Harness> {
  const prefix = `mqretries-${process.pid}-${Date.now()}:`;
  const admin = new Redis(redisUrl);
  const bus = createRedisMessageBus({
    url: redisUrl,
    instanceId: 'retries',
    keyPrefix: prefix,
    visibilityTimeoutMs: VISIBILITY_MS,
    maxDeliveries: 2,
    retryBaseMs: 100,
  });
  return Promise.resolve({
    bus,
    parked: async () => admin.xlen(`${jobStreamKey(prefix, TOPICS.insights)}:dead`),
    teardown: async () => {
      await bus.close();
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
      await admin.quit();
    },
  });
}

describe.each([
  ['PostgreSQL', postgresHarness],
  ['Redis', redisHarness],
])('%s job queue retries', (_name, create) => {
  let h: Harness;

  beforeEach(async () => {
    h = await create();
  });

  afterEach(async () => {
    await h.teardown();
  });

  it('hands a failed batch out again after a short backoff, long before the visibility timeout', async () => {
    const deliveries: BusMessage[][] = [];
    const sub = await h.bus.consume(TOPICS.insights, (batch) => {
      deliveries.push(batch);
      return deliveries.length === 1 ? Promise.reject(new Error('handler bug')) : Promise.resolve();
    });
    await h.bus.enqueue(TOPICS.insights, [{ n: 1 }]);
    await waitFor('the redelivery', () => deliveries.length >= 2, 10_000);
    expect(deliveries[1].map((m) => m.id)).toEqual(deliveries[0].map((m) => m.id));
    await sub.unsubscribe();
  });

  it('retries through a store outage longer than maxDeliveries without parking the job', async () => {
    const attempts: string[] = [];
    let handled: BusMessage[] = [];
    const sub = await h.bus.consume(TOPICS.insights, (batch) => {
      attempts.push(batch[0].id);
      // Five failures against maxDeliveries 2: a plain error would be parked after the second.
      if (attempts.length <= 5) return Promise.reject(new StoreUnavailableError('PostgreSQL'));
      handled = batch;
      return Promise.resolve();
    });
    await h.bus.enqueue(TOPICS.insights, [{ n: 1 }]);
    await waitFor('the job after the outage', () => handled.length === 1, 30_000);
    expect(new Set(attempts).size).toBe(1);
    expect(handled[0].payload).toEqual({ n: 1 });
    expect(await h.parked()).toBe(0);
    await sub.unsubscribe();
  });

  it('still parks a job whose handler keeps failing for its own reasons', async () => {
    let attempts = 0;
    const sub = await h.bus.consume(TOPICS.insights, () => {
      attempts++;
      return Promise.reject(new Error('poison'));
    });
    await h.bus.enqueue(TOPICS.insights, [{ n: 1 }]);
    await waitFor('the job parked', async () => (await h.parked()) === 1, 20_000);
    expect(attempts).toBe(2);
    await sub.unsubscribe();
  });
});
