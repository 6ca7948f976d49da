import { PostgresJobRepository } from './repositories/postgres-job.repository';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Extension, PGlite } from '@electric-sql/pglite';
import { DataSource } from 'typeorm';
import { DataStore } from '../../../core/ports/data-store.port';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import { ReentrantMutex } from '../shared/mutex';
import { describeTarget, describeError } from '../shared/redact';
import { silentStoreLogger, type StoreLogger } from '../shared/store-logger';
import { POSTGRES_MIGRATIONS } from './migrations/postgres-migrations';
import { pglitePgDriver } from './pglite/pglite-pool';
import { PostgresConnection } from './postgres-connection';
import { PgRootSession, type SqlSession } from './postgres-session';
import {
  PostgresAccessTokenRepository,
  PostgresGroupRepository,
  PostgresPolicyRepository,
  PostgresRefreshTokenRepository,
} from './repositories/postgres-iam.repositories';
import {
  PostgresExperimentMetricRepository,
  PostgresExperimentRepository,
  PostgresFlagChangeRequestRepository,
  PostgresFlagDraftRepository,
  PostgresFlagScheduleRepository,
  PostgresRelayProxyRepository,
  PostgresTriggerRepository,
  PostgresWebhookRepository,
} from './repositories/postgres-integrations.repositories';
import {
  PostgresOutboxRepository,
  PostgresSystemSettingRepository,
} from './repositories/postgres-messaging.repositories';
import {
  PostgresFlagRepository,
  PostgresFlagRevisionRepository,
  PostgresSegmentRepository,
} from './repositories/postgres-targeting.repositories';
import {
  PostgresEnvironmentRepository,
  PostgresOrganizationRepository,
  PostgresProjectRepository,
  PostgresUserRepository,
  PostgresWorkspaceRepository,
} from './repositories/postgres-tenancy.repositories';
import {
  PostgresAuditLogRepository,
  PostgresEndUserPropertyRepository,
  PostgresEndUserRepository,
} from './repositories/postgres-users-and-events.repositories';
import { PostgresInsightEventRepository } from './repositories/postgres-insight-event.repository';
import { PostgresFlagUsageRepository } from './repositories/postgres-flag-usage.repository';
import { PostgresUsageStatsRepository } from './repositories/postgres-usage-stats.repository';

// Contrib extensions are subpath exports, which moduleResolution "node" cannot type-resolve.
/* eslint-disable @typescript-eslint/no-require-imports */
const { uuid_ossp } = require('@electric-sql/pglite/contrib/uuid_ossp') as { uuid_ossp: Extension };
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The PostgreSQL data store; the embedded PGlite store is the same class over a PGlite-backed
 * TypeORM DataSource, so both run the same migrations and the same SQL.
 */
export class PostgresDataStore extends DataStore {
  readonly healthName: string;
  readonly provider: 'pglite' | 'postgres';
  readonly supportsTransactions = true;

  readonly workspaces: PostgresWorkspaceRepository;
  readonly users: PostgresUserRepository;
  readonly organizations: PostgresOrganizationRepository;
  readonly projects: PostgresProjectRepository;
  readonly environments: PostgresEnvironmentRepository;
  readonly policies: PostgresPolicyRepository;
  readonly groups: PostgresGroupRepository;
  readonly accessTokens: PostgresAccessTokenRepository;
  readonly refreshTokens: PostgresRefreshTokenRepository;
  readonly flags: PostgresFlagRepository;
  readonly flagRevisions: PostgresFlagRevisionRepository;
  readonly segments: PostgresSegmentRepository;
  readonly endUsers: PostgresEndUserRepository;
  readonly endUserProperties: PostgresEndUserPropertyRepository;
  readonly auditLogs: PostgresAuditLogRepository;
  readonly insightEvents: PostgresInsightEventRepository;
  readonly flagUsage: PostgresFlagUsageRepository;
  readonly usageStats: PostgresUsageStatsRepository;
  readonly webhooks: PostgresWebhookRepository;
  readonly triggers: PostgresTriggerRepository;
  readonly experiments: PostgresExperimentRepository;
  readonly experimentMetrics: PostgresExperimentMetricRepository;
  readonly relayProxies: PostgresRelayProxyRepository;
  readonly flagDrafts: PostgresFlagDraftRepository;
  readonly flagChangeRequests: PostgresFlagChangeRequestRepository;
  readonly flagSchedules: PostgresFlagScheduleRepository;
  readonly outbox: PostgresOutboxRepository;
  readonly jobs: PostgresJobRepository;
  readonly settings: PostgresSystemSettingRepository;

  /**
   * @param connection also shared by the PostgreSQL message queue (its own queue_messages repository).
   * @param session the pool, or one transaction (views created by `transaction`).
   */
  constructor(
    readonly connection: PostgresConnection,
    provider: 'pglite' | 'postgres',
    private readonly session: SqlSession = new PgRootSession(connection),
  ) {
    super();
    this.provider = provider;
    this.healthName = provider === 'pglite' ? 'database (pglite)' : 'database (postgres)';
    const db = session;
    this.workspaces = new PostgresWorkspaceRepository(db);
    this.users = new PostgresUserRepository(db);
    this.organizations = new PostgresOrganizationRepository(db);
    this.projects = new PostgresProjectRepository(db);
    this.environments = new PostgresEnvironmentRepository(db);
    this.policies = new PostgresPolicyRepository(db);
    this.groups = new PostgresGroupRepository(db);
    this.accessTokens = new PostgresAccessTokenRepository(db);
    this.refreshTokens = new PostgresRefreshTokenRepository(db);
    this.flags = new PostgresFlagRepository(db);
    this.flagRevisions = new PostgresFlagRevisionRepository(db);
    this.segments = new PostgresSegmentRepository(db);
    this.endUsers = new PostgresEndUserRepository(db);
    this.endUserProperties = new PostgresEndUserPropertyRepository(db);
    this.auditLogs = new PostgresAuditLogRepository(db);
    this.insightEvents = new PostgresInsightEventRepository(db);
    this.flagUsage = new PostgresFlagUsageRepository(db);
    this.usageStats = new PostgresUsageStatsRepository(db);
    this.webhooks = new PostgresWebhookRepository(db);
    this.triggers = new PostgresTriggerRepository(db);
    this.experiments = new PostgresExperimentRepository(db);
    this.experimentMetrics = new PostgresExperimentMetricRepository(db);
    this.relayProxies = new PostgresRelayProxyRepository(db);
    this.flagDrafts = new PostgresFlagDraftRepository(db);
    this.flagChangeRequests = new PostgresFlagChangeRequestRepository(db);
    this.flagSchedules = new PostgresFlagScheduleRepository(db);
    this.outbox = new PostgresOutboxRepository(db);
    this.jobs = new PostgresJobRepository(db);
    this.settings = new PostgresSystemSettingRepository(db);
  }

  /** The embedded PGlite instance once ready (for `listen()` / NOTIFY); null for PostgreSQL. */
  get pglite(): PGlite | null {
    return this.connection.pglite;
  }

  whenReady(): Promise<void> {
    return this.connection.whenReady();
  }

  /** The view handed to `work` is a PostgresDataStore bound to the transaction (nested calls join it). */
  transaction<T>(work: (tx: PostgresDataStore) => Promise<T>): Promise<T> {
    return this.session.transaction((txSession) =>
      work(
        txSession === this.session ? this : new PostgresDataStore(this.connection, this.provider, txSession),
      ),
    );
  }

  /** Raw SQL on this store's session. Errors are mapped like repository errors. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.session.query<T>(sql, params);
  }

  health(): Promise<HealthStatus> {
    return this.connection.health();
  }

  /** Stops retrying and closes the pool (or the PGlite instance). A transaction view does nothing. */
  async close(): Promise<void> {
    if (this.session instanceof PgRootSession) await this.connection.close();
  }
}

export interface PostgresDataStoreOptions {
  url: string;
  poolSize: number;
  logger?: StoreLogger;
}

/** Returns at once; connects and migrates in the background (see `whenReady` / `health`). */
export function createPostgresDataStore(options: PostgresDataStoreOptions): PostgresDataStore {
  const connection = createPostgresConnection(options);
  return new PostgresDataStore(connection, 'postgres');
}

/**
 * A started PostgreSQL connection (pool, migrations) without a store: the PostgreSQL message queue's
 * own when the primary database is not PostgreSQL.
 */
export function createPostgresConnection(options: PostgresDataStoreOptions): PostgresConnection {
  const logger = options.logger ?? silentStoreLogger;
  const connection = new PostgresConnection({
    service: 'PostgreSQL',
    logger,
    target: describeTarget(options.url),
    gate: null,
    createDataSource: () =>
      new DataSource({
        type: 'postgres',
        url: options.url,
        poolSize: Math.max(1, options.poolSize),
        connectTimeoutMS: 5000,
        applicationName: 'featbit-ts',
        synchronize: false,
        migrationsRun: false,
        migrations: POSTGRES_MIGRATIONS,
        migrationsTableName: 'schema_migrations',
        logging: false,
        // Statements are written without waiting for the previous answer: a transaction's side
        // records go out together (PgPipelinedTransaction in postgres-session.ts).
        extra: { pipeline: true },
        // Without a listener an idle client dying with the server would crash the process.
        poolErrorHandler: (error: unknown) =>
          logger.warn('PostgreSQL pool error', { reason: describeError(error) }),
      }),
  });
  connection.start();
  return connection;
}

export interface PgliteDataStoreOptions {
  dataDir: string;
  logger?: StoreLogger;
}

// Two PGlite instances over one data directory would corrupt it.
const openPgliteDirs = new Set<string>();

/** The embedded instance; replaced only when its start-up failed and the store retries. */
class PgliteHolder {
  instance: PGlite | null = null;
  private failed = false;

  constructor(private readonly dataDir: string) {}

  current(): PGlite {
    if (!this.instance || this.failed) {
      mkdirSync(this.dataDir, { recursive: true });
      const db = new PGlite({ dataDir: this.dataDir, extensions: { uuid_ossp, pg_trgm } });
      this.failed = false;
      // A failed start surfaces through the connection attempt; never as an unhandled rejection.
      db.waitReady.catch(() => {
        if (this.instance === db) this.failed = true;
      });
      this.instance = db;
    }
    return this.instance;
  }

  async close(): Promise<void> {
    const db = this.instance;
    this.instance = null;
    if (db && !db.closed) await db.close().catch(() => undefined);
  }
}

/**
 * Embedded PostgreSQL (PGlite) persisted under dataDir. Returns at once with the PGlite instance
 * already available as `store.pglite` (its queries wait for start-up); migrations run in the background.
 */
export function createPgliteDataStore(options: PgliteDataStoreOptions): PostgresDataStore {
  const dir = resolve(options.dataDir);
  if (openPgliteDirs.has(dir))
    throw new Error(`an embedded PGlite store is already open on ${dir}; close it first`);
  openPgliteDirs.add(dir);
  const holder = new PgliteHolder(dir);
  holder.current();
  const connection = new PostgresConnection({
    service: 'PGlite',
    logger: options.logger ?? silentStoreLogger,
    target: dir,
    gate: new ReentrantMutex(),
    createDataSource: () =>
      new DataSource({
        type: 'postgres',
        driver: pglitePgDriver(holder.current()),
        synchronize: false,
        migrationsRun: false,
        migrations: POSTGRES_MIGRATIONS,
        migrationsTableName: 'schema_migrations',
        logging: false,
      }),
    currentPglite: () => holder.instance,
    onClosed: async () => {
      await holder.close();
      openPgliteDirs.delete(dir);
    },
  });
  const store = new PostgresDataStore(connection, 'pglite');
  connection.start();
  return store;
}
