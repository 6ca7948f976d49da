import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { type Provider } from '@nestjs/common';
import { DataStore, SystemSettingRepository } from '../../core/ports/data-store.port';
import {
  AccessTokenRepository,
  GroupRepository,
  PolicyRepository,
  RefreshTokenRepository,
} from '../../core/ports/iam.repositories';
import {
  ExperimentMetricRepository,
  ExperimentRepository,
  FlagChangeRequestRepository,
  FlagDraftRepository,
  FlagScheduleRepository,
  RelayProxyRepository,
  TriggerRepository,
  WebhookRepository,
} from '../../core/ports/integrations.repositories';
import { OutboxRepository } from '../../core/ports/message-bus.port';
import {
  FlagRepository,
  FlagRevisionRepository,
  SegmentRepository,
} from '../../core/ports/targeting.repositories';
import {
  EnvironmentRepository,
  OrganizationRepository,
  ProjectRepository,
  UserRepository,
  WorkspaceRepository,
} from '../../core/ports/tenancy.repositories';
import {
  AuditLogRepository,
  EndUserPropertyRepository,
  EndUserRepository,
  FlagUsageRepository,
  InsightEventRepository,
  UsageStatsRepository,
} from '../../core/ports/users-and-events.repositories';
import { isAllInOne, isEdge } from '../../roles/role';
import { Logger } from '../../core/ports/logger.port';
import { lockDataDir } from './postgres/pglite/data-dir-lock';
import {
  PRIMARY_POSTGRES_CONNECTION,
  primaryPostgresConnectionProvider,
} from './postgres/primary-postgres-connection.provider';

/**
 * Binds the DataStore port to the adapter DB_PROVIDER selects. The driver is imported only for the
 * chosen provider. The store connects in the background (with retries), so a missing database
 * does not stop the process: readiness reports it instead.
 */
export async function createDataStore(config: AppConfig, logger: Logger): Promise<DataStore> {
  const db = config.database;
  const log = logger.child({ component: 'database' });
  if (isEdge(config.roles) && config.edge !== null) {
    // No database: the replica the upstream fills (src/infrastructure/edge/).
    const { openEdgeDataDir } = await import('../edge/edge-files');
    const { EdgeReplicaStore } = await import('../edge/edge-replica.store');
    const release = openEdgeDataDir(config.edge.dataDir);
    const store = new EdgeReplicaStore();
    store.close = () => Promise.resolve(release());
    return store;
  }
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
      return createPostgresDataStore({ ...db.postgres, logger: log });
    }
    case 'mongodb': {
      const { createMongoDataStore } = await import('./mongodb/mongo-data-store');
      return createMongoDataStore({ ...db.mongo, logger: log });
    }
  }
}

/**
 * Each repository port as its own injectable, taken from the one DataStore instance, so a service
 * depends only on the repositories it reads with (and on DataStore only for a transaction).
 */
type Port = abstract new (...args: never[]) => unknown;

const repositories: [Port, (store: DataStore) => unknown][] = [
  [WorkspaceRepository, (store) => store.workspaces],
  [UserRepository, (store) => store.users],
  [OrganizationRepository, (store) => store.organizations],
  [ProjectRepository, (store) => store.projects],
  [EnvironmentRepository, (store) => store.environments],
  [PolicyRepository, (store) => store.policies],
  [GroupRepository, (store) => store.groups],
  [AccessTokenRepository, (store) => store.accessTokens],
  [RefreshTokenRepository, (store) => store.refreshTokens],
  [FlagRepository, (store) => store.flags],
  [FlagRevisionRepository, (store) => store.flagRevisions],
  [SegmentRepository, (store) => store.segments],
  [EndUserRepository, (store) => store.endUsers],
  [EndUserPropertyRepository, (store) => store.endUserProperties],
  [AuditLogRepository, (store) => store.auditLogs],
  [InsightEventRepository, (store) => store.insightEvents],
  [FlagUsageRepository, (store) => store.flagUsage],
  [UsageStatsRepository, (store) => store.usageStats],
  [WebhookRepository, (store) => store.webhooks],
  [TriggerRepository, (store) => store.triggers],
  [ExperimentRepository, (store) => store.experiments],
  [ExperimentMetricRepository, (store) => store.experimentMetrics],
  [RelayProxyRepository, (store) => store.relayProxies],
  [FlagDraftRepository, (store) => store.flagDrafts],
  [FlagChangeRequestRepository, (store) => store.flagChangeRequests],
  [FlagScheduleRepository, (store) => store.flagSchedules],
  [OutboxRepository, (store) => store.outbox],
  [SystemSettingRepository, (store) => store.settings],
];

const repositoryProviders: Provider[] = repositories.map(([port, pick]) => ({
  provide: port,
  useFactory: pick,
  inject: [DataStore],
}));

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DataStore, useFactory: createDataStore, inject: [AppConfig, Logger] },
        ...repositoryProviders,
        primaryPostgresConnectionProvider,
      ],
      exports: [DataStore, ...repositoryProviders, PRIMARY_POSTGRES_CONNECTION],
    };
  }
}
