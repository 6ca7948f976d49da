import type { ExperimentSamplesQuery } from '../../../core/ports/analytics-query.port';
import { integer, quoteString } from './clickhouse-sql';

// Experiment samples (the port's semantics) as SQL that runs on 18.16 and on current engines (joined
// subqueries carry aliases, which current engines require), and
// the per-user snapshots of a window that spare a read the raw scan (clickhouse-experiment-windows.ts;
// docs/experiments.md, "Snapshots on ClickHouse").

export const WINDOWS_TABLE = 'experiment_windows';
export const WINDOW_USERS_TABLE = 'experiment_window_users';

/**
 * The registry of snapshots (one row per build, and one more each day a window is read) and the
 * snapshots' rows, one per exposed user, each build in a partition of its own so that a superseded
 * or purged one is dropped whole.
 */
export function experimentTablesDdl(db: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${db}.${WINDOWS_TABLE} (
      window String, generation String, watermark DateTime, built DateTime, users UInt64, read_day Date
    ) ENGINE = MergeTree() ORDER BY (window, built)`,
    `CREATE TABLE IF NOT EXISTS ${db}.${WINDOW_USERS_TABLE} (
      generation String, user_key String, variation String, first_at UInt64, n UInt64, value Float64,
      last_metric UInt64
    ) ENGINE = MergeTree() PARTITION BY generation ORDER BY user_key`,
  ];
}

export interface ExperimentRow {
  variation: string;
  users: number | string;
  converted: number | string;
  sum: number | string;
  sum_squares: number | string;
}

/** [fromUs, toUs) of event time; toUs null: no end (a snapshot of a window still open). */
interface Span {
  fromUs: number;
  toUs: number | null;
}

function sideWhere(q: ExperimentSamplesQuery, flagKey: string, span: Span): string {
  const where = [
    `env_id = ${quoteString(q.envId)}`,
    `flag_key = ${quoteString(flagKey)}`,
    `ts >= toDateTime(${integer(Math.floor(span.fromUs / 1e6))})`,
    `timestamp >= ${integer(span.fromUs)}`,
    'user_key IS NOT NULL',
  ];
  if (span.toUs !== null) {
    where.push(
      `ts <= toDateTime(${integer(Math.ceil(span.toUs / 1e6))})`,
      `timestamp < ${integer(span.toUs)}`,
    );
  }
  return where.join(' AND ');
}

/**
 * The flag's experiment exposures and the metric's events in the span, each with `extra` as
 * PREWHERE: a filter on the insert time then reads its one column for the whole range, and the
 * others only where new rows are (5 ms against 40 ms for a million rows on 18.16).
 */
function sides(table: string, q: ExperimentSamplesQuery, span: Span, extra: string): [string, string] {
  const prewhere = extra ? ` PREWHERE ${extra}` : '';
  return [
    `${sideWhere(q, q.flagKey, span)} AND variation_id IS NOT NULL AND experiment = 1`,
    `${sideWhere(q, '', span)} AND event = ${quoteString(q.metricEvent)} AND distinct_id = ${quoteString(q.metricEventName)}`,
  ].map((where) => `${table}${prewhere} WHERE ${where}`) as [string, string];
}

/**
 * One row per exposed user, in one scan per side and one GROUP BY user (18.16 joins on equality
 * only): the earliest (time, variation) of their exposures and the counted metric events, those at
 * or after it (n, their value's sum, the latest one's time, 0 when none). Whether an evaluation was
 * sent to the experiment and a metric event's value are columns filled at insert (`experiment`,
 * `metric_value` in clickhouse-sql.ts). Aliases differ from the columns: ClickHouse would read the
 * WHERE's columns as the aliases. `first` is used outside the lambdas too, else 18.16 prunes it.
 */
function perUserSql(table: string, q: ExperimentSamplesQuery, span: Span, extra = ''): string {
  return `SELECT u, tupleElement(first, 2) AS variation, tupleElement(first, 1) AS first_at,
      length(arrayFilter(t -> t >= tupleElement(first, 1), times)) AS n,
      arraySum(arrayFilter((v, t) -> t >= tupleElement(first, 1), vals, times)) AS value,
      arrayReduce('max', arrayFilter(t -> t >= tupleElement(first, 1), times)) AS last_metric
    FROM (${groupedSql(table, q, span, extra)} HAVING exposures > 0)`;
}

/** Per user: `first` (time, variation) of their exposures, how many, their metric events' times and values. */
function groupedSql(table: string, q: ExperimentSamplesQuery, span: Span, extra: string): string {
  const [exposures, metrics] = sides(table, q, span, extra);
  return `SELECT u, minIf((at, vid), k = 0) AS first, countIf(k = 0) AS exposures,
      groupArrayIf(at, k = 1) AS times, groupArrayIf(val, k = 1) AS vals
    FROM (
      SELECT toUInt8(0) AS k, assumeNotNull(user_key) AS u, timestamp AS at,
        assumeNotNull(variation_id) AS vid, toFloat64(0) AS val FROM ${exposures}
      UNION ALL
      SELECT toUInt8(1) AS k, assumeNotNull(user_key) AS u, timestamp AS at,
        toString('') AS vid, metric_value AS val FROM ${metrics})
    GROUP BY u`;
}

const SUMS = `count() AS users, countIf(n > 0) AS converted, sumIf(value, n > 0) AS s,
  sumIf(value * value, n > 0) AS sq`;
const OUTER = `SELECT variation, sum(users) AS users, sum(converted) AS converted, sum(s) AS sum,
  sum(sq) AS sum_squares`;

/** The samples from raw events alone: what every read cost before snapshots (and still the fallback). */
export function experimentSamplesSql(table: string, q: ExperimentSamplesQuery): string {
  const perUser = perUserSql(table, q, { fromUs: q.fromUs, toUs: q.toUs });
  return `${OUTER} FROM (SELECT variation, ${SUMS} FROM (${perUser}) GROUP BY variation) GROUP BY variation`;
}

/** A snapshot: `q`'s window over `span`, from the events inserted before the watermark. */
export function buildSnapshotSql(
  table: string,
  usersTable: string,
  q: ExperimentSamplesQuery,
  span: Span,
  generation: string,
  watermarkS: number,
): string {
  const perUser = perUserSql(table, q, span, `inserted < toDateTime(${integer(watermarkS)})`);
  return `INSERT INTO ${usersTable} (generation, user_key, variation, first_at, n, value, last_metric)
    SELECT ${quoteString(generation)}, u, variation, first_at, n, value, last_metric FROM (${perUser})`;
}

export interface Snapshot {
  generation: string;
  watermarkS: number;
}

function newSince(s: Snapshot): string {
  return `inserted >= toDateTime(${integer(s.watermarkS)})`;
}

/** Per user, the window's events inserted at or after the snapshot's watermark (as groupedSql). */
function deltaSql(table: string, q: ExperimentSamplesQuery, s: Snapshot): string {
  return groupedSql(table, q, { fromUs: q.fromUs, toUs: q.toUs }, newSince(s));
}

/** The users of those events (once per event). */
function deltaUsersSql(table: string, q: ExperimentSamplesQuery, s: Snapshot): string {
  const [exposures, metrics] = sides(table, q, { fromUs: q.fromUs, toUs: q.toUs }, newSince(s));
  return `SELECT user_key FROM ${exposures} UNION ALL SELECT user_key FROM ${metrics}`;
}

/** The snapshot's rows that stand for the read: first exposed before its end, no counted event at or after it. */
function validRows(usersTable: string, q: ExperimentSamplesQuery, s: Snapshot): string {
  return `${usersTable} WHERE generation = ${quoteString(s.generation)} AND first_at < ${integer(q.toUs)}
    AND last_metric < ${integer(q.toUs)}`;
}

/**
 * Users whose row cannot be folded, with the earliest time their recount must read from: those
 * with a new exposure and no valid row, or one before their row's first (in time, then variation,
 * as minIf orders them: the first exposure moved, and metric events between the two were never
 * counted), and snapshot users with a counted metric
 * event at or after the read's end. A new user's exposures are all new (an older one would have
 * given them a row), so their recount from their new first exposure is exact.
 */
function hardUsersSql(table: string, usersTable: string, q: ExperimentSamplesQuery, s: Snapshot): string {
  const to = integer(q.toUs);
  // Only new exposures can make a user hard: metric events are not read here.
  const [exposures] = sides(table, q, { fromUs: q.fromUs, toUs: q.toUs }, newSince(s));
  const firstNew = `SELECT assumeNotNull(user_key) AS u, min((timestamp, assumeNotNull(variation_id))) AS first
    FROM ${exposures} GROUP BY u`;
  return `SELECT u, tupleElement(first, 1) AS since FROM (${firstNew}) AS d
      ANY LEFT JOIN (SELECT user_key AS u, toUInt8(1) AS has, first_at, variation FROM ${validRows(usersTable, q, s)}
        AND user_key IN (SELECT u FROM (${firstNew}))) AS r USING u
    WHERE has = 0 OR first < (first_at, variation)
    UNION ALL
    SELECT user_key AS u, first_at AS since FROM ${usersTable}
    WHERE generation = ${quoteString(s.generation)} AND first_at < ${to} AND last_metric >= ${to}`;
}

export interface DeltaRow {
  /** Users with events inserted since the watermark. */
  delta: number | string;
  /** Snapshot users with a counted metric event at or after the read's end. */
  late: number | string;
}

export function deltaSizeSql(
  table: string,
  usersTable: string,
  q: ExperimentSamplesQuery,
  s: Snapshot,
): string {
  const late = `${usersTable} WHERE generation = ${quoteString(s.generation)} AND first_at < ${integer(q.toUs)}
    AND last_metric >= ${integer(q.toUs)}`;
  return `SELECT (SELECT uniqExact(user_key) FROM (${deltaUsersSql(table, q, s)})) AS delta,
    (SELECT count() FROM ${late}) AS late`;
}

export interface HardRow {
  u: string;
  since: number | string;
}

/** Up to `limit` users to recount, each with the time their recount reads from. */
export function hardUsersListSql(
  table: string,
  usersTable: string,
  q: ExperimentSamplesQuery,
  s: Snapshot,
  limit: number,
): string {
  return `SELECT u, min(since) AS since FROM (${hardUsersSql(table, usersTable, q, s)}) GROUP BY u
    LIMIT ${integer(limit)}`;
}

export function hardSizeSql(
  table: string,
  usersTable: string,
  q: ExperimentSamplesQuery,
  s: Snapshot,
): string {
  // A late user with new events is listed twice by hardUsersSql: counted once.
  return `SELECT uniqExact(u) AS hard, min(since) AS since FROM (${hardUsersSql(table, usersTable, q, s)})`;
}

/** The users to recount: listed (when the caller read them all), or as the subquery that finds them. */
export type HardUsers = { list: readonly string[]; sinceUs: number } | { list: null; sinceUs: number } | null;

/**
 * The samples from a snapshot (docs/experiments.md, "Snapshots on ClickHouse"): its valid rows of
 * users without new events; the valid rows of users with new events but no earlier new exposure,
 * with the new metric events at or after their first exposure added (a row counts only events
 * inserted before the watermark, so nothing is counted twice); and the hard users recounted from
 * raw events since `hard.since` (none when `hard` is null).
 */
export function snapshotSamplesSql(
  table: string,
  usersTable: string,
  q: ExperimentSamplesQuery,
  s: Snapshot,
  changes: { delta: boolean; hard: HardUsers },
): string {
  const rows = validRows(usersTable, q, s);
  const parts: string[] = [];
  if (!changes.delta) {
    parts.push(`SELECT variation, ${SUMS} FROM ${rows} GROUP BY variation`);
  } else {
    parts.push(
      `SELECT variation, ${SUMS} FROM ${rows}
        AND user_key NOT IN (${deltaUsersSql(table, q, s)}) GROUP BY variation`,
      // first_at is selected as well as captured: 18.16 prunes a column only a lambda uses.
      `SELECT variation, ${SUMS} FROM (
        SELECT variation, first_at,
          n0 + length(arrayFilter(t -> t >= first_at, times)) AS n,
          v0 + arraySum(arrayFilter((v, t) -> t >= first_at, vals, times)) AS value
        FROM (SELECT user_key AS u, variation, first_at, n AS n0, value AS v0 FROM ${rows}) AS r
          ANY INNER JOIN (${deltaSql(table, q, s)}) AS d USING u
        WHERE exposures = 0 OR first >= (first_at, variation))
      GROUP BY variation`,
    );
  }
  if (changes.hard !== null) {
    const users = changes.hard.list
      ? changes.hard.list.map(quoteString).join(', ')
      : `SELECT u FROM (${hardUsersSql(table, usersTable, q, s)})`;
    const hard = `user_key IN (${users})`;
    const span = { fromUs: Math.max(q.fromUs, changes.hard.sinceUs), toUs: q.toUs };
    parts.push(`SELECT variation, ${SUMS} FROM (${perUserSql(table, q, span, hard)}) GROUP BY variation`);
  }
  return `${OUTER} FROM (${parts.join(' UNION ALL ')}) GROUP BY variation`;
}
