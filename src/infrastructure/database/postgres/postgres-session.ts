import type { DataSource, QueryRunner } from 'typeorm';
import type { ReentrantMutex } from '../shared/mutex';
import { mapPgError } from './postgres-errors';

export type Row = Record<string, unknown>;

/**
 * What the PostgreSQL repositories run their SQL through: the pool (auto-commit) or one
 * transaction's QueryRunner. Errors come out already mapped to the core's typed errors.
 */
export interface SqlSession {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs `work` in one transaction; inside a transaction it simply joins it. */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
}

export interface RootSessionHost {
  readonly service: string;
  /** The ready DataSource, or a StoreUnavailableError thrown when not connected. */
  dataSource(): DataSource;
  /** Set for PGlite: one session, so transactions must exclude everyone else's statements. */
  readonly gate: ReentrantMutex | null;
}

async function runOn<T>(
  runner: QueryRunner,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<T[]> {
  // Structured result: `records` is the row list for every statement kind (pg and PGlite alike).
  const result = await runner.query(sql, params ? [...params] : undefined, true);
  return (result.records ?? []) as T[];
}

export class PgRootSession implements SqlSession {
  constructor(private readonly host: RootSessionHost) {}

  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    const ds = this.host.dataSource();
    const run = async (): Promise<T[]> => {
      const runner = ds.createQueryRunner();
      try {
        return await runOn<T>(runner, sql, params);
      } catch (error) {
        throw mapPgError(error, this.host.service);
      } finally {
        await runner.release();
      }
    };
    return this.host.gate ? this.host.gate.run(run) : run();
  }

  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    const ds = this.host.dataSource();
    const run = async (): Promise<T> => {
      try {
        return await ds.transaction((manager) =>
          work(new PgTransactionSession(manager.queryRunner!, this.host.service)),
        );
      } catch (error) {
        throw mapPgError(error, this.host.service);
      }
    };
    return this.host.gate ? this.host.gate.run(run) : run();
  }
}

export class PgTransactionSession implements SqlSession {
  constructor(
    private readonly runner: QueryRunner,
    private readonly service: string,
  ) {}

  async query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    try {
      return await runOn<T>(this.runner, sql, params);
    } catch (error) {
      throw mapPgError(error, this.service);
    }
  }

  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return work(this);
  }
}
