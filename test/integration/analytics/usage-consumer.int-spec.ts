import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageConsumer } from '../../../src/analytics/usage.consumer';
import { usageMessage } from '../../../src/core/messages/usage.message';
import { silentLogger } from '../../../src/core/ports/logger.port';
import { type BusMessage, type MessageBus, TOPICS } from '../../../src/core/ports/message-bus.port';
import {
  createPgliteDataStore,
  type PostgresDataStore,
} from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { assertPgliteCanLoad } from '../../contracts/database/pglite-under-jest';

// The analytics role's usage consumer on the embedded database: a queue that delivers the same
// batch again (at-least-once) leaves the workspace usage counters as they were.

describe('usage consumer', () => {
  let dir: string;
  let store: PostgresDataStore;
  let consumer: UsageConsumer;

  beforeAll(async () => {
    assertPgliteCanLoad();
    dir = mkdtempSync(join(tmpdir(), 'featbit-usage-consumer-'));
    store = createPgliteDataStore({ dataDir: dir });
    await store.whenReady();
    consumer = new UsageConsumer({} as MessageBus, store, silentLogger);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same counters when the same batch is delivered twice', async () => {
    const envId = 'env-redelivery';
    const message = (id: string, payload: unknown): BusMessage => ({ id, topic: TOPICS.usage, payload });
    const batch = [
      message(
        'm1',
        usageMessage({
          id: 'r1',
          envId,
          recordedAt: '2026-11-02',
          endUsers: ['a', 'b'],
          flagEvaluations: 5,
          customMetrics: 1,
        }),
      ),
      // FeatBit's own producer sends no id: the bus message id stands in for it.
      message(
        'm2',
        JSON.stringify({
          envId,
          type: 'insight',
          recordedAt: '2026-11-02',
          endUsers: ['b', 'c'],
          flagEvaluations: 2,
        }),
      ),
      message('m3', { envId, type: 'not-usage' }),
    ];
    const range = { startDate: '2026-11-01', endDate: '2026-11-30' };
    await consumer.handle(batch);
    const once = {
      perEnv: await store.usageStats.byEnvironment([envId], range),
      daily: await store.usageStats.daily([envId], range),
    };
    expect(once.perEnv).toEqual([{ envId, uniqueUsers: 3, flagEvaluations: 7, customMetrics: 1 }]);

    await consumer.handle(batch);
    await consumer.handle([batch[1]]);
    expect({
      perEnv: await store.usageStats.byEnvironment([envId], range),
      daily: await store.usageStats.daily([envId], range),
    }).toEqual(once);
  });
});
