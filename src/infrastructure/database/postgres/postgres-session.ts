import type { Pool, PoolClient, QueryResult } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { ReentrantMutex } from '../shared/mutex';
import { mapPgError } from './postgres-errors';
import { corkForThisTick, PoolFlights } from './postgres-pipeline';

export type Row = Record<string, unknown>;

/**
 * What the PostgreSQL repositories run their SQL through: the pool (auto-commit) or one
 * transaction. Errors come out already mapped to the core's typed errors.
 */
export interface SqlSession {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * A statement whose rows nobody reads (an INSERT of a side record such as an audit entry). In a
   * transaction on a PostgreSQL server it is sent at once without waiting for its answer, and its
   * outcome is checked with the next statement that needs an answer, or at the commit, which then
   * fails with its error (the transaction rolls back). Elsewhere it simply runs.
   */
  execute(sql: string, params?: readonly unknown[]): Promise<void>;
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

/**
 * The node-postgres pool under TypeORM's driver. Queries go to it directly: TypeORM's QueryRunner
 * (a runner, a broadcaster and a result object per query) cost about a third of the api's CPU per
 * flag change in a profile (docs/performance.md, "Management write path, round two").
 */
function poolOf(ds: DataSource): Pool {
  return (ds.driver as unknown as { master: Pool }).master;
}

const flights = new WeakMap<Pool, PoolFlights>();

function flightsOf(pool: Pool): PoolFlights {
  let found = flights.get(pool);
  if (!found) {
    found = new PoolFlights(pool);
    flights.set(pool, found);
  }
  return found;
}

export class PgRootSession implements SqlSession {
  constructor(private readonly host: RootSessionHost) {}

  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    const ds = this.host.dataSource();
    if (this.host.gate === null) return this.poolQuery<T>(poolOf(ds), sql, params);
    return this.host.gate.run(async () => {
      const runner = ds.createQueryRunner();
      try {
        return await runOn<T>(runner, sql, params);
      } catch (error) {
        throw mapPgError(error, this.host.service);
      } finally {
        await runner.release();
      }
    });
  }

  async execute(sql: string, params?: readonly unknown[]): Promise<void> {
    await this.query(sql, params);
  }

  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    const ds = this.host.dataSource();
    if (this.host.gate === null) return this.poolTransaction(poolOf(ds), work);
    return this.host.gate.run(async () => {
      try {
        return await ds.transaction((manager) =>
          work(new PgRunnerTransactionSession(manager.queryRunner!, this.host.service)),
        );
      } catch (error) {
        throw mapPgError(error, this.host.service);
      }
    });
  }

  private async poolQuery<T>(pool: Pool, sql: string, params?: readonly unknown[]): Promise<T[]> {
    try {
      return (await flightsOf(pool).query(sql, params as unknown[] | undefined)).rows as T[];
    } catch (error) {
      throw mapPgError(error, this.host.service);
    }
  }

  private async poolTransaction<T>(pool: Pool, work: (tx: SqlSession) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw mapPgError(error, this.host.service);
    }
    const tx = new PgPipelinedTransaction(client, this.host.service);
    let broken: Error | undefined;
    // See PoolFlights: a connection lost while checked out must not go unheard.
    const lost = (error: Error) => {
      broken = error;
    };
    client.on('error', lost);
    try {
      tx.begin();
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      broken ??= await tx.rollback();
      throw mapPgError(error, this.host.service);
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  }
}

/**
 * One transaction on a pooled client. The pool's clients run in node-postgres's pipeline mode, so
 * a statement is written as soon as it is issued: BEGIN and every `execute` go out with the next
 * statement that needs an answer (or the COMMIT), and a change costs a round trip per answer it
 * waits for instead of one per statement.
 */
class PgPipelinedTransaction implements SqlSession {
  private pending: Promise<QueryResult>[] = [];
  private failure: unknown = null;

  constructor(
    private readonly client: PoolClient,
    private readonly service: string,
  ) {}

  begin(): void {
    this.send('BEGIN');
  }

  async query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    corkForThisTick(this.client);
    const answer = this.client.query(sql, params as unknown[] | undefined);
    try {
      await this.settle();
    } catch (error) {
      answer.catch(() => undefined);
      throw error;
    }
    try {
      return (await answer).rows as T[];
    } catch (error) {
      throw mapPgError(error, this.service);
    }
  }

  execute(sql: string, params?: readonly unknown[]): Promise<void> {
    this.send(sql, params);
    return Promise.resolve();
  }

  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return work(this);
  }

  async commit(): Promise<void> {
    await this.query('COMMIT');
  }

  /** Ends the transaction after a failure; returns the error that makes the client unusable, if any. */
  async rollback(): Promise<Error | undefined> {
    try {
      await Promise.allSettled(this.pending);
      await this.client.query('ROLLBACK');
      return undefined;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private send(sql: string, params?: readonly unknown[]): void {
    corkForThisTick(this.client);
    const sent = this.client.query(sql, params as unknown[] | undefined);
    sent.catch((error: unknown) => {
      this.failure ??= error;
    });
    this.pending.push(sent);
  }

  /** Waits for the statements sent without waiting; throws the first one's error. */
  private async settle(): Promise<void> {
    if (this.pending.length > 0) {
      const sent = this.pending;
      this.pending = [];
      await Promise.allSettled(sent);
    }
    if (this.failure !== null) throw mapPgError(this.failure, this.service);
  }
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

/** One PGlite transaction, on TypeORM's QueryRunner (PGlite has one session and no pool). */
export class PgRunnerTransactionSession implements SqlSession {
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

  async execute(sql: string, params?: readonly unknown[]): Promise<void> {
    await this.query(sql, params);
  }

  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return work(this);
  }
}
