import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';

type Done = (error?: unknown) => void;
type QueryCallback = (error: unknown, result: Results<unknown> | null) => void;
type ConnectCallback = (error: unknown, client: PglitePoolClient | null, done: Done) => void;

/**
 * The `pg` module surface TypeORM's postgres driver uses (`new Pool()`, `connect`, `query`, `end`),
 * served by one store-owned PGlite instance. typeorm-pglite does the same over a process-wide
 * singleton it creates lazily; owning the instance lets the store expose it at once (LISTEN/NOTIFY
 * for the queue adapter) and open, close and reopen data directories predictably.
 */
class PglitePoolClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  /** Promise style, or node-postgres callback style (TypeORM uses both). */
  query(
    sql: string,
    params?: unknown[] | QueryCallback,
    callback?: QueryCallback,
  ): Promise<Results<unknown>> {
    const cb = typeof params === 'function' ? params : callback;
    const values = Array.isArray(params) ? params : undefined;
    const result = this.run(sql, values);
    if (cb) {
      result.then(
        (r) => cb(null, r),
        (error: unknown) => cb(error, null),
      );
      result.catch(() => undefined); // the callback saw the error; don't leave it unhandled
    }
    return result;
  }

  private async run(sql: string, values: unknown[] | undefined): Promise<Results<unknown>> {
    // Without parameters use the simple protocol, which accepts several statements (migrations).
    if (values && values.length) return this.db.query(sql, values);
    const results = await this.db.exec(sql);
    return results[results.length - 1] ?? { rows: [], fields: [] };
  }

  release(): void {}
}

export function pglitePgDriver(db: PGlite): { Pool: new () => EventEmitter } {
  class Pool extends EventEmitter {
    private readonly client = new PglitePoolClient(db);

    connect(callback?: ConnectCallback): Promise<PglitePoolClient> | undefined {
      const ready = db.waitReady.then(() => this.client);
      if (!callback) return ready;
      ready.then(
        (client) => callback(null, client, () => undefined),
        (error: unknown) => callback(error, null, () => undefined),
      );
      return undefined;
    }

    query(
      sql: string,
      params?: unknown[] | QueryCallback,
      callback?: QueryCallback,
    ): Promise<Results<unknown>> {
      return this.client.query(sql, params, callback);
    }

    // The store closes the PGlite instance itself; ending TypeORM's pool must not.
    end(callback?: (error?: unknown) => void): Promise<void> {
      callback?.();
      return Promise.resolve();
    }
  }
  return { Pool };
}
