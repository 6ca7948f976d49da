import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataStore } from '../../../src/core/ports/data-store.port';
import {
  createPgliteDataStore,
  type PostgresDataStore,
} from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { describeDataStoreContract } from './data-store.contract';
import { assertPgliteCanLoad } from './pglite-under-jest';
import { describeQueueMessageContract } from './queue-messages.contract';

// Embedded PostgreSQL in a fresh temp directory per suite: the PostgreSQL adapter's migrations and SQL.
const dirs = new Map<DataStore, string>();

async function open(): Promise<PostgresDataStore> {
  assertPgliteCanLoad();
  const dir = mkdtempSync(join(tmpdir(), 'featbit-pglite-contract-'));
  const store = createPgliteDataStore({ dataDir: dir });
  dirs.set(store, dir);
  try {
    await store.whenReady();
  } catch (error) {
    await dispose(store);
    throw error;
  }
  return store;
}

async function dispose(store: DataStore): Promise<void> {
  await store.close();
  rmSync(dirs.get(store)!, { recursive: true, force: true });
  dirs.delete(store);
}

describeDataStoreContract({ name: 'pglite', open, dispose, capabilities: { transactions: true } });
describeQueueMessageContract({ name: 'pglite', open, dispose });
