import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteDataStore } from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { PrimaryAnalyticsStore } from '../../../src/infrastructure/analytics/primary/primary-analytics.store';
import { describeAnalyticsQueryContract } from './analytics-query.contract';
import { describeAnalyticsStoreContract } from './analytics-store.contract';

const dir = mkdtempSync(join(tmpdir(), 'fbts-analytics-'));
const dataStore = createPgliteDataStore({ dataDir: dir });

describeAnalyticsStoreContract('primary database (PGlite)', () =>
  Promise.resolve({ store: new PrimaryAnalyticsStore(dataStore), ready: () => dataStore.whenReady() }),
);

describeAnalyticsQueryContract('primary database (PGlite)', () => {
  const store = new PrimaryAnalyticsStore(dataStore);
  return Promise.resolve({
    store,
    query: store,
    ready: () => dataStore.whenReady(),
    close: () => Promise.resolve(),
  });
});

afterAll(async () => {
  await dataStore.close();
  rmSync(dir, { recursive: true, force: true });
});
