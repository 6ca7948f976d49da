import type { DataStore } from '../../../src/core/ports/data-store.port';
import {
  createPostgresDataStore,
  type PostgresDataStore,
} from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { describeDataStoreContract } from './data-store.contract';
import { createTestDatabase } from './postgres-test-database';
import { describeQueueMessageContract } from './queue-messages.contract';

// Real PostgreSQL on loopback (TEST_POSTGRES_URL): a fresh database per suite, dropped afterwards.
const drops = new Map<DataStore, () => Promise<void>>();

async function open(): Promise<PostgresDataStore> {
  const db = await createTestDatabase('featbit_contract');
  const store = createPostgresDataStore({ url: db.url, poolSize: 8 });
  drops.set(store, db.drop);
  await store.whenReady();
  return store;
}

async function dispose(store: DataStore): Promise<void> {
  await store.close();
  await drops.get(store)?.();
  drops.delete(store);
}

describeDataStoreContract({ name: 'postgres', open, dispose, capabilities: { transactions: true } });
describeQueueMessageContract({ name: 'postgres', open, dispose });
