import type { Client, Pool, PoolClient, QueryResult } from 'pg';
import { isPgConnectionError } from './postgres-errors';

// A statement sent on its own costs about 140 µs of CPU in node-postgres (a write, a wake-up and a
// read of the socket, a pool checkout); sent eight at a time on one pipelined connection it costs
// about 40 µs (docs/performance.md, "Management write path, round two"). The management API's reads
// come in such groups (the access guard's membership and policies, a flag with its environment),
// so auto-commit statements issued in the same tick share one connection and one write.

/** Most statements one flight carries; the rest start the next one at once. */
const MAX_FLIGHT = 16;

interface Waiting {
  sql: string;
  params: unknown[] | undefined;
  resolve: (result: QueryResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Holds the client's socket writes until the current tick ends, so that statements issued together
 * leave in one write. node-postgres corks around each statement itself; cork calls nest.
 */
export function corkForThisTick(client: PoolClient): void {
  const stream = (client as unknown as Client).connection.stream;
  stream.cork();
  process.nextTick(() => stream.uncork());
}

/** Auto-commit statements of one tick, sent together on one pooled (pipelined) client. */
export class PoolFlights {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly pool: Pool) {}

  query(sql: string, params: unknown[] | undefined): Promise<QueryResult> {
    return new Promise<QueryResult>((resolve, reject) => {
      this.waiting.push({ sql, params, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        process.nextTick(() => this.takeOff());
      }
    });
  }

  private takeOff(): void {
    this.scheduled = false;
    while (this.waiting.length > 0) this.fly(this.waiting.splice(0, MAX_FLIGHT));
  }

  private fly(flight: Waiting[]): void {
    if (flight.length === 1) {
      const [one] = flight;
      this.pool.query(one.sql, one.params).then(one.resolve, one.reject);
      return;
    }
    this.pool.connect().then(
      (client) => {
        let left = flight.length;
        let broken: Error | undefined;
        // A connection lost while checked out is an 'error' event on the client: unheard, it would
        // crash the process (the pool listens only to idle clients).
        const lost = (error: Error) => {
          broken = error;
        };
        client.on('error', lost);
        const landed = () => {
          if (--left > 0) return;
          client.off('error', lost);
          client.release(broken);
        };
        corkForThisTick(client);
        for (const w of flight) {
          client.query(w.sql, w.params).then(
            (result) => {
              w.resolve(result);
              landed();
            },
            (error: unknown) => {
              if (isPgConnectionError(error)) broken = error as Error;
              w.reject(error);
              landed();
            },
          );
        }
      },
      (error: unknown) => {
        for (const w of flight) w.reject(error);
      },
    );
  }
}
