import { createPostgresDataStore } from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { PrimaryAnalyticsStore } from '../../../src/infrastructure/analytics/primary/primary-analytics.store';
import { createTestDatabase } from '../database/postgres-test-database';
import { describeAnalyticsQueryContract } from './analytics-query.contract';
import { describeAnalyticsStoreContract } from './analytics-store.contract';

// The primary-database analytics path on real PostgreSQL (TEST_POSTGRES_URL), a fresh database each.
async function open(): Promise<{
  store: PrimaryAnalyticsStore;
  ready: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const db = await createTestDatabase('featbit_analytics');
  const dataStore = createPostgresDataStore({ url: db.url, poolSize: 4 });
  const store = new PrimaryAnalyticsStore(dataStore);
  return {
    store,
    ready: () => dataStore.whenReady(),
    close: async () => {
      await dataStore.close();
      await db.drop();
    },
  };
}

let closeStoreSuite: (() => Promise<void>) | undefined;
describeAnalyticsStoreContract('primary database (PostgreSQL)', async () => {
  const h = await open();
  closeStoreSuite = h.close;
  return h;
});
afterAll(() => closeStoreSuite?.());

describeAnalyticsQueryContract('primary database (PostgreSQL)', async () => {
  const h = await open();
  return { ...h, query: h.store };
});
