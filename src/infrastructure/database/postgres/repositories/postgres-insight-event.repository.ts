import { insightFields } from '../../../../core/analytics/insight-fields';
import type { InsightEvent } from '../../../../core/insights/insight-event';
import type {
  ExperimentSamples,
  ExperimentSamplesQuery,
  FlagInsightsQuery,
  FlagInsightsResult,
  FlagUsersPage,
  FlagUsersQuery,
  InsightCount,
} from '../../../../core/ports/analytics-query.port';
import { InsightEventRepository } from '../../../../core/ports/users-and-events.repositories';
import type { Page, PageRequest } from '../../../../core/shared/paging';
import { INSIGHT_EVENT_ENTITY } from '../../shared/entities/insight-event.entity';
import { normalizeEventProperties } from '../../shared/event-properties';
import { pageWindow } from '../../shared/paging';
import type { Row, SqlSession } from '../postgres-session';
import { isPgRetryableConflict } from '../postgres-errors';
import { PgTable } from '../postgres-table';
import { num, str, strOrNull } from '../postgres-values';
import { WINDOWS } from './experiment-window-sql';
import {
  COUNTS,
  INSERT_SQL,
  LATER_EVENT_SQL,
  PAIRS,
  ROLLUP,
  USERS_EXACT_SQL,
  USERS_FROM_PAIRS_SQL,
  insightsSql,
} from './insight-read-model-sql';
import { HOUR_US, type InsightReadPlan, type UsRange, insightReadPlan } from './insight-read-plan';
import { PgExperimentWindows } from './postgres-experiment-windows';

const EVENTS = PgTable.of(INSIGHT_EVENT_ENTITY);

const EVENT_CHUNK = 5000;
const DEADLOCK_RETRIES = 5;
// Rows come out of the ordered subquery in order, so the locks are taken in that order.
const LOCK_ENVIRONMENTS_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('featbit-ts:analytics:' || env, 0))
  FROM (SELECT DISTINCT env FROM unnest($1::text[]) AS env ORDER BY env) AS envs`;

const bigints = (values: readonly number[]): string[] => values.map((v) => String(Math.trunc(v)));
const los = (ranges: readonly UsRange[]): string[] => bigints(ranges.map((r) => r.lo));
const his = (ranges: readonly UsRange[]): string[] => bigints(ranges.map((r) => r.hi));

function planParams(plan: InsightReadPlan): string[][] {
  return [los(plan.rollup), his(plan.rollup), los(plan.raw), his(plan.raw)];
}

export class PostgresInsightEventRepository extends InsightEventRepository {
  private readonly windows: PgExperimentWindows;

  constructor(private readonly db: SqlSession) {
    super();
    this.windows = new PgExperimentWindows(db, LOCK_ENVIRONMENTS_SQL);
  }

  async insertMany(events: readonly InsightEvent[]): Promise<{ inserted: number }> {
    if (!events.length) return { inserted: 0 };
    // Two writers (analytics replicas, or a re-delivery beside a live batch) would upsert the same
    // rollup, counter and pair rows from several statements each, in different orders, and deadlock:
    // insertOnce first takes a transaction-scoped advisory lock per environment, in sorted order, so
    // writers of one environment take turns. A conflict that still aborts the transaction (the
    // batch is idempotent: ON CONFLICT on the event uuid) just runs it again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.insertOnce(events);
      } catch (error) {
        if (attempt >= DEADLOCK_RETRIES || !isPgRetryableConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  private insertOnce(events: readonly InsightEvent[]): Promise<{ inserted: number }> {
    // unnest(arrays): ten parameters per chunk whatever its size; one transaction, so a dropped
    // connection leaves nothing half-written (a retry is idempotent).
    return this.db.transaction(async (tx) => {
      await tx.query(LOCK_ENVIRONMENTS_SQL, [[...new Set(events.map((e) => e.envId))]]);
      let inserted = 0;
      for (let i = 0; i < events.length; i += EVENT_CHUNK) {
        const chunk = events.slice(i, i + EVENT_CHUNK);
        const fields = chunk.map(insightFields);
        const rows = await tx.query(INSERT_SQL, [
          chunk.map((e) => e.uuid),
          chunk.map((e) => e.distinctId),
          chunk.map((e) => e.envId),
          chunk.map((e) => e.event),
          chunk.map((e) => normalizeEventProperties(e.properties)),
          bigints(chunk.map((e) => e.timestamp)),
          fields.map((f) => f.flagKey),
          fields.map((f) => f.variationId),
          fields.map((f) => f.userKey),
          fields.map((f) => f.userName),
        ]);
        inserted += num(rows[0].count);
      }
      return { inserted };
    });
  }

  async countByEnv(envId: string, fromUs?: number, toUs?: number): Promise<number> {
    const params: unknown[] = [envId];
    let where = 'env_id = $1';
    if (fromUs !== undefined) {
      params.push(String(Math.trunc(fromUs)));
      where += ` AND timestamp >= $${params.length}::bigint`;
    }
    if (toUs !== undefined) {
      params.push(String(Math.trunc(toUs)));
      where += ` AND timestamp < $${params.length}::bigint`;
    }
    return num((await this.db.query(`SELECT count(*) AS count FROM events WHERE ${where}`, params))[0].count);
  }

  async listByEnv(envId: string, page: PageRequest): Promise<Page<InsightEvent>> {
    const { totalCount, items } = await EVENTS.page(
      this.db,
      'env_id = $1',
      [envId],
      'timestamp DESC, uuid',
      pageWindow(page),
    );
    // FeatBit's event shape, without the extracted columns.
    return {
      totalCount,
      items: items.map((e) => ({
        uuid: e.uuid,
        distinctId: e.distinctId,
        envId: e.envId,
        event: e.event,
        properties: e.properties,
        timestamp: e.timestamp,
      })),
    };
  }

  async flagInsights(query: FlagInsightsQuery): Promise<FlagInsightsResult> {
    const b = query.boundariesUs;
    if (b.length < 2) return { buckets: [], period: [] };
    const fromUs = Math.max(query.fromUs, b[0]);
    const toUs = Math.min(query.toUs, b[b.length - 1]);
    const plan = insightReadPlan(fromUs, toUs, b);
    if (!plan.raw.length && !plan.rollup.length) return { buckets: [], period: [] };
    const fromPairs = !(await this.hasEventFrom(query.envId, query.flagKey, toUs));
    // The per-bucket LATERAL's cost estimate (rows overestimated per bucket) switched JIT on, whose
    // compilation took ~300 ms of a read that runs in 30–330 ms at 10,000,000 events
    // (docs/performance.md, "Analytics reads on PostgreSQL at 10,000,000 events"). set_config(…, true)
    // is SET LOCAL: this transaction only.
    const rows = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('jit', 'off', true)`);
      return tx.query(insightsSql(fromPairs), [
        query.envId,
        query.flagKey,
        ...planParams(plan),
        bigints(b),
        ...(fromPairs ? [String(Math.trunc(fromUs))] : []),
      ]);
    });
    return insightsFromRows(rows);
  }

  async flagUsers(query: FlagUsersQuery): Promise<FlagUsersPage> {
    const plan = insightReadPlan(query.fromUs, query.toUs);
    if (!plan.raw.length && !plan.rollup.length) return { totalCount: 0, items: [] };
    const needle = query.query ? query.query.toLowerCase() : null;
    const page = [query.pageSize, query.pageIndex * query.pageSize];
    // Nothing at or after `toUs` (the console asks up to now): each pair's latest event is in the
    // range iff its last_us is, and that event names it.
    const rows = (await this.hasEventFrom(query.envId, query.flagKey, query.toUs))
      ? await this.db.query(USERS_EXACT_SQL, [
          query.envId,
          query.flagKey,
          ...planParams(plan),
          query.variationId ?? null,
          needle,
          ...page,
        ])
      : await this.db.query(USERS_FROM_PAIRS_SQL, [
          query.envId,
          query.flagKey,
          String(Math.trunc(query.fromUs)),
          query.variationId ?? null,
          needle,
          ...page,
        ]);
    return {
      totalCount: rows.length ? num(rows[0].total) : 0,
      items: rows
        .filter((r) => r.user_key != null)
        .map((r) => ({
          variationId: str(r.variation_id),
          keyId: str(r.user_key),
          name: strOrNull(r.user_name),
          lastEvaluatedAtUs: num(r.last_us),
        })),
    };
  }

  experimentSamples(query: ExperimentSamplesQuery): Promise<ExperimentSamples> {
    return this.windows.samples(query);
  }

  async purgeBefore(cutoffUs: number, limit: number): Promise<{ deleted: number }> {
    // Bounded both ways: at most `limit` events and `limit` rows of each derived table per call
    // (each derived row holds at least one event, so they are done no later than the events).
    // Hours only partly before the cutoff keep their rows; pairs go once their latest event does.
    const rows = await this.db.query(
      `WITH doomed AS (SELECT uuid FROM events WHERE timestamp < $1::bigint LIMIT $2),
       del AS (DELETE FROM events e USING doomed d WHERE e.uuid = d.uuid RETURNING 1),
       rolled AS (
         DELETE FROM ${ROLLUP} WHERE ctid IN (
           SELECT ctid FROM ${ROLLUP} WHERE hour_us <= $1::bigint - ${HOUR_US} LIMIT $2)),
       counted AS (
         DELETE FROM ${COUNTS} WHERE ctid IN (
           SELECT ctid FROM ${COUNTS} WHERE hour_us <= $1::bigint - ${HOUR_US} LIMIT $2)),
       paired AS (
         DELETE FROM ${PAIRS} WHERE ctid IN (SELECT ctid FROM ${PAIRS} WHERE last_us < $1::bigint LIMIT $2)),
       -- A window starting before the cutoff would keep what its raw events no longer hold.
       windows AS (DELETE FROM ${WINDOWS} WHERE from_us < $1::bigint)
       SELECT count(*) AS count FROM del`,
      [String(Math.trunc(cutoffUs)), limit],
    );
    return { deleted: num(rows[0].count) };
  }

  private async hasEventFrom(envId: string, flagKey: string, us: number): Promise<boolean> {
    const [row] = await this.db.query(LATER_EVENT_SQL, [envId, flagKey, String(Math.trunc(us))]);
    return row.later === true || row.later === 't';
  }
}

/** The rows of insightsSql (kinds in its comment) as the port's result. */
function insightsFromRows(rows: readonly Row[]): FlagInsightsResult {
  const buckets = new Map<number, Map<string | null, InsightCount>>();
  const period = new Map<string | null, InsightCount>();
  const entry = (map: Map<string | null, InsightCount>, variationId: string | null): InsightCount => {
    let count = map.get(variationId);
    if (!count) map.set(variationId, (count = { variationId, evaluations: 0, users: 0 }));
    return count;
  };
  const bucketOf = (bucket: number) => {
    let map = buckets.get(bucket);
    if (!map) buckets.set(bucket, (map = new Map<string | null, InsightCount>()));
    return map;
  };
  const users: Row[] = [];
  for (const row of rows) {
    const kind = num(row.kind);
    if (kind !== 0) {
      users.push(row);
      continue;
    }
    // Evaluations: per bucket × variation; the totals are sums of these.
    const n = num(row.evaluations);
    const variationId = str(row.variation_id);
    const counts = bucketOf(num(row.bucket));
    entry(counts, variationId).evaluations += n;
    entry(counts, null).evaluations += n;
    entry(period, variationId).evaluations += n;
    entry(period, null).evaluations += n;
  }
  for (const row of users) {
    const kind = num(row.kind);
    const variationId = kind === 1 || kind === 3 ? str(row.variation_id) : null;
    const map = kind <= 2 ? buckets.get(num(row.bucket)) : period;
    const count = map?.get(variationId);
    if (count) count.users = num(row.users);
  }
  return {
    buckets: [...buckets]
      .sort(([x], [y]) => x - y)
      .map(([bucket, counts]) => ({ bucket, counts: [...counts.values()] })),
    period: [...period.values()],
  };
}
