import type { FlagInsightsQuery, FlagUsersQuery } from '../../../core/ports/analytics-query.port';
import { integer, quoteString } from './clickhouse-sql';

// The AnalyticsQuery reads (src/core/ports/analytics-query.port.ts) as SQL that runs on 18.16 and on
// current engines. Only a flag's evaluations that name a user and a variation count, as in the
// primary store's reads.

const EXPOSURE = 'variation_id IS NOT NULL AND user_key IS NOT NULL';

const SECOND_US = 1_000_000;

const flagKeys = (envId: string, flagKey: string): string =>
  `env_id = ${quoteString(envId)} AND flag_key = ${quoteString(flagKey)}`;

function flagRange(envId: string, flagKey: string, fromUs: number, toUs: number): string {
  // ts (a key column) narrows the read to the range's granules; timestamp gives the exact µs edges.
  const fromS = Math.floor(fromUs / SECOND_US);
  const toS = Math.ceil(toUs / SECOND_US);
  return [
    flagKeys(envId, flagKey),
    `ts >= toDateTime(${integer(fromS)})`,
    `ts <= toDateTime(${integer(toS)})`,
    `timestamp >= ${integer(fromUs)}`,
    `timestamp < ${integer(toUs)}`,
    EXPOSURE,
  ].join(' AND ');
}

/**
 * Up to this many boundaries, a bucket is the count of boundaries at or before the event (one
 * expression); beyond it, a binary search. A current engine plans each nested subquery of the
 * search in ~5 ms, so a 30-day-by-day read spent 50–200 ms planning on an empty table, against
 * ~10 ms for the count (docs/performance.md, "Analytics on ClickHouse, round three").
 */
const LINEAR_BUCKETS = 64;

/** The bucket of an event of the range outside [b[0], b[n-1]): counted in the period only. */
const OUTSIDE = -2;

/**
 * The bucket of `column` (in the boundaries' unit), given that it lies within [b[0], b[n-1]), or
 * null when only the binary search can say. Equal widths (every HOUR or MINUTE, DAY and WEEK without
 * a DST change in the range): one division. Otherwise up to LINEAR_BUCKETS boundaries: the count of
 * those ≤ the value, minus one (a lambda per row: 30 days by day took ~1.5× the division's time;
 * docs/performance.md).
 */
function bucketExpression(boundaries: readonly number[], column: string): string | null {
  const n = boundaries.length;
  const width = boundaries[1] - boundaries[0];
  if (width > 0 && boundaries.every((b, i) => b === boundaries[0] + i * width)) {
    return `toInt64(intDiv(${column} - ${integer(boundaries[0])}, ${integer(width)}))`;
  }
  if (n > LINEAR_BUCKETS) return null;
  return `toInt64(arrayCount(b -> b <= ${column}, [${boundaries.map(integer).join(',')}])) - 1`;
}

/**
 * Each event of `where` with its bucket (OUTSIDE when not within the boundaries). Beyond
 * LINEAR_BUCKETS unequal boundaries: a binary search, one nested subquery per step (ceil(log2(n)) of
 * them; a linear scan would compare every boundary for every row, and aliases referring to the
 * previous step would be expanded exponentially). `loK` is the 1-based index of the last boundary
 * ≤ timestamp.
 */
function bucketedSql(table: string, boundaries: readonly number[], where: string): string {
  const n = boundaries.length;
  if (n < 2)
    return `(SELECT variation_id, user_key, toInt64(${OUTSIDE}) AS slot FROM ${table} WHERE ${where})`;
  const inside = `timestamp >= ${integer(boundaries[0])} AND timestamp < ${integer(boundaries[n - 1])}`;
  const expression = bucketExpression(boundaries, 'timestamp');
  if (expression !== null) {
    return `(SELECT variation_id, user_key, if(${inside}, ${expression}, ${OUTSIDE}) AS slot
      FROM ${table} WHERE ${where})`;
  }
  const array = `[${boundaries.map(integer).join(',')}]`;
  let step = 1;
  while (step * 2 < n) step *= 2;
  let sql = `SELECT variation_id, user_key, timestamp, toUInt32(1) AS lo0 FROM ${table} WHERE ${where}`;
  let level = 0;
  for (; step >= 1; step = Math.floor(step / 2), level++) {
    const lo = `lo${level}`;
    sql =
      `SELECT variation_id, user_key, timestamp, ` +
      `${lo} + if(${lo} + ${step} <= ${n} AND ${array}[${lo} + ${step}] <= timestamp, ${step}, 0) AS lo${level + 1} ` +
      `FROM (${sql})`;
  }
  return `(SELECT variation_id, user_key, if(${inside}, toInt64(lo${level}) - 1, ${OUTSIDE}) AS slot
    FROM (${sql}))`;
}

/**
 * The insights read's events with their bucket. When the boundaries are whole seconds (always, from
 * insight-interval.ts) the whole seconds inside the range are read by `ts` alone, bucketed by `ts`
 * too, and only the range's partial first and last second by µs `timestamp`: the interior does not
 * read or compare the 8-byte column (~8 % of the read at 1,000,000 events; docs/performance.md).
 */
function insightEventsSql(table: string, q: FlagInsightsQuery): string {
  const b = q.boundariesUs;
  const fromS = Math.ceil(q.fromUs / SECOND_US);
  const toS = Math.floor(q.toUs / SECOND_US);
  const seconds = b.map((us) => us / SECOND_US);
  const bySecond =
    b.length >= 2 && fromS < toS && seconds.every(Number.isInteger)
      ? bucketExpression(seconds, 'toUInt32(ts)')
      : null;
  if (bySecond === null) return bucketedSql(table, b, flagRange(q.envId, q.flagKey, q.fromUs, q.toUs));
  const keys = flagKeys(q.envId, q.flagKey);
  const inside = `ts >= toDateTime(${integer(seconds[0])}) AND ts < toDateTime(${integer(seconds[seconds.length - 1])})`;
  const interior = `${keys} AND ts >= toDateTime(${integer(fromS)}) AND ts < toDateTime(${integer(toS)}) AND ${EXPOSURE}`;
  // The second holding fromUs (when fromUs is not a whole second) and the one holding toUs.
  const edges = `${keys}
    AND (ts = toDateTime(${integer(fromS - 1)}) OR ts = toDateTime(${integer(toS)}))
    AND timestamp >= ${integer(q.fromUs)} AND timestamp < ${integer(q.toUs)} AND ${EXPOSURE}`;
  return `(SELECT variation_id, user_key, if(${inside}, ${bySecond}, ${OUTSIDE}) AS slot
      FROM ${table} WHERE ${interior}
    UNION ALL
    ${bucketedSql(table, b, edges)})`;
}

export interface InsightRow {
  bucket: number;
  variation: string | null;
  evaluations: number | string;
  users: number | string;
}

/**
 * One scan, four groupings (18.16 has no GROUPING SETS): the events are reduced once to a count and
 * a set of users (uniqExactState) per bucket and variation, and those few rows are repeated for each
 * level and merged: per bucket and variation, per bucket, per variation over the period, the period.
 * Four scans of the flag's range cost 3× as much (docs/performance.md). bucket -1 marks period rows;
 * a NULL variation the totals (a user counts once however many variations they saw). The output
 * columns are not called like the inner ones: ClickHouse would resolve those to the aliases. Both
 * columns are non-NULL in every counted event (flagRange), and reading them so saves ~15 %.
 */
export function flagInsightsSql(table: string, q: FlagInsightsQuery): string {
  const source = insightEventsSql(table, q);
  return `SELECT if(level >= 2, toInt64(-1), slot) AS bucket,
      if(level % 2 = 1, CAST(NULL AS Nullable(String)), var) AS variation,
      sum(n) AS evaluations, uniqExactMerge(u) AS users
    FROM (SELECT slot, assumeNotNull(variation_id) AS var, count() AS n, uniqExactState(assumeNotNull(user_key)) AS u
          FROM ${source} GROUP BY slot, var)
    ARRAY JOIN [0, 1, 2, 3] AS level
    WHERE level >= 2 OR slot != ${OUTSIDE}
    GROUP BY bucket, variation`;
}

export interface UserRow {
  variation_id: string;
  key_id: string;
  name: string | null;
  last_us: number | string;
}

/** A flag's evaluations in [fromUs, q.toUs), of the query's variation when it names one. */
function pairsWhere(q: FlagUsersQuery, fromUs: number): string {
  const where = [flagRange(q.envId, q.flagKey, fromUs, q.toUs)];
  if (q.variationId !== undefined) where.push(`variation_id = ${quoteString(q.variationId)}`);
  return where.join(' AND ');
}

function pairsSql(table: string, q: FlagUsersQuery, fromUs: number): string {
  // The latest event names the pair; at equal times the greater name (NULL as ''), as every
  // provider does. max(tuple) picks both at once on every server version.
  // Aliases differ from the columns: ClickHouse would read the WHERE's columns as the aliases.
  const pairs = `SELECT assumeNotNull(variation_id) AS variation, assumeNotNull(user_key) AS key_id,
      max((timestamp, ifNull(user_name, ''), isNotNull(user_name))) AS latest
    FROM ${table} WHERE ${pairsWhere(q, fromUs)} GROUP BY variation, key_id`;
  const text = q.query
    ? ` WHERE positionCaseInsensitiveUTF8(key_id, ${quoteString(q.query)}) > 0
        OR positionCaseInsensitiveUTF8(tupleElement(latest, 2), ${quoteString(q.query)}) > 0`
    : '';
  return `SELECT variation, key_id, latest FROM (${pairs})${text}`;
}

/**
 * The page among the pairs evaluated in [sliceFromUs, q.toUs), sliceFromUs within the range: the
 * store narrows the slice to the range's most recent part when that holds the page (latestPairs).
 */
export function flagUsersPageSql(table: string, q: FlagUsersQuery, sliceFromUs = q.fromUs): string {
  const select = `SELECT variation AS variation_id, key_id,
      if(tupleElement(latest, 3), tupleElement(latest, 2), NULL) AS name,
      tupleElement(latest, 1) AS last_us
    FROM (${pairsSql(table, q, sliceFromUs)})
    ORDER BY last_us DESC, variation_id, key_id
    LIMIT ${integer(q.pageIndex * q.pageSize)}, ${integer(q.pageSize)}`;
  return select;
}

export function flagUsersCountSql(table: string, q: FlagUsersQuery): string {
  if (q.query) return `SELECT count() AS n FROM (${pairsSql(table, q, q.fromUs)})`;
  // No text filter: the pairs alone, without each one's latest name (a tuple max costs per row).
  return `SELECT count() AS n FROM (SELECT 1 FROM ${table} WHERE ${pairsWhere(q, q.fromUs)}
    GROUP BY variation_id, user_key)`;
}
