/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import { TOPICS } from '../../../src/core/ports/message-bus.port';
import {
  createPostgresDataStore,
  type PostgresDataStore,
} from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { createPgListenNotifier } from '../../../src/infrastructure/mq/postgres/pg-notifier';
import { createPostgresMessageBus } from '../../../src/infrastructure/mq/postgres/postgres-message.bus';
import { createPostgresQueueMessageRepository } from '../../../src/infrastructure/mq/postgres/postgres-queue-message.repository';
import { createTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '../support/postgres-database';
import { type RunningProduct, startProduct } from '../support/product';
import { openStreaming } from '../support/streaming-client';
import {
  buildFlag,
  nextVersion,
  seedEnvironment,
  type SeededEnvironment,
} from '../support/targeting-fixtures';

jest.setTimeout(180_000);

// The evaluation role keeps serving what it holds while its database (and PostgreSQL queue) is
// unreachable, and catches up once it is back. The product reaches PostgreSQL through a proxy the
// test cuts; the test itself writes straight to the database, as the api role would.

describe('evaluation through a database outage', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let product: RunningProduct;
  let store: PostgresDataStore;
  let seeded: SeededEnvironment;
  let bus: ReturnType<typeof createPostgresMessageBus>;

  beforeAll(async () => {
    database = await createTestDatabase('eval_outage');
    const target = new URL(TEST_POSTGRES_URL);
    proxy = await createTcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const viaProxy = new URL(database.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    product = await startProduct({
      roles: 'evaluation',
      env: {
        DB_PROVIDER: 'postgres',
        POSTGRES_URL: viaProxy.toString(),
        MQ_PROVIDER: 'postgres',
        CACHE_PROVIDER: 'none',
      },
    });
    store = createPostgresDataStore({ url: database.url, poolSize: 2 });
    await store.whenReady();
    bus = createPostgresMessageBus({
      queue: createPostgresQueueMessageRepository(store.connection),
      notifier: createPgListenNotifier({ url: database.url }),
      instanceId: `outage-${process.pid}`,
    });
    seeded = await seedEnvironment(store);
  });

  afterAll(async () => {
    await product?.stop();
    await proxy?.stop();
    await bus?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await database?.drop();
  });

  const headers = (secret: string) => ({ authorization: secret, 'content-type': 'application/json' });
  const latestAll = () =>
    fetch(`${product.baseUrl}/api/public/sdk/server/latest-all`, { headers: headers(seeded.serverSecret) });
  const evaluate = () =>
    fetch(`${product.baseUrl}/api/public/featureflag/evaluate`, {
      method: 'POST',
      headers: headers(seeded.clientSecret),
      body: JSON.stringify({ user: { keyId: 'u1' } }),
    });
  const ofrep = () =>
    fetch(`${product.baseUrl}/ofrep/v1/evaluate/flags`, {
      method: 'POST',
      headers: headers(seeded.clientSecret),
      body: JSON.stringify({ context: { targetingKey: 'u1' } }),
    });
  const streamingFull = async (): Promise<any> => {
    const conn = openStreaming(product.wsUrl, seeded.serverSecret, { type: 'server' });
    try {
      await conn.opened;
      return await conn.dataSync({ timestamp: 0 });
    } finally {
      conn.close();
    }
  };

  it('serves REST, OFREP and new WebSocket syncs while the database is down, then catches up', async () => {
    const flag = buildFlag(seeded.env.id, 'outage-flag');
    await store.flags.create(flag);
    // Known key, loaded environment.
    expect((await latestAll()).status).toBe(200);
    expect((await evaluate()).status).toBe(200);
    expect((await ofrep()).status).toBe(200);
    expect((await streamingFull()).data.eventType).toBe('full');

    await proxy.stop();
    const changed = nextVersion(flag, { isEnabled: false });
    const startedAt = Date.now();
    let rounds = 0;
    while (Date.now() - startedAt < 16_000) {
      const full = await latestAll();
      expect(full.status).toBe(200);
      const body = (await full.json()) as any;
      expect(body.data.featureFlags.map((f: any) => f.key)).toEqual(['outage-flag']);
      expect((await evaluate()).status).toBe(200);
      expect((await ofrep()).status).toBe(200);
      const sync = await streamingFull();
      expect(sync.messageType).toBe('data-sync');
      expect(sync.data.eventType).toBe('full');
      if (rounds++ === 0) {
        // A change made meanwhile (the product cannot hear of it yet).
        await store.flags.update(changed, flag.revision);
        await bus.publish(TOPICS.flagChange, changed);
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }

    await proxy.start();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const body = (await (await latestAll()).json()) as any;
      const served = body.data.featureFlags.find((f: any) => f.key === 'outage-flag');
      if (served?.isEnabled === false) break;
      if (Date.now() > deadline) throw new Error('the change made during the outage was not caught up');
      await new Promise((r) => setTimeout(r, 200));
    }
  });
});
