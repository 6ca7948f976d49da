import type { FactoryProvider } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { DataStore } from '../../../core/ports/data-store.port';
import type { PostgresConnection } from './postgres-connection';
import type { PostgresDataStore } from './postgres-data-store';

/**
 * Injection token of the primary database's PostgreSQL connection: set when DB_PROVIDER is postgres
 * or pglite, null on MongoDB. The PostgreSQL message queue shares it (one pool; PGlite has one session).
 */
export const PRIMARY_POSTGRES_CONNECTION = 'PrimaryPostgresConnection';

// Type-only imports: the driver is loaded by createDataStore, and only for the chosen provider.
export const primaryPostgresConnectionProvider: FactoryProvider<PostgresConnection | null> = {
  provide: PRIMARY_POSTGRES_CONNECTION,
  // createDataStore returns a PostgresDataStore for both PostgreSQL providers.
  useFactory: (config: AppConfig, store: DataStore) =>
    // The edge role's store is its replica (src/infrastructure/edge/): no connection either.
    config.database.provider === 'mongodb' || config.edge !== null
      ? null
      : (store as PostgresDataStore).connection,
  inject: [AppConfig, DataStore],
};
