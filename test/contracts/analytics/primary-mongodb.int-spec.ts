import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { createMongoDataStore } from '../../../src/infrastructure/database/mongodb/mongo-data-store';
import { PrimaryAnalyticsStore } from '../../../src/infrastructure/analytics/primary/primary-analytics.store';
import { describeAnalyticsQueryContract } from './analytics-query.contract';

// The primary-database analytics path on MongoDB's wire protocol (FerretDB, TEST_MONGO_URL).
const TEST_MONGO_URL = process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017';

describeAnalyticsQueryContract('primary database (MongoDB wire, FerretDB)', () => {
  const database = `featbit_analytics_${randomUUID().slice(0, 8)}`;
  const dataStore = createMongoDataStore({ url: TEST_MONGO_URL, database });
  const store = new PrimaryAnalyticsStore(dataStore);
  return Promise.resolve({
    store,
    query: store,
    ready: () => dataStore.whenReady(),
    close: async () => {
      await dataStore.close();
      const conn = await mongoose.createConnection(TEST_MONGO_URL, { dbName: database }).asPromise();
      await conn.dropDatabase();
      await conn.close();
    },
  });
});
