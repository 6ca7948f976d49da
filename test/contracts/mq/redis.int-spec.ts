import Redis from 'ioredis';
import { TOPICS, type MessageBus } from '../../../src/core/ports/message-bus.port';
import { createRedisMessageBus, jobStreamKey } from '../../../src/infrastructure/mq/redis/redis-message.bus';
import { describeMessageBusContract, sleep, waitFor, type MessageBusHarness } from './message-bus.contract';

const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface RedisHarness extends MessageBusHarness {
  admin: Redis;
  prefix: string;
}

async function killClients(admin: Redis, namePart: string): Promise<number> {
  const list = (await admin.client('LIST')) as string;
  const ids = list
    .split('\n')
    .map((line) => Object.fromEntries(line.split(' ').map((kv) => kv.split('=') as [string, string])))
    .filter((client) => client.name?.includes(namePart))
    .map((client) => client.id);
  for (const id of ids) await admin.client('KILL', 'ID', id);
  return ids.length;
}

function createHarness(): Promise<RedisHarness> {
  // Pub/sub channels are server-wide, so isolation comes from a unique prefix, not a db index.
  const prefix = `mqtest-${process.pid}-${Date.now()}:`;
  const admin = new Redis(url);
  return Promise.resolve({
    admin,
    prefix,
    createBus: (instanceId) =>
      Promise.resolve(
        createRedisMessageBus({
          url,
          instanceId,
          keyPrefix: prefix,
          visibilityTimeoutMs: 1_500,
          maxRetryDelayMs: 300,
        }),
      ),
    redeliveryWithinMs: 3_000,
    disconnect: async (instanceId) => {
      const killed = await killClients(admin, `featbit-${instanceId}-`);
      if (killed === 0) throw new Error(`no connection of ${instanceId} to kill`);
    },
    createUnreachableBus: () =>
      Promise.resolve(
        createRedisMessageBus({
          url: 'redis://:s3cret@127.0.0.1:1',
          instanceId: 'unreachable',
          keyPrefix: prefix,
        }),
      ),
    teardown: async () => {
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
      await admin.quit();
    },
  });
}

describeMessageBusContract('Redis (pub/sub + streams)', createHarness);

describe('Redis bus specifics', () => {
  let harness: RedisHarness;
  const buses: MessageBus[] = [];

  beforeAll(async () => {
    harness = await createHarness();
  });

  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await harness.teardown?.();
  });

  it('keeps jobs enqueued before any consumer exists', async () => {
    const producer = await harness.createBus('early-producer');
    buses.push(producer);
    await producer.enqueue(TOPICS.usage, [{ early: 1 }, { early: 2 }]);
    const consumer = await harness.createBus('late-consumer');
    buses.push(consumer);
    const got: unknown[] = [];
    await consumer.consume(TOPICS.usage, (messages) => {
      got.push(...messages.map((m) => m.payload));
      return Promise.resolve();
    });
    await waitFor('early jobs', () => got.length === 2);
    expect(got).toEqual([{ early: 1 }, { early: 2 }]);
    // Acknowledged entries are deleted, so the stream does not grow without bound.
    await waitFor(
      'empty stream',
      async () => (await harness.admin.xlen(jobStreamKey(harness.prefix, TOPICS.usage))) === 0,
    );
  });

  it('moves a job that keeps failing to the dead-letter stream', async () => {
    const consumer = await harness.createBus('poison');
    buses.push(consumer);
    let attempts = 0;
    await consumer.consume(TOPICS.endUsers, () => {
      attempts++;
      return Promise.reject(new Error('cannot handle'));
    });
    await consumer.enqueue(TOPICS.endUsers, [{ poison: true }]);
    const dead = `${jobStreamKey(harness.prefix, TOPICS.endUsers)}:dead`;
    await waitFor('dead letter', async () => (await harness.admin.xlen(dead)) === 1, 20_000);
    expect(attempts).toBe(5);
    const [[, fields]] = await harness.admin.xrange(dead, '-', '+');
    expect(fields).toEqual(expect.arrayContaining(['error', 'cannot handle', 'payload', '{"poison":true}']));
  }, 30_000);

  it('recreates the consumer group when the stream vanished (Redis restarted without persistence)', async () => {
    const consumer = await harness.createBus('vanish');
    buses.push(consumer);
    const got: unknown[] = [];
    await consumer.consume(TOPICS.insights, (messages) => {
      got.push(...messages.map((m) => m.payload));
      return Promise.resolve();
    });
    await consumer.enqueue(TOPICS.insights, [{ before: true }]);
    await waitFor('first job', () => got.length === 1);
    await harness.admin.del(jobStreamKey(harness.prefix, TOPICS.insights));
    await sleep(200);
    await consumer.enqueue(TOPICS.insights, [{ after: true }]);
    await waitFor('job after the stream was recreated', () => got.length === 2, 20_000);
    expect(got).toEqual([{ before: true }, { after: true }]);
  }, 30_000);
});
