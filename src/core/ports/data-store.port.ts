import type { HealthCheckable, HealthStatus } from './health-checkable.port';
import type {
  AccessTokenRepository,
  GroupRepository,
  PolicyRepository,
  RefreshTokenRepository,
} from './iam.repositories';
import type {
  ExperimentMetricRepository,
  ExperimentRepository,
  FlagChangeRequestRepository,
  FlagDraftRepository,
  FlagScheduleRepository,
  RelayProxyRepository,
  TriggerRepository,
  WebhookRepository,
} from './integrations.repositories';
import type { JobRepository } from './job.repository';
import type { OutboxRepository } from './message-bus.port';
import type { FlagRepository, FlagRevisionRepository, SegmentRepository } from './targeting.repositories';
import type {
  EnvironmentRepository,
  OrganizationRepository,
  ProjectRepository,
  UserRepository,
  WorkspaceRepository,
} from './tenancy.repositories';
import type {
  AuditLogRepository,
  EndUserPropertyRepository,
  EndUserRepository,
  FlagUsageRepository,
  InsightEventRepository,
  UsageStatsRepository,
} from './users-and-events.repositories';

/** Small key/value table for installation-wide settings (e.g. a generated JWT signing key). */
export abstract class SystemSettingRepository {
  abstract get(key: string): Promise<string | null>;
  /** Sets the value only if the key is absent; returns the value that is stored afterwards. */
  abstract setIfAbsent(key: string, value: string): Promise<string>;
  abstract delete(key: string): Promise<void>;
}

/**
 * The primary database, selected by DB_PROVIDER. All repositories share one connection pool;
 * `transaction` runs the work atomically where the provider supports it (PostgreSQL, PGlite).
 * On MongoDB (standalone, no transactions) the work runs sequentially and callers order their
 * writes so that a failure leaves nothing dangling (see docs/storage.md).
 */
export abstract class DataStore implements HealthCheckable {
  abstract readonly healthName: string;
  abstract readonly provider: 'pglite' | 'postgres' | 'mongodb';
  abstract readonly supportsTransactions: boolean;

  abstract readonly workspaces: WorkspaceRepository;
  abstract readonly users: UserRepository;
  abstract readonly organizations: OrganizationRepository;
  abstract readonly projects: ProjectRepository;
  abstract readonly environments: EnvironmentRepository;
  abstract readonly policies: PolicyRepository;
  abstract readonly groups: GroupRepository;
  abstract readonly accessTokens: AccessTokenRepository;
  abstract readonly refreshTokens: RefreshTokenRepository;
  abstract readonly flags: FlagRepository;
  abstract readonly flagRevisions: FlagRevisionRepository;
  abstract readonly segments: SegmentRepository;
  abstract readonly endUsers: EndUserRepository;
  abstract readonly endUserProperties: EndUserPropertyRepository;
  abstract readonly auditLogs: AuditLogRepository;
  abstract readonly insightEvents: InsightEventRepository;
  abstract readonly flagUsage: FlagUsageRepository;
  abstract readonly usageStats: UsageStatsRepository;
  abstract readonly webhooks: WebhookRepository;
  abstract readonly triggers: TriggerRepository;
  abstract readonly experiments: ExperimentRepository;
  abstract readonly experimentMetrics: ExperimentMetricRepository;
  abstract readonly relayProxies: RelayProxyRepository;
  abstract readonly flagDrafts: FlagDraftRepository;
  abstract readonly flagChangeRequests: FlagChangeRequestRepository;
  abstract readonly flagSchedules: FlagScheduleRepository;
  abstract readonly outbox: OutboxRepository;
  abstract readonly jobs: JobRepository;
  abstract readonly settings: SystemSettingRepository;

  /**
   * Resolves once the database is reachable and migrated. Until then (and whenever the connection
   * drops) repository calls raise StoreUnavailableError and health() says why; the adapter keeps
   * retrying with backoff in the background.
   */
  abstract whenReady(): Promise<void>;
  /** Run `work` against a transactional view of the store; a throw rolls everything back. */
  abstract transaction<T>(work: (tx: DataStore) => Promise<T>): Promise<T>;
  abstract health(): Promise<HealthStatus>;
  abstract close(): Promise<void>;
}
