import {
  ClickHouseLogLevel,
  createClient,
  type ClickHouseClient,
  type ClickHouseClientConfigOptions,
  type ClickHouseSettings,
} from '@clickhouse/client';
import { insightFields } from '../../../core/analytics/insight-fields';
import type { InsightEvent } from '../../../core/insights/insight-event';
import type {
  AnalyticsQuery,
  ExperimentSamples,
  ExperimentSamplesQuery,
  FlagInsightsQuery,
  FlagInsightsResult,
  FlagUsersPage,
  FlagUsersQuery,
  InsightCount,
} from '../../../core/ports/analytics-query.port';
import { AnalyticsStore } from '../../../core/ports/analytics-store.port';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import { StoreUnavailableError } from '../../../core/shared/errors';
import { maskUrl } from '../../../config/connection-strings';
import { silentLogger, type Logger } from '../../../core/ports/logger.port';
import { ClickHouseExperimentWindows, type ExperimentWindowsOptions } from './clickhouse-experiment-windows';
import {
  flagInsightsSql,
  flagUsersCountSql,
  flagUsersPageSql,
  type InsightRow,
  type UserRow,
} from './clickhouse-query-sql';
import { type ClickHouseIngest, ensureSchema } from './clickhouse-schema';
import { integer, quoteIdentifier, quoteString, type ServerFeatures } from './clickhouse-sql';

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
  /** Default: the analytics role inserts (ANALYTICS_CLICKHOUSE_INGEST=role). */
  ingest?: ClickHouseIngest;
  /** ANALYTICS_RETENTION_DAYS (0: keep everything). */
  retentionDays?: number;
  /** Experiment snapshots' tuning (clickhouse-experiment-windows.ts); only tests set it. */
  experimentSnapshots?: Pick<
    ExperimentWindowsOptions,
    'watermarkMarginS' | 'rebuildMinUsers' | 'rawMinUsers' | 'listedUsers' | 'cleanup'
  >;
}

const INSERT_CHUNK = 10_000;
/** uuids per existence check: keeps the IN list well under max_query_size (256 KiB). */
const CHECK_CHUNK = 2_000;
/** Who saw what: the first slice read for a page (an hour, in µs), and how much each next one grows. */
const PAIRS_SLICE_US = 3_600_000_000;
const PAIRS_SLICE_GROWTH = 16;

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
export class ClickHouseAnalyticsStore extends AnalyticsStore implements AnalyticsQuery {
  readonly healthName = 'analytics (clickhouse)';
  private readonly client: ClickHouseClient;
  private readonly logger: Logger;
  private readonly table: string;
  private readonly windows: ClickHouseExperimentWindows;
  private ready = false;
  private features: ServerFeatures = { ttl: false };
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
    this.windows = new ClickHouseExperimentWindows(
      this.client,
      {
        database: quoteIdentifier(options.database),
        retentionDays: options.retentionDays ?? 0,
        ...options.experimentSnapshots,
      },
      this.logger,
    );
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
    this.features = await ensureSchema(
      this.client,
      {
        database: this.options.database,
        ttlDays: this.options.retentionDays ?? 0,
        ingest: this.options.ingest ?? { mode: 'role' },
      },
      this.logger,
    );
  }

  /**
   * Idempotent on uuid without a read-time cost: a batch keeps each uuid once and skips those
   * already stored (looked up through the sorting key). Residual: two writers racing on the same
   * uuid both insert it, and ReplacingMergeTree folds the copy at its next merge.
   */
  async writeEvents(events: readonly InsightEvent[]): Promise<{ inserted: number }> {
    this.assertReady();
    // ClickHouse reads the topic itself; the role only records flag usage (its caller).
    if (this.options.ingest?.mode === 'kafka') return { inserted: 0 };
    let inserted = 0;
    try {
      const fresh = await this.withoutStored(events);
      for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
        const chunk = fresh.slice(i, i + INSERT_CHUNK);
        await this.client.insert({
          table: this.table,
          // Listed, so the server computes the derived columns' DEFAULTs (18.16's JSONEachRow would
          // otherwise fill omitted fields with empty values).
          columns: ['uuid', 'distinct_id', 'env_id', 'event', 'properties', 'timestamp'],
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
    return { inserted };
  }

  private async withoutStored(events: readonly InsightEvent[]): Promise<InsightEvent[]> {
    const unique = new Map<string, InsightEvent>();
    for (const e of events) if (!unique.has(e.uuid)) unique.set(e.uuid, e);
    const all = [...unique.values()];
    const stored = new Set<string>();
    const chunks: InsightEvent[][] = [];
    for (let i = 0; i < all.length; i += CHECK_CHUNK) chunks.push(all.slice(i, i + CHECK_CHUNK));
    // The look-ups are independent reads: sent together, a batch waits for one round trip, not one
    // per chunk (docs/performance.md, ingest round two).
    await Promise.all(chunks.map((chunk) => this.storedUuids(chunk, stored)));
    return stored.size === 0 ? all : all.filter((e) => !stored.has(e.uuid));
  }

  /** Adds to `stored` the uuids of `chunk` already in the table (looked up through the sorting key). */
  private async storedUuids(chunk: readonly InsightEvent[], stored: Set<string>): Promise<void> {
    const keys = new Set<string>();
    let min = Infinity;
    let max = 0;
    for (const e of chunk) {
      const ts = Math.floor(Math.trunc(e.timestamp) / 1e6);
      keys.add(`(${quoteString(e.envId)}, ${quoteString(insightFields(e).flagKey ?? '')})`);
      min = Math.min(min, ts);
      max = Math.max(max, ts);
    }
    const rows = await this.rows<{ uuid: string }>(
      `SELECT uuid FROM ${this.table}
       WHERE (env_id, flag_key) IN (${[...keys].join(', ')})
         AND ts >= toDateTime(${integer(min)}) AND ts <= toDateTime(${integer(max)})
         AND uuid IN (${chunk.map((e) => quoteString(e.uuid)).join(', ')})`,
    );
    for (const r of rows) stored.add(r.uuid);
  }

  async flagInsights(query: FlagInsightsQuery): Promise<FlagInsightsResult> {
    this.assertReady();
    // The boundaries array is repeated at each step of the bucket search: up to ~600 KB of SQL.
    const sql = flagInsightsSql(this.table, query);
    const rows = await this.read(() =>
      this.rows<InsightRow>(sql, { max_query_size: String(sql.length + 65_536) }),
    );
    const buckets = new Map<number, InsightCount[]>();
    const period: InsightCount[] = [];
    for (const row of rows) {
      const count: InsightCount = {
        variationId: row.variation,
        evaluations: Number(row.evaluations),
        users: Number(row.users),
      };
      const bucket = Number(row.bucket);
      if (bucket < 0) period.push(count);
      else buckets.set(bucket, [...(buckets.get(bucket) ?? []), count]);
    }
    return { buckets: [...buckets].map(([bucket, counts]) => ({ bucket, counts })), period };
  }

  async experimentSamples(query: ExperimentSamplesQuery): Promise<ExperimentSamples> {
    this.assertReady();
    if (query.fromUs >= query.toUs) return { variations: [] };
    const rows = await this.read(() => this.windows.samples(query));
    return {
      variations: rows.map((r) => ({
        variationId: r.variation,
        users: Number(r.users),
        converted: Number(r.converted),
        sum: Number(r.sum),
        sumSquares: Number(r.sum_squares),
      })),
    };
  }

  async flagUsers(query: FlagUsersQuery): Promise<FlagUsersPage> {
    this.assertReady();
    const [page, total] = await this.read(() =>
      Promise.all([
        this.latestPairs(query),
        this.rows<{ n: number | string }>(flagUsersCountSql(this.table, query)),
      ]),
    );
    return {
      totalCount: Number(total[0]?.n ?? 0),
      items: page.map((r) => ({
        variationId: r.variation_id,
        keyId: r.key_id,
        name: r.name,
        lastEvaluatedAtUs: Number(r.last_us),
      })),
    };
  }

  /**
   * The page, read from the most recent slice of the range that holds it. A pair's latest
   * evaluation lies in every slice reaching back to it, and pairs with none in the slice rank
   * after all those with one, so once [to − span, to) yields a full page at the offset, that page
   * is the whole range's. The slice starts at an hour and grows 16-fold up to the whole range: a
   * first page of a busy flag reads its last hour, not 30 days (docs/performance.md,
   * "Who saw what on ClickHouse").
   */
  private async latestPairs(query: FlagUsersQuery): Promise<UserRow[]> {
    for (let span = PAIRS_SLICE_US; ; span *= PAIRS_SLICE_GROWTH) {
      const from = Math.max(query.fromUs, query.toUs - span);
      const rows = await this.rows<UserRow>(flagUsersPageSql(this.table, query, from));
      if (rows.length >= query.pageSize || from === query.fromUs) return rows;
    }
  }

  /**
   * Current engines expire rows through the table's TTL (answers 0). 18.16 has no TTL: whole
   * months entirely before the cutoff are dropped (a partition drop, cheap and bounded), so rows
   * outlive the cutoff by up to a month there.
   */
  async purgeBefore(cutoffUs: number): Promise<{ deleted: number }> {
    this.assertReady();
    if (this.features.ttl) return { deleted: 0 };
    // A day's margin: toYYYYMM(ts) follows the server's time zone, months there end up to 14 h later.
    const cutoff = new Date(Math.floor(cutoffUs / 1000) - 86_400_000);
    const cutoffMonth = cutoff.getUTCFullYear() * 100 + cutoff.getUTCMonth() + 1;
    const parts = await this.read(() =>
      this.rows<{ partition: string; n: number | string }>(
        `SELECT partition, sum(rows) AS n FROM system.parts
         WHERE database = ${quoteString(this.options.database)} AND table = 'events' AND active
         GROUP BY partition`,
      ),
    );
    let deleted = 0;
    for (const part of parts) {
      const month = Number(part.partition.replace(/'/g, ''));
      if (!Number.isSafeInteger(month) || month >= cutoffMonth) continue;
      await this.read(() =>
        this.client.command({ query: `ALTER TABLE ${this.table} DROP PARTITION ${integer(month)}` }),
      );
      deleted += Number(part.n);
    }
    return { deleted };
  }

  private async rows<T>(query: string, settings?: ClickHouseSettings): Promise<T[]> {
    return (
      await this.client.query({ query, format: 'JSONEachRow', clickhouse_settings: settings })
    ).json<T>();
  }

  private async read<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw this.unavailable(err);
    }
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
