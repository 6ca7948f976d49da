import { DataStore } from '../../../core/ports/data-store.port';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import { silentStoreLogger, type StoreLogger } from '../shared/store-logger';
import { MongoConnection } from './mongo-connection';
import {
  MongoAccessTokenRepository,
  MongoGroupRepository,
  MongoIamCollections,
  MongoPolicyRepository,
  MongoRefreshTokenRepository,
} from './repositories/mongo-iam.repositories';
import {
  MongoExperimentMetricRepository,
  MongoExperimentRepository,
  MongoFlagChangeRequestRepository,
  MongoFlagDraftRepository,
  MongoFlagScheduleRepository,
  MongoIntegrationCollections,
  MongoOutboxRepository,
  MongoRelayProxyRepository,
  MongoSystemSettingRepository,
  MongoTriggerRepository,
  MongoWebhookRepository,
} from './repositories/mongo-integrations.repositories';
import {
  MongoFlagRepository,
  MongoFlagRevisionRepository,
  MongoSegmentRepository,
  MongoTargetingCollections,
} from './repositories/mongo-targeting.repositories';
import {
  MongoEnvironmentRepository,
  MongoOrganizationRepository,
  MongoProjectRepository,
  MongoTenancyCollections,
  MongoUserRepository,
  MongoWorkspaceRepository,
} from './repositories/mongo-tenancy.repositories';
import {
  MongoAuditLogRepository,
  MongoEndUserPropertyRepository,
  MongoEndUserRepository,
  MongoUsersAndEventsCollections,
} from './repositories/mongo-users-and-events.repositories';
import { MongoInsightEventRepository } from './repositories/mongo-insight-event.repository';
import { MongoJobRepository } from './repositories/mongo-job.repository';
import { MongoFlagUsageRepository } from './repositories/mongo-flag-usage.repository';
import { MongoUsageStatsRepository } from './repositories/mongo-usage-stats.repository';

/**
 * The MongoDB data store (mongoose), limited to what a standalone mongod offers: no multi-document
 * transactions and no change streams. Revisions use single-document compare-and-set
 * (`findOneAndUpdate({_id, revision})` behind a claim, see mongo-compare-and-set.ts); see
 * docs/storage.md for how callers order writes and what FerretDB lacks.
 */
export class MongoDataStore extends DataStore {
  readonly healthName = 'database (mongodb)';
  readonly provider = 'mongodb' as const;
  readonly supportsTransactions = false;

  readonly workspaces: MongoWorkspaceRepository;
  readonly users: MongoUserRepository;
  readonly organizations: MongoOrganizationRepository;
  readonly projects: MongoProjectRepository;
  readonly environments: MongoEnvironmentRepository;
  readonly policies: MongoPolicyRepository;
  readonly groups: MongoGroupRepository;
  readonly accessTokens: MongoAccessTokenRepository;
  readonly refreshTokens: MongoRefreshTokenRepository;
  readonly flags: MongoFlagRepository;
  readonly flagRevisions: MongoFlagRevisionRepository;
  readonly segments: MongoSegmentRepository;
  readonly endUsers: MongoEndUserRepository;
  readonly endUserProperties: MongoEndUserPropertyRepository;
  readonly auditLogs: MongoAuditLogRepository;
  readonly insightEvents: MongoInsightEventRepository;
  readonly flagUsage: MongoFlagUsageRepository;
  readonly usageStats: MongoUsageStatsRepository;
  readonly webhooks: MongoWebhookRepository;
  readonly triggers: MongoTriggerRepository;
  readonly experiments: MongoExperimentRepository;
  readonly experimentMetrics: MongoExperimentMetricRepository;
  readonly relayProxies: MongoRelayProxyRepository;
  readonly flagDrafts: MongoFlagDraftRepository;
  readonly flagChangeRequests: MongoFlagChangeRequestRepository;
  readonly flagSchedules: MongoFlagScheduleRepository;
  readonly outbox: MongoOutboxRepository;
  readonly jobs: MongoJobRepository;
  readonly settings: MongoSystemSettingRepository;

  constructor(private readonly connection: MongoConnection) {
    super();
    const tenancy = new MongoTenancyCollections(connection);
    const iam = new MongoIamCollections(connection);
    const targeting = new MongoTargetingCollections(connection);
    const usersAndEvents = new MongoUsersAndEventsCollections(connection);
    const integrations = new MongoIntegrationCollections(connection);
    this.workspaces = new MongoWorkspaceRepository(tenancy);
    this.users = new MongoUserRepository(tenancy);
    this.organizations = new MongoOrganizationRepository(tenancy);
    this.projects = new MongoProjectRepository(tenancy);
    this.environments = new MongoEnvironmentRepository(tenancy);
    this.policies = new MongoPolicyRepository(iam);
    this.groups = new MongoGroupRepository(iam);
    this.accessTokens = new MongoAccessTokenRepository(iam);
    this.refreshTokens = new MongoRefreshTokenRepository(iam);
    this.flags = new MongoFlagRepository(targeting);
    this.flagRevisions = new MongoFlagRevisionRepository(targeting);
    this.segments = new MongoSegmentRepository(targeting);
    this.endUsers = new MongoEndUserRepository(usersAndEvents);
    this.endUserProperties = new MongoEndUserPropertyRepository(usersAndEvents);
    this.auditLogs = new MongoAuditLogRepository(usersAndEvents);
    this.insightEvents = new MongoInsightEventRepository(connection);
    this.flagUsage = new MongoFlagUsageRepository(connection);
    this.usageStats = new MongoUsageStatsRepository(connection);
    this.jobs = new MongoJobRepository(connection);
    this.webhooks = new MongoWebhookRepository(integrations, this.jobs);
    this.triggers = new MongoTriggerRepository(integrations);
    this.experiments = new MongoExperimentRepository(integrations);
    this.experimentMetrics = new MongoExperimentMetricRepository(integrations);
    this.relayProxies = new MongoRelayProxyRepository(integrations);
    this.flagDrafts = new MongoFlagDraftRepository(integrations);
    this.flagChangeRequests = new MongoFlagChangeRequestRepository(integrations);
    this.flagSchedules = new MongoFlagScheduleRepository(integrations);
    this.outbox = new MongoOutboxRepository(integrations);
    this.settings = new MongoSystemSettingRepository(integrations);
  }

  whenReady(): Promise<void> {
    return this.connection.whenReady();
  }

  /**
   * A standalone mongod has no multi-document transactions: `work` runs on this store as is, and
   * writes made before a throw stay. Callers order writes so that a partial run is harmless.
   */
  transaction<T>(work: (tx: DataStore) => Promise<T>): Promise<T> {
    return work(this);
  }

  health(): Promise<HealthStatus> {
    return this.connection.health();
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

export interface MongoDataStoreOptions {
  url: string;
  database: string;
  logger?: StoreLogger;
}

/** Returns at once; connects and builds indexes in the background (see `whenReady` / `health`). */
export function createMongoDataStore(options: MongoDataStoreOptions): MongoDataStore {
  const connection = new MongoConnection({
    url: options.url,
    database: options.database,
    logger: options.logger ?? silentStoreLogger,
  });
  const store = new MongoDataStore(connection);
  connection.start();
  return store;
}
