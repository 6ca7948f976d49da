import {
  ClickHouseLogLevel,
  createClient,
  type ClickHouseClient,
  type ClickHouseClientConfigOptions,
} from '@clickhouse/client';
import type { InsightEvent } from '../../../core/insights/insight-event';
import { AnalyticsStore } from '../../../core/ports/analytics-store.port';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import { StoreUnavailableError } from '../../../core/shared/errors';
import { maskUrl } from '../../../config/connection-strings';
import { silentLogger, type Logger } from '../../../core/ports/logger.port';
import { eventsTableDdl, integer, quoteIdentifier, quoteString } from './clickhouse-sql';

export interface ClickHouseAnalyticsOptions {
  url: string;
  database: string;
  user: string;
  password: string;
  logger?: Logger;
  /** Largest pause between connection attempts at start-up (default 30 s). */
  maxRetryDelayMs?: number;
  /**
   * A transport other than HTTP to `url` (which then only labels logs). The contract tests pass
   * chdb's in-process engine here, so every statement this store sends also runs on a current
   * ClickHouse; configuration never sets it.
   */
  connection?: ClickHouseClientConfigOptions['connection'];
}

const INSERT_CHUNK = 10_000;

export function createClickHouseAnalyticsStore(
  options: ClickHouseAnalyticsOptions,
): ClickHouseAnalyticsStore {
  return new ClickHouseAnalyticsStore(options);
}

/**
 * Insight events in ClickHouse (the "pro" profile). The schema is created at start-up; until the
 * server answers, the store keeps retrying with backoff, health says why and writes raise
 * StoreUnavailableError (the queue consumer then retries them).
 */
export class ClickHouseAnalyticsStore extends AnalyticsStore {
  readonly healthName = 'analytics (clickhouse)';
  private readonly client: ClickHouseClient;
  private readonly logger: Logger;
  private readonly table: string;
  private ready = false;
  private closed = false;
  private lastError = 'connecting: first attempt';
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ClickHouseAnalyticsOptions) {
    super();
    this.logger = (options.logger ?? silentLogger).child({
      component: 'clickhouse',
      target: maskUrl(options.url),
    });
    this.table = `${quoteIdentifier(options.database)}.events`;
    this.client = createClient({
      url: options.url,
      username: options.user,
      password: options.password,
      request_timeout: 30_000,
      // Failures surface through health() and the caller; the client's own console output is noise.
      log: { level: ClickHouseLogLevel.OFF },
      // UInt64 comes back as a number on every server version.
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
      ...(options.connection ? { connection: options.connection } : {}),
    });
    this.connect(0);
  }

  private connect(attempt: number): void {
    void this.createSchema().then(
      () => {
        this.ready = true;
        this.logger.info('ClickHouse analytics store ready', { attempt: attempt + 1 });
      },
      (err: unknown) => {
        if (this.closed) return;
        const delay = Math.min(this.options.maxRetryDelayMs ?? 30_000, 1000 * 2 ** attempt);
        this.lastError = `connecting: ${describe(err)} (attempt ${attempt + 1}, retry in ${Math.round(delay / 1000)}s)`;
        this.logger.warn('ClickHouse not reachable yet', { error: this.lastError });
        this.retryTimer = setTimeout(() => this.connect(attempt + 1), delay);
        this.retryTimer.unref();
      },
    );
  }

  private async createSchema(): Promise<void> {
    for (const query of eventsTableDdl(this.options.database)) await this.client.command({ query });
  }

  async writeEvents(events: readonly InsightEvent[]): Promise<{ inserted: number }> {
    this.assertReady();
    let inserted = 0;
    try {
      for (let i = 0; i < events.length; i += INSERT_CHUNK) {
        const chunk = events.slice(i, i + INSERT_CHUNK);
        await this.client.insert({
          table: this.table,
          format: 'JSONEachRow',
          values: chunk.map((e) => ({
            uuid: e.uuid,
            distinct_id: e.distinctId,
            env_id: e.envId,
            event: e.event,
            properties: e.properties,
            timestamp: Math.trunc(e.timestamp),
          })),
        });
        inserted += chunk.length;
      }
    } catch (err) {
      throw this.unavailable(err);
    }
    // ClickHouse cannot tell which rows were re-deliveries: reads de-duplicate instead.
    return { inserted };
  }

  async countEvents(envId: string, fromUs?: number, toUs?: number): Promise<number> {
    this.assertReady();
    const where = [`env_id = ${quoteString(envId)}`];
    if (fromUs !== undefined) where.push(`timestamp >= ${integer(fromUs)}`);
    if (toUs !== undefined) where.push(`timestamp < ${integer(toUs)}`);
    try {
      const result = await this.client.query({
        query: `SELECT uniqExact(uuid) AS n FROM ${this.table} WHERE ${where.join(' AND ')}`,
        format: 'JSONEachRow',
      });
      const rows = await result.json<{ n: number | string }>();
      return Number(rows[0]?.n ?? 0);
    } catch (err) {
      throw this.unavailable(err);
    }
  }

  async health(): Promise<HealthStatus> {
    if (this.closed) return { ok: false, detail: 'closed' };
    if (!this.ready) return { ok: false, detail: this.lastError };
    try {
      const ping = await this.client.ping();
      return ping.success ? { ok: true } : { ok: false, detail: describe(ping.error) };
    } catch (err) {
      return { ok: false, detail: describe(err) };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.client.close();
  }

  private assertReady(): void {
    if (!this.ready || this.closed) throw new StoreUnavailableError('ClickHouse', new Error(this.lastError));
  }

  private unavailable(err: unknown): Error {
    // Network failures are transient; a rejected query (bad SQL, schema) is a bug to surface as is.
    const code = (err as { code?: string }).code;
    if (code && /^E(CONN|TIMEDOUT|PIPE|HOSTUNREACH|NOTFOUND)|ECONNRESET|UND_ERR/.test(code)) {
      return new StoreUnavailableError('ClickHouse', err);
    }
    if (err instanceof Error && /socket|timeout|ECONN|network/i.test(err.message)) {
      return new StoreUnavailableError('ClickHouse', err);
    }
    return err instanceof Error ? err : new Error(String(err));
  }
}

function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\/\/[^@/\s]*@/g, '//***@');
}
