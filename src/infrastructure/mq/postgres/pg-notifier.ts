import type { PGliteInterface } from '@electric-sql/pglite';
import createPostgresSubscriber, { type Subscriber } from 'pg-listen';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import { silentLogger, type Logger } from '../../../core/ports/logger.port';
import { safeMessage } from '../safe-message';

/**
 * LISTEN/NOTIFY on one dedicated connection. pg-listen needs a socket, so PGlite (in-process, no
 * socket) gets its own implementation on `pglite.listen`.
 */
export interface PgNotifier {
  /** Starts listening (once connected); payloads are plain strings. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<void>;
  notify(channel: string, payload: string): Promise<void>;
  /** Called after the listening connection was lost and is back (LISTENs re-issued). */
  onReconnect(listener: () => void): void;
  /** Whether LISTEN is active right now. */
  isListening(): boolean;
  health(): Promise<HealthStatus>;
  close(): Promise<void>;
}

export interface PgListenNotifierOptions {
  url: string;
  logger?: Logger;
  /** Liveness probe of the idle listening connection (default 15 s, like FeatBit's keep-alive). */
  keepAliveMs?: number;
  /** Largest delay between reconnection attempts (default 10 s). */
  maxRetryDelayMs?: number;
}

type Handler = (payload: string) => void;

export function createPgListenNotifier(options: PgListenNotifierOptions): PgNotifier {
  return new PgListenNotifier(options);
}

/**
 * Every query on the listening connection is serialized (one of ours at a time, plus at most
 * pg-listen's own keep-alive probe), so `pg` never queues a query behind another: pg 8 deprecates
 * that and pg 9 removes it. pg-listen's own reconnection is turned off because it re-issues the
 * LISTENs all at once; a lost connection is replaced here by a new subscriber that LISTENs one
 * channel after the other.
 */
class PgListenNotifier implements PgNotifier {
  private readonly logger: Logger;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectListeners: Array<() => void> = [];
  private subscriber: Subscriber | null = null;
  private connecting: Promise<void> | null = null;
  private connected = false;
  private everConnected = false;
  private lastError: string | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  /** Tail of the queries sent on the listening connection, in order. */
  private queries: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PgListenNotifierOptions) {
    this.logger = (options.logger ?? silentLogger).child({ component: 'pg-notifier' });
  }

  async listen(channel: string, onPayload: Handler): Promise<void> {
    const set = this.handlers.get(channel) ?? new Set<Handler>();
    const fresh = set.size === 0;
    set.add(onPayload);
    this.handlers.set(channel, set);
    await this.ensureStarted();
    const subscriber = this.subscriber;
    if (fresh && subscriber && this.connected) {
      await this.serialized(() => subscriber.listenTo(channel));
    }
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.ensureStarted();
    const subscriber = this.subscriber;
    if (!subscriber || !this.connected) {
      throw new Error(`cannot notify: ${this.lastError ?? 'not connected to PostgreSQL'}`);
    }
    await this.serialized(() => subscriber.notify(channel, payload));
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  isListening(): boolean {
    return this.connected;
  }

  health(): Promise<HealthStatus> {
    if (this.closed) return Promise.resolve({ ok: false, detail: 'closed' });
    if (this.connected) return Promise.resolve({ ok: true });
    return Promise.resolve({
      ok: false,
      detail: `PostgreSQL listener not connected${this.lastError ? `: ${this.lastError}` : ''}`,
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const subscriber = this.subscriber;
    this.subscriber = null;
    this.connected = false;
    if (subscriber) await subscriber.close().catch(() => undefined);
  }

  /** Runs `query` after every earlier one has settled. */
  private serialized<T>(query: () => Promise<T> | T | undefined): Promise<T | undefined> {
    const run = this.queries.then(query, query);
    this.queries = run.catch(() => undefined);
    return run;
  }

  /** Resolves once connected, or after the first failed attempt (retries continue in the background). */
  private ensureStarted(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('notifier is closed'));
    if (this.connecting) return this.connecting;
    if ((this.connected && this.subscriber) || this.retryTimer) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const subscriber = createPostgresSubscriber(
      { connectionString: this.options.url },
      {
        paranoidChecking: this.options.keepAliveMs ?? 15_000,
        // One attempt means none: pg-listen gives up at once and reports it (see the 'error' handler).
        retryLimit: 1,
        parse: (text) => text,
        serialize: (value) => String(value),
      },
    );
    // Whether anything published meanwhile may have been missed: after a loss or failed attempts.
    const missedSome = this.everConnected || this.attempt > 0;
    // A client that failed or was lost is discarded; its late events must change nothing.
    let discarded = false;
    subscriber.events.on('error', (error) => {
      if (discarded) return;
      // After a successful connect, pg-listen's only error is "connection lost, not reconnecting".
      discarded = true;
      this.lastError = safeMessage(error);
      if (this.subscriber !== subscriber) return;
      this.logger.warn('PostgreSQL listener connection lost, reconnecting', { error: this.lastError });
      this.subscriber = null;
      this.connected = false;
      void subscriber.close().catch(() => undefined);
      this.scheduleRetry();
    });
    subscriber.events.on('notification', (notification) => {
      const payload = typeof notification.payload === 'string' ? notification.payload : '';
      for (const handler of this.handlers.get(notification.channel) ?? []) {
        try {
          handler(payload);
        } catch (error) {
          this.logger.error('notification handler failed', { error: safeMessage(error) });
        }
      }
    });
    try {
      await subscriber.connect();
      // One LISTEN at a time; channels added meanwhile are visited too (Map iteration is live).
      for (const channel of this.handlers.keys()) await subscriber.listenTo(channel);
      if (discarded) throw new Error(this.lastError ?? 'connection lost while subscribing');
      // Only now may others use it (notify, LISTEN of later channels).
      this.queries = Promise.resolve();
      this.subscriber = subscriber;
      this.connected = true;
      this.everConnected = true;
      this.lastError = null;
      this.attempt = 0;
      if (this.closed) {
        await subscriber.close();
        return;
      }
      if (missedSome) {
        this.logger.info('PostgreSQL listener connected after an interruption');
        this.fireReconnect();
      }
    } catch (error) {
      this.lastError = safeMessage(error);
      this.connected = false;
      discarded = true;
      await subscriber.close().catch(() => undefined);
      this.logger.warn('PostgreSQL listener cannot connect, retrying', { error: this.lastError });
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    const delay = this.backoff(++this.attempt);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closed) return;
      void this.ensureStarted();
    }, delay);
  }

  private backoff(attempt: number): number {
    const max = this.options.maxRetryDelayMs ?? 10_000;
    return Math.min(max, 200 * 2 ** Math.min(attempt, 10));
  }

  private fireReconnect(): void {
    for (const listener of this.reconnectListeners) {
      try {
        listener();
      } catch (error) {
        this.logger.error('reconnect listener failed', { error: safeMessage(error) });
      }
    }
  }
}

export interface PgliteNotifierOptions {
  pglite: PGliteInterface;
  logger?: Logger;
  /**
   * Runs LISTEN and pg_notify. PGlite has one session, so pass the data store's gated `query`
   * (PostgresDataStore.query): a statement slipped into another caller's open transaction would be
   * undone by its rollback. Defaults to `pglite.query` for a PGlite nobody else uses.
   */
  query?: (sql: string, params?: unknown[]) => Promise<unknown>;
}

/** PGlite runs in this process: LISTEN never disconnects, so onReconnect never fires. */
export function createPgliteNotifier(options: PgliteNotifierOptions): PgNotifier {
  const { pglite } = options;
  const run = options.query ?? ((sql: string, params?: unknown[]) => pglite.query(sql, params));
  const logger = (options.logger ?? silentLogger).child({ component: 'pglite-notifier' });
  const handlers = new Map<string, Set<Handler>>();
  let stopNotifications: (() => void) | null = null;
  let closed = false;
  return {
    async listen(channel, onPayload) {
      stopNotifications ??= pglite.onNotification((ch, payload) => {
        for (const handler of handlers.get(ch) ?? []) {
          try {
            handler(payload);
          } catch (error) {
            logger.error('notification handler failed', { error: safeMessage(error) });
          }
        }
      });
      const set = handlers.get(channel) ?? new Set<Handler>();
      handlers.set(channel, set);
      set.add(onPayload);
      if (set.size === 1) await run(`LISTEN ${quoteIdent(channel)}`);
    },
    async notify(channel, payload) {
      await run('select pg_notify($1, $2)', [channel, payload]);
    },
    onReconnect: () => undefined,
    isListening: () => !closed && !pglite.closed,
    health: () =>
      Promise.resolve(closed || pglite.closed ? { ok: false, detail: 'PGlite is closed' } : { ok: true }),
    async close() {
      if (closed) return;
      closed = true;
      stopNotifications?.();
      handlers.clear();
      // The instance is shared (the data store owns it): leave its LISTENs, they cost nothing.
      await Promise.resolve();
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
