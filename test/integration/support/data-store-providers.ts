import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import type { DataStore } from '../../../src/core/ports/data-store.port';
import { createMongoDataStore } from '../../../src/infrastructure/database/mongodb/mongo-data-store';
import {
  createPgliteDataStore,
  createPostgresDataStore,
} from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { assertPgliteCanLoad } from '../../contracts/database/pglite-under-jest';
import { createTestDatabase } from '../../contracts/database/postgres-test-database';

/** A data-store provider an integration spec runs on: a fresh, empty database each time. */
export interface DataStoreProvider {
  name: 'pglite' | 'postgres' | 'mongodb';
  open(): Promise<{ store: DataStore; dispose(): Promise<void> }>;
}

/** Every primary-database provider: embedded PGlite, PostgreSQL (TEST_POSTGRES_URL), MongoDB (TEST_MONGO_URL). */
export const DATA_STORE_PROVIDERS: DataStoreProvider[] = [
  {
    name: 'pglite',
    async open() {
      assertPgliteCanLoad();
      const dir = mkdtempSync(join(tmpdir(), 'featbit-int-'));
      const store = createPgliteDataStore({ dataDir: dir });
      await store.whenReady();
      return {
        store,
        dispose: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const db = await createTestDatabase('featbit_int');
      const store = createPostgresDataStore({ url: db.url, poolSize: 4 });
      await store.whenReady();
      return {
        store,
        dispose: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  },
  {
    name: 'mongodb',
    async open() {
      const url = process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017';
      const database = `featbit_int_${randomUUID().slice(0, 8)}`;
      const store = createMongoDataStore({ url, database });
      await store.whenReady();
      return {
        store,
        dispose: async () => {
          await store.close();
          const conn = await mongoose.createConnection(url, { dbName: database }).asPromise();
          await conn.dropDatabase();
          await conn.close();
        },
      };
    },
  },
];
