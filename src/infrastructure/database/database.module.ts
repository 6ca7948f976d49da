import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DataStore } from '../../core/ports/data-store.port';
import { isAllInOne } from '../../roles/role';
import { Logger } from '../../core/ports/logger.port';
import { lockDataDir } from './postgres/pglite/data-dir-lock';

/**
 * Binds the DataStore port to the adapter DB_PROVIDER selects. The driver is imported only for the
 * chosen provider. The store connects in the background (with retries), so a missing database
 * does not stop the process: readiness reports it instead.
 */
export async function createDataStore(config: AppConfig, logger: Logger): Promise<DataStore> {
  const db = config.database;
  const log = logger.child({ component: 'database' });
  switch (db.provider) {
    case 'pglite': {
      // PGlite has no multi-process locking: refuse a second process on the same directory.
      const release = lockDataDir(db.pglite.dataDir);
      if (!isAllInOne(config.roles)) {
        log.warn('the embedded database lives inside this process; other role processes cannot share it');
      }
      const { createPgliteDataStore } = await import('./postgres/postgres-data-store');
      const store = createPgliteDataStore({ dataDir: db.pglite.dataDir, logger: log });
      const close = store.close.bind(store);
      store.close = async () => {
        await close();
        release();
      };
      return store;
    }
    case 'postgres': {
      const { createPostgresDataStore } = await import('./postgres/postgres-data-store');
      return createPostgresDataStore({ url: db.postgres!.url, poolSize: db.postgres!.poolSize, logger: log });
    }
    case 'mongodb': {
      const { createMongoDataStore } = await import('./mongodb/mongo-data-store');
      return createMongoDataStore({ url: db.mongo!.url, database: db.mongo!.database, logger: log });
    }
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DataStore, useFactory: createDataStore, inject: [AppConfig, Logger] }],
      exports: [DataStore],
    };
  }
}
