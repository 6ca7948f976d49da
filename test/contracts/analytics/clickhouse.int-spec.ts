import { freePort } from '../../support/free-port';
import { createClient } from '@clickhouse/client';
import {
  type ClickHouseAnalyticsStore,
  createClickHouseAnalyticsStore,
} from '../../../src/infrastructure/analytics/clickhouse/clickhouse-analytics.store';
import { StoreUnavailableError } from '../../../src/core/shared/errors';
import { describeAnalyticsQueryContract } from './analytics-query.contract';
import { describeAnalyticsStoreContract } from './analytics-store.contract';
import { describeClickHouseExperimentWindows } from './clickhouse-experiment-windows';
import { describeClickHouseLifecycle, type LifecycleHarness } from './clickhouse-lifecycle';

// Runs against the ClickHouse server on loopback (Debian's clickhouse-server, started by .ci/infra.sh).
const URL = process.env.TEST_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123';
const database = `fbts_test_${process.pid}_${Date.now()}`;

async function waitReady(store: ClickHouseAnalyticsStore): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await store.health()).ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`ClickHouse store not ready: ${(await store.health()).detail}`);
}

describeAnalyticsStoreContract('clickhouse', () => {
  const store = createClickHouseAnalyticsStore({ url: URL, database, user: 'default', password: '' });
  return Promise.resolve({ store, ready: () => waitReady(store) });
});

describeAnalyticsQueryContract('clickhouse', () => {
  const store = createClickHouseAnalyticsStore({
    url: URL,
    database: `${database}_q`,
    user: 'default',
    password: '',
  });
  return Promise.resolve({ store, query: store, ready: () => waitReady(store), close: () => store.close() });
});

const harness = (): LifecycleHarness => ({
  options: (db) => ({ url: URL, database: db, user: 'default', password: '' }),
  client: () => createClient({ url: URL }),
});

describeClickHouseLifecycle('clickhouse', false, harness);

describeClickHouseExperimentWindows('clickhouse', harness);

describe('ClickHouse analytics store without a server', () => {
  it('reports not-ready with the reason, refuses writes as unavailable, and stops retrying on close', async () => {
    const port = await freePort(); // nothing listens there
    const store = createClickHouseAnalyticsStore({
      url: `http://127.0.0.1:${port}`,
      database,
      user: 'default',
      password: 'not-in-logs',
      maxRetryDelayMs: 200,
    });
    await new Promise((r) => setTimeout(r, 300));
    const health = await store.health();
    expect(health.ok).toBe(false);
    expect(health.detail).toMatch(/^connecting: .*attempt \d+/);
    expect(health.detail).not.toContain('not-in-logs');
    await expect(store.writeEvents([])).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
    expect(await store.health()).toEqual({ ok: false, detail: 'closed' });
  });
});

afterAll(async () => {
  const admin = createClient({ url: URL });
  await admin.command({ query: `DROP DATABASE IF EXISTS ${database}` });
  await admin.command({ query: `DROP DATABASE IF EXISTS ${database}_q` });
  await admin.close();
});
