// Start-up without a database, outages mid-run and shutdown, for the networked stores. A TCP proxy
// stands between the store and the shared test server, so "the server goes away" never touches it.
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { DataStore } from '../../../src/core/ports/data-store.port';
import { StoreUnavailableError } from '../../../src/core/shared/errors';
import { createMongoDataStore } from '../../../src/infrastructure/database/mongodb/mongo-data-store';
import { createPostgresDataStore } from '../../../src/infrastructure/database/postgres/postgres-data-store';
import type { StoreLogger } from '../../../src/infrastructure/database/shared/store-logger';
import { workspace } from '../../contracts/database/contract-fixtures';
import { createTestDatabase } from '../../contracts/database/postgres-test-database';
import { freePort } from '../../support/free-port';
import { createTcpProxy, type TcpProxy } from '../../support/tcp-proxy';

jest.setTimeout(90_000);

const TEST_MONGO_URL = process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017';

function recordingLogger(): StoreLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => undefined, warn: (msg) => warnings.push(msg), error: () => undefined };
}

/** Polls until `check` passes (it throws or returns false meanwhile). */
async function eventually(check: () => Promise<boolean | void>, timeoutMs = 30_000): Promise<void> {
  // `last` keeps the latest error; a check that keeps returning false times out with the older one.
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      if ((await check()) !== false) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const cause = (last as { cause?: Error } | null)?.cause;
  throw new Error(
    `condition not met within ${timeoutMs} ms: ${String(last)} ${cause ? `(${cause.message})` : ''}`,
  );
}

function withPort(url: string, port: number): string {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
}

async function expectClosesCleanly(store: DataStore, logger: { warnings: string[] }): Promise<void> {
  await store.close();
  await expect(store.whenReady()).rejects.toBeInstanceOf(StoreUnavailableError);
  const attempts = logger.warnings.length;
  await new Promise((r) => setTimeout(r, 2500));
  expect(logger.warnings.length).toBe(attempts);
  expect(await store.health()).toEqual({ ok: false, detail: 'closed' });
  await expect(store.workspaces.count()).rejects.toBeInstanceOf(StoreUnavailableError);
}

describe('PostgreSQL store connectivity', () => {
  let db: { url: string; drop: () => Promise<void> };
  let proxy: TcpProxy;
  let store: DataStore;
  const logger = recordingLogger();

  beforeAll(async () => {
    db = await createTestDatabase('featbit_connectivity');
    proxy = await createTcpProxy('127.0.0.1', Number(new URL(db.url).port || 5432));
  });
  afterAll(async () => {
    await store?.close();
    await proxy.stop();
    await db.drop();
  });

  it('reports not-ready with the reason (no credentials) while unreachable, then becomes ready', async () => {
    store = createPostgresDataStore({ url: withPort(db.url, proxy.port), poolSize: 2, logger });
    await eventually(async () => /attempt 2/.test((await store.health()).detail ?? ''));
    const health = await store.health();
    expect(health.ok).toBe(false);
    expect(health.detail).toMatch(/^connecting: ECONNREFUSED \(attempt \d+, retry in \d+s\)$/);
    expect(health.detail).not.toContain('postgres@');
    await expect(store.workspaces.count()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(logger.warnings.length).toBeGreaterThanOrEqual(2);

    await proxy.start();
    await store.whenReady();
    expect(await store.health()).toEqual({ ok: true });
    await store.workspaces.create(workspace());
  });

  it('fails calls with StoreUnavailableError while the server is gone and recovers by itself', async () => {
    await proxy.stop();
    await expect(store.workspaces.count()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await store.health()).ok).toBe(false);
    await proxy.start();
    await eventually(async () => (await store.workspaces.count()) >= 1);
    expect(await store.health()).toEqual({ ok: true });
  });

  it('leaves nothing half-written when the connection drops inside a bulk write', async () => {
    const envId = randomUUID();
    const events = Array.from({ length: 40_000 }, (_, i) => ({
      uuid: randomUUID(),
      distinctId: 'd',
      envId,
      event: 'FlagValue',
      properties: '{"route":"/"}',
      timestamp: 1_700_000_000_000_000 + i,
    }));
    // Cut after roughly the first chunk has gone out: the transaction is open, not committed.
    const cut = proxy.cutAfterBytes(600_000);
    await expect(store.insightEvents.insertMany(events)).rejects.toBeInstanceOf(StoreUnavailableError);
    await cut;
    await proxy.start();
    await eventually(async () => (await store.insightEvents.countByEnv(envId)) === 0);
    expect(await store.insightEvents.insertMany(events.slice(0, 10))).toEqual({ inserted: 10 });
  });

  it('close() stops retrying cleanly', async () => {
    const log = recordingLogger();
    const unreachable = createPostgresDataStore({
      url: withPort(db.url, await freePort()),
      poolSize: 1,
      logger: log,
    });
    await eventually(async () => !!(await unreachable.health()).detail?.includes('attempt 1'));
    await expectClosesCleanly(unreachable, log);
  });
});

describe('MongoDB store connectivity (FerretDB)', () => {
  let proxy: TcpProxy;
  let store: DataStore;
  const database = `featbit_connectivity_${randomUUID().slice(0, 8)}`;
  const logger = recordingLogger();

  beforeAll(async () => {
    const target = new URL(TEST_MONGO_URL);
    proxy = await createTcpProxy(target.hostname, Number(target.port || 27017));
  });
  afterAll(async () => {
    await store?.close();
    await proxy.stop();
    const conn = await mongoose.createConnection(TEST_MONGO_URL, { dbName: database }).asPromise();
    await conn.dropDatabase();
    await conn.close();
  });

  it('reports not-ready with the reason while unreachable, then becomes ready', async () => {
    store = createMongoDataStore({ url: `mongodb://127.0.0.1:${proxy.port}`, database, logger });
    await eventually(async () => /attempt 1/.test((await store.health()).detail ?? ''));
    const health = await store.health();
    expect(health.ok).toBe(false);
    expect(health.detail).toMatch(/^connecting: .*ECONNREFUSED.* \(attempt \d+, retry in \d+s\)$/);
    await expect(store.workspaces.count()).rejects.toBeInstanceOf(StoreUnavailableError);

    await proxy.start();
    await store.whenReady();
    expect(await store.health()).toEqual({ ok: true });
    await store.workspaces.create(workspace());
  });

  it('fails calls with StoreUnavailableError while the server is gone and recovers by itself', async () => {
    await proxy.stop();
    await expect(store.workspaces.count()).rejects.toBeInstanceOf(StoreUnavailableError);
    await proxy.start();
    await eventually(async () => (await store.workspaces.count()) >= 1);
    expect(await store.health()).toEqual({ ok: true });
  });

  it('close() stops retrying cleanly', async () => {
    const log = recordingLogger();
    const unreachable = createMongoDataStore({
      url: `mongodb://127.0.0.1:${await freePort()}`,
      database,
      logger: log,
    });
    await eventually(async () => !!(await unreachable.health()).detail?.includes('attempt 1'));
    await expectClosesCleanly(unreachable, log);
  });
});
