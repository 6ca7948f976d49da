// Contract of FeatBit's queue_messages table (PostgreSQL and PGlite stores only), used by the
// PostgreSQL message-queue adapter: enqueue, SKIP LOCKED claims with a visibility timeout,
// complete = delete, fail, replay of Notified rows and purging.
import type { DataStore } from '../../../src/core/ports/data-store.port';
import type { PostgresDataStore } from '../../../src/infrastructure/database/postgres/postgres-data-store';
import {
  createPostgresQueueMessageRepository,
  type QueueMessageRepository,
} from '../../../src/infrastructure/mq/postgres/postgres-queue-message.repository';

export interface QueueMessageContractOptions {
  name: string;
  open: () => Promise<PostgresDataStore>;
  dispose: (store: DataStore) => Promise<void>;
}

export function describeQueueMessageContract(options: QueueMessageContractOptions): void {
  describe(`queue_messages contract: ${options.name}`, () => {
    let store: PostgresDataStore;
    let queue: QueueMessageRepository;
    let n = 0;
    const topic = () => `test-topic-${++n}`;

    beforeAll(async () => {
      store = await options.open();
      queue = createPostgresQueueMessageRepository(store.connection);
    }, 120_000);
    afterAll(async () => {
      if (store) await options.dispose(store);
    }, 120_000);

    it('enqueues payloads in order and reads them back by id', async () => {
      const t = topic();
      const ids = await queue.enqueue(t, ['a', 'b', 'c'], 'Pending');
      expect(ids).toHaveLength(3);
      expect([...ids].sort((x, y) => x - y)).toEqual(ids);
      const rows = await queue.findByIds(ids);
      expect(rows.map((r) => [r.payload, r.status, r.deliverCount, r.topic])).toEqual([
        ['a', 'Pending', 0, t],
        ['b', 'Pending', 0, t],
        ['c', 'Pending', 0, t],
      ]);
      expect(rows[0].enqueuedAt).toMatch(/Z$/);
      expect(await queue.enqueue(t, [], 'Pending')).toEqual([]);
    });

    it('claims visible Pending rows up to the limit, hides them, and completes by deleting', async () => {
      const t = topic();
      const ids = await queue.enqueue(t, ['1', '2', '3'], 'Pending');
      const first = await queue.claim(t, 2, 60_000);
      expect(first.map((m) => m.id)).toEqual(ids.slice(0, 2));
      expect(first.every((m) => m.status === 'Processing' && m.deliverCount === 1 && m.notVisibleUntil)).toBe(
        true,
      );
      const second = await queue.claim(t, 10, 60_000);
      expect(second.map((m) => m.id)).toEqual([ids[2]]);
      expect(await queue.claim(t, 10, 60_000)).toEqual([]);
      await queue.complete(ids);
      expect(await queue.findByIds(ids)).toEqual([]);
    });

    it('makes a claimed row visible again after its visibility timeout, counting deliveries', async () => {
      const t = topic();
      const [id] = await queue.enqueue(t, ['x'], 'Pending');
      expect((await queue.claim(t, 1, 1)).map((m) => m.id)).toEqual([id]);
      await new Promise((r) => setTimeout(r, 30));
      const again = await queue.claim(t, 1, 60_000);
      expect(again).toMatchObject([{ id, deliverCount: 2, status: 'Processing' }]);
    });

    it('never hands one row to two concurrent claimers', async () => {
      const t = topic();
      const ids = await queue.enqueue(
        t,
        Array.from({ length: 40 }, (_, i) => `m${i}`),
        'Pending',
      );
      const claims = await Promise.all(Array.from({ length: 4 }, () => queue.claim(t, 15, 60_000)));
      const claimed = claims.flat().map((m) => m.id);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort((a, b) => a - b)).toEqual(ids);
    });

    it('marks failures and does not deliver failed rows again', async () => {
      const t = topic();
      const [id] = await queue.enqueue(t, ['bad'], 'Pending');
      await queue.claim(t, 1, 1);
      await queue.fail(id, 'handler threw');
      await new Promise((r) => setTimeout(r, 20));
      expect(await queue.claim(t, 1, 60_000)).toEqual([]);
      expect(await queue.findByIds([id])).toMatchObject([{ status: 'Failed', error: 'handler threw' }]);
    });

    it('replays Notified rows after an id, per topic, and purges old ones', async () => {
      const a = topic();
      const b = topic();
      const [a1, a2] = await queue.enqueue(a, ['a1', 'a2'], 'Notified');
      const [b1] = await queue.enqueue(b, ['b1'], 'Notified');
      await queue.enqueue(a, ['pending'], 'Pending');
      expect((await queue.listNotifiedAfter([a, b], a1)).map((m) => m.id)).toEqual([a2, b1]);
      expect((await queue.listNotifiedAfter([a], 0)).map((m) => m.payload)).toEqual(['a1', 'a2']);
      expect(await queue.claim(a, 10, 60_000)).toMatchObject([{ payload: 'pending' }]);
      const purged = await queue.purgeNotifiedBefore(new Date(Date.now() + 60_000).toISOString());
      expect(purged).toBeGreaterThanOrEqual(3);
      expect(await queue.listNotifiedAfter([a, b], 0)).toEqual([]);
    });

    it('inserts a Notified row and returns its id in one call (broadcast publish)', async () => {
      const t = topic();
      const first = await queue.enqueueNotified(t, '{"n":1}', 'featbit_test_channel');
      const second = await queue.enqueueNotified(t, '{"n":2}', 'featbit_test_channel');
      expect(second).toBeGreaterThan(first);
      const rows = await queue.listNotifiedAfter([t], first - 1);
      expect(rows.map((r) => [r.id, r.payload, r.status])).toEqual([
        [first, '{"n":1}', 'Notified'],
        [second, '{"n":2}', 'Notified'],
      ]);
      expect(await queue.claim(t, 10, 60_000)).toEqual([]);
    });

    it('runs raw SQL for the queue adapter (pg_notify)', async () => {
      expect(await store.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await expect(store.query("SELECT pg_notify('featbit_test_channel', 'x')")).resolves.toHaveLength(1);
    });
  });
}
