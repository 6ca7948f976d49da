import { runInThisContext } from 'node:vm';
import { Client, Pool } from 'pg';
import { TOPICS, type MessageBus } from '../../../src/core/ports/message-bus.port';
import { createPgListenNotifier } from '../../../src/infrastructure/mq/postgres/pg-notifier';
import { createPostgresMessageBus } from '../../../src/infrastructure/mq/postgres/postgres-message.bus';
import { createTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { describeMessageBusContract, sleep, waitFor, type MessageBusHarness } from './message-bus.contract';
import {
  createPostgresDataStore,
  type PostgresDataStore,
} from '../../../src/infrastructure/database/postgres/postgres-data-store';
import {
  createPostgresQueueMessageRepository,
  type QueueMessageRepository,
} from '../../../src/infrastructure/mq/postgres/postgres-queue-message.repository';

const baseUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://featbit:featbit@127.0.0.1:15432/postgres';

function withDatabase(url: string, database: string, applicationName?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (applicationName) parsed.searchParams.set('application_name', applicationName);
  return parsed.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface PgHarness extends MessageBusHarness {
  database: string;
  pool: Pool;
  store: PostgresDataStore;
}

// The queue table and its SQL come from the PostgreSQL data store (its migrations), as in the product.
async function createHarness(): Promise<PgHarness> {
  const database = `mq_contract_${process.pid}_${Date.now()}`;
  await admin((c) => c.query(`create database ${database}`));
  const url = withDatabase(baseUrl, database);
  const store = createPostgresDataStore({ url, poolSize: 8 });
  await store.whenReady();
  const stores: PostgresDataStore[] = [store];
  const pool = new Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);

  const bus = (
    notifierUrl: string,
    instanceId: string,
    queue: QueueMessageRepository = createPostgresQueueMessageRepository(store.connection),
  ): MessageBus =>
    createPostgresMessageBus({
      queue,
      notifier: createPgListenNotifier({ url: notifierUrl, maxRetryDelayMs: 500 }),
      instanceId,
      visibilityTimeoutMs: 1_500,
      pollIntervalMs: 250,
    });

  return {
    database,
    pool,
    store,
    createBus: (instanceId) =>
      Promise.resolve(bus(withDatabase(baseUrl, database, `mq-${instanceId}`), instanceId)),
    redeliveryWithinMs: 3_000,
    disconnect: async (instanceId) => {
      const { rows } = await admin((c) =>
        c.query(
          'select pg_terminate_backend(pid) as killed from pg_stat_activity where application_name = $1',
          [`mq-${instanceId}`],
        ),
      );
      if (rows.length === 0) throw new Error(`no listener connection for ${instanceId}`);
    },
    createUnreachableBus: () => {
      const unreachable = 'postgres://postgres:s3cret@127.0.0.1:1/nowhere';
      const deadStore = createPostgresDataStore({ url: unreachable, poolSize: 1 });
      stores.push(deadStore);
      return Promise.resolve(
        bus(unreachable, 'unreachable', createPostgresQueueMessageRepository(deadStore.connection)),
      );
    },
    teardown: async () => {
      await Promise.all(stores.map((s) => s.close().catch(() => undefined)));
      await pool.end().catch(() => undefined);
      await admin((c) => c.query(`drop database if exists ${database} with (force)`));
    },
  };
}

// pg 8 warns (and pg 9 will fail) when a client is sent a query while another is queued; the
// listening connection's calls are serialized so that this never happens, across every case below.
const pgWarnings: string[] = [];
const onWarning = (warning: Error): void => {
  if (/client\.query\(\) when the client is already executing a query/.test(warning.message)) {
    pgWarnings.push(warning.stack ?? warning.message);
  }
};
// Jest gives each file a copy of `process`; warnings are emitted on the host's.
const hostProcess = runInThisContext('process') as NodeJS.Process;
beforeAll(() => void hostProcess.on('warning', onWarning));
afterAll(() => void hostProcess.off('warning', onWarning));

describeMessageBusContract('PostgreSQL (pg-listen + queue_messages)', createHarness);

describe('PostgreSQL bus: replay after an outage', () => {
  let harness: PgHarness;
  let proxy: TcpProxy | null = null;
  const proxies: TcpProxy[] = [];
  const buses: MessageBus[] = [];

  beforeAll(async () => {
    harness = await createHarness();
  });

  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await proxy?.stop();
    await Promise.all(proxies.map((p) => p.stop()));
    await harness.teardown?.();
  });

  it('delivers broadcasts published while the listener was away, then fires onReconnect', async () => {
    // The subscriber listens through a proxy we can cut; everything else reaches PostgreSQL directly.
    const target = new URL(baseUrl);
    proxy = await createTcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const viaProxy = new URL(withDatabase(baseUrl, harness.database, 'mq-replay-sub'));
    viaProxy.port = String(proxy.port);
    const subscriber = createPostgresMessageBus({
      queue: createPostgresQueueMessageRepository(harness.store.connection),
      notifier: createPgListenNotifier({ url: viaProxy.toString(), maxRetryDelayMs: 300 }),
      instanceId: 'replay-sub',
    });
    const publisher = await harness.createBus('replay-pub');
    buses.push(subscriber, publisher);
    const seen: unknown[] = [];
    let reconnects = 0;
    subscriber.onReconnect(() => reconnects++);
    await subscriber.subscribe(TOPICS.flagChange, (m) => void seen.push(m.payload));
    await publisher.publish(TOPICS.flagChange, { n: 1 });
    await waitFor('first broadcast', () => seen.length === 1);

    await proxy.stop();
    await waitFor('listener down', async () => !(await subscriber.health()).ok);
    await publisher.publish(TOPICS.flagChange, { n: 2 });
    await publisher.publish(TOPICS.segmentChange, { n: 3 });
    await sleep(500);
    expect(seen).toEqual([{ n: 1 }]);
    const down = await subscriber.health();
    expect(down.detail).toMatch(/not connected/);

    await proxy.start();
    await waitFor('onReconnect', () => reconnects === 1, 20_000);
    await waitFor('replayed broadcast', () => seen.length === 2);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect((await subscriber.health()).ok).toBe(true);
  }, 40_000);

  it('retries the replay and becomes healthy again when the queue table answers after the listener', async () => {
    // An evaluation process has no job consumers: only broadcast reads can clear an earlier error.
    const target = new URL(baseUrl);
    const cut = await createTcpProxy(target.hostname, Number(target.port || 5432));
    proxies.push(cut); // stopped after the buses close: pg-listen keeps retrying a dead address
    await cut.start();
    const viaProxy = new URL(withDatabase(baseUrl, harness.database, 'mq-retry-sub'));
    viaProxy.port = String(cut.port);
    let queueDown = false;
    const real = createPostgresQueueMessageRepository(harness.store.connection);
    const flaky = new Proxy(real, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          queueDown
            ? Promise.reject(new Error('PostgreSQL is unavailable'))
            : (value as (...a: unknown[]) => unknown).apply(target, args);
      },
    });
    const subscriber = createPostgresMessageBus({
      queue: flaky,
      notifier: createPgListenNotifier({ url: viaProxy.toString(), maxRetryDelayMs: 300 }),
      instanceId: 'retry-sub',
    });
    const publisher = await harness.createBus('retry-pub');
    buses.push(subscriber, publisher);
    const seen: unknown[] = [];
    await subscriber.subscribe(TOPICS.flagChange, (m) => void seen.push(m.payload));
    await publisher.publish(TOPICS.flagChange, { n: 1 });
    await waitFor('first broadcast', () => seen.length === 1);

    await cut.stop();
    await waitFor('listener down', async () => !(await subscriber.health()).ok);
    await publisher.publish(TOPICS.flagChange, { n: 2 });
    queueDown = true;
    await cut.start();
    await waitFor(
      'replay failed',
      async () => /queue table/.test((await subscriber.health()).detail ?? ''),
      20_000,
    );

    queueDown = false;
    await waitFor('replayed after retry', () => seen.length === 2, 10_000);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    await waitFor('healthy again', async () => (await subscriber.health()).ok, 5_000);
  }, 60_000);

  it('drops duplicate notifications and reads each broadcast once', async () => {
    const subscriber = await harness.createBus('dupe-sub');
    buses.push(subscriber);
    const seen: string[] = [];
    await subscriber.subscribe(TOPICS.flagChange, (m) => void seen.push(m.id));
    const [id] = await createPostgresQueueMessageRepository(harness.store.connection).enqueue(
      TOPICS.flagChange,
      ['{"dupe":true}'],
      'Notified',
    );
    for (let i = 0; i < 3; i++) {
      await harness.pool.query('select pg_notify($1, $2)', [
        'featbit_feature_flag_change_channel',
        String(id),
      ]);
    }
    await waitFor('delivery', () => seen.length >= 1);
    await sleep(300);
    expect(seen).toEqual([String(id)]);
  });

  it('marks a job Failed after the bounded number of deliveries', async () => {
    const consumer = await harness.createBus('poison');
    buses.push(consumer);
    let attempts = 0;
    await consumer.consume(TOPICS.usage, (messages) => {
      if (messages.some((m) => (m.payload as { poison?: boolean }).poison)) attempts++;
      return Promise.reject(new Error('cannot handle'));
    });
    await consumer.enqueue(TOPICS.usage, [{ poison: true }]);
    await waitFor(
      'Failed row',
      async () =>
        (
          await harness.pool.query(`select 1 from queue_messages where status = 'Failed' and topic = $1`, [
            TOPICS.usage,
          ])
        ).rowCount === 1,
      20_000,
    );
    expect(attempts).toBe(5);
    const { rows } = await harness.pool.query(`select error from queue_messages where status = 'Failed'`);
    expect(rows[0].error).toMatch(/cannot handle/);
  }, 30_000);
});

// Declared last: Jest runs a file's tests in order, so this sees the warnings of every case above.
describe('PostgreSQL bus: pg 9 readiness', () => {
  it('never queues a query behind another on one connection (no pg deprecation warning)', async () => {
    await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    expect(pgWarnings).toEqual([]);
  });
});
