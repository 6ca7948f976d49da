import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { DataStore } from '../../../src/core/ports/data-store.port';
import { createMongoDataStore } from '../../../src/infrastructure/database/mongodb/mongo-data-store';
import { describeDataStoreContract } from './data-store.contract';

// MongoDB's wire protocol served by FerretDB (.ci/ferretdb.sh; no mongod can be installed on these
// machines). TEST_MONGO_URL points at it; every run uses a fresh database.
const TEST_MONGO_URL = process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const databases = new Map<DataStore, string>();

async function open(): Promise<DataStore> {
  const database = `featbit_contract_${randomUUID().slice(0, 8)}`;
  const store = createMongoDataStore({ url: TEST_MONGO_URL, database });
  databases.set(store, database);
  await store.whenReady();
  return store;
}

async function dispose(store: DataStore): Promise<void> {
  await store.close();
  const conn = await mongoose.createConnection(TEST_MONGO_URL, { dbName: databases.get(store) }).asPromise();
  await conn.dropDatabase();
  await conn.close();
  databases.delete(store);
}

// The adapter uses no multi-document transactions (a standalone mongod and FerretDB v1 have none):
// the rollback cases are skipped with that reason and the sequential behaviour is asserted instead.
describeDataStoreContract({
  name: 'mongodb',
  open,
  dispose,
  capabilities: {
    transactions: false,
    noTransactionsReason:
      'the MongoDB adapter runs without transactions; only a MongoDB replica set has them',
    bulkEvents: {
      count: 20_000,
      reason: 'FerretDB took 131 s for 100,000 and slowed every suite sharing it',
    },
  },
});
