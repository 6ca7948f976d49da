import type { PGlite } from '@electric-sql/pglite';
import { type DataSource, MigrationExecutor } from 'typeorm';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import { ConnectionSupervisor } from '../shared/connection-supervisor';
import type { ReentrantMutex } from '../shared/mutex';
import { describeError } from '../shared/redact';
import type { StoreLogger } from '../shared/store-logger';
import type { RootSessionHost } from './postgres-session';

// Serialises migrations when several processes start against one database at once.
const MIGRATION_LOCK_KEY = 4_242_000_001;
const HEALTH_TIMEOUT_MS = 3000;

export interface PostgresConnectionOptions {
  service: string;
  logger: StoreLogger;
  /** A fresh, not yet initialised DataSource for each connection attempt. */
  createDataSource: () => DataSource;
  /** Serialises statements (PGlite, one session); null for a pool. */
  gate: ReentrantMutex | null;
  /** PGlite: the store-owned instance (LISTEN/NOTIFY for the queue adapter). */
  currentPglite?: () => PGlite | null;
  /** Where it connects to, without credentials, for logs. */
  target: string;
  /** Runs after the DataSource is destroyed (PGlite: closes the instance). */
  onClosed?: () => Promise<void>;
}

/**
 * Owns the TypeORM DataSource of a PostgreSQL or PGlite store: connects and migrates in the
 * background (retrying with backoff), reports health, and hands the ready DataSource to sessions.
 */
export class PostgresConnection implements RootSessionHost {
  readonly service: string;
  readonly gate: ReentrantMutex | null;
  private ds: DataSource | null = null;
  private readonly supervisor: ConnectionSupervisor;

  constructor(private readonly options: PostgresConnectionOptions) {
    this.service = options.service;
    this.gate = options.gate;
    this.supervisor = new ConnectionSupervisor({
      service: options.service,
      logger: options.logger,
      connect: () => this.connectOnce(),
      disconnect: () => this.disconnect(),
    });
  }

  start(): void {
    this.options.logger.info(`${this.service} store connecting`, { target: this.options.target });
    this.supervisor.start();
  }

  get pglite(): PGlite | null {
    return this.options.currentPglite?.() ?? null;
  }

  whenReady(): Promise<void> {
    return this.supervisor.whenReady();
  }

  dataSource(): DataSource {
    this.supervisor.assertReady();
    return this.ds!;
  }

  async health(): Promise<HealthStatus> {
    if (!this.supervisor.isReady) return { ok: false, detail: this.supervisor.detail() };
    // PGlite runs in this process and cannot drop away; a probe would only queue behind a long
    // transaction (one session) and report a false timeout.
    if (this.options.currentPglite) {
      return this.pglite && !this.pglite.closed ? { ok: true } : { ok: false, detail: 'PGlite is closed' };
    }
    const probe = async (): Promise<void> => {
      const runner = this.ds!.createQueryRunner();
      try {
        await runner.query('SELECT 1');
      } finally {
        await runner.release();
      }
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)),
          HEALTH_TIMEOUT_MS,
        );
      });
      await Promise.race([probe(), timeout]);
      return { ok: true };
    } catch (error) {
      return {
        ok: false,
        detail: `query failed: ${describeError((error as { driverError?: unknown }).driverError ?? error)}`,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.supervisor.close();
    await this.options.onClosed?.();
  }

  private async connectOnce(): Promise<void> {
    const ds = this.options.createDataSource();
    this.ds = ds;
    await ds.initialize();
    const runner = ds.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      // Same runner for the migrations, so a pool of one connection cannot deadlock.
      const executor = new MigrationExecutor(ds, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      if (applied.length) {
        this.options.logger.info(`${this.service} migrations applied`, {
          migrations: applied.map((m) => m.name),
        });
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
  }

  private async disconnect(): Promise<void> {
    const ds = this.ds;
    this.ds = null;
    if (ds?.isInitialized) await ds.destroy();
  }
}
