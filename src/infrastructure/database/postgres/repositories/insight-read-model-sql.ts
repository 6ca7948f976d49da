// The SQL of PostgresInsightEventRepository's analytics read model (migration 1763700000005): the
// insert that maintains the rollup, hourly counters and (flag, variation, user) pairs, and the
// reads over them. Kept apart from the repository so each stays short.
import { FLAG_VALUE_EVENT } from '../../../../core/analytics/insight-fields';
import { METRIC_VALUE_PATTERN } from '../../../../core/analytics/metric-value';
import { INSIGHT_FLAG_USER_ENTITY } from '../../shared/entities/insight-flag-user.entity';
import { INSIGHT_HOURLY_COUNT_ENTITY } from '../../shared/entities/insight-hourly-count.entity';
import { INSIGHT_HOURLY_ROLLUP_ENTITY } from '../../shared/entities/insight-hourly-rollup.entity';
import { PgTable } from '../postgres-table';
import { WINDOW_FOLD_CTES, WINDOW_FOLD_RETURNING } from './experiment-window-sql';
import { HOUR_US } from './insight-read-plan';

export const ROLLUP = PgTable.of(INSIGHT_HOURLY_ROLLUP_ENTITY).table;
export const COUNTS = PgTable.of(INSIGHT_HOURLY_COUNT_ENTITY).table;
export const PAIRS = PgTable.of(INSIGHT_FLAG_USER_ENTITY).table;

// JavaScript's toLowerCase (the reference) folds all of Unicode; lower() under "C" folds ASCII only.
// ICU's root locale is in both PostgreSQL (--with-icu builds, Debian's included) and PGlite.
const lowerUnicode = (column: string) => `lower(${column} COLLATE "und-x-icu")`;

// The latest event wins; equal times: the greater name (nulls as '').
const NEWER_NAME = (x: string, y: string) => `
  ${x}.last_us > ${y}.last_us
  OR (${x}.last_us = ${y}.last_us
      AND coalesce(${x}.user_name, '') COLLATE "C" > coalesce(${y}.user_name, '') COLLATE "C")`;

// The experiment fields of migration 1763700000007 from the parsed properties `e.p`: a flag
// evaluation's sendToExperiment (tag_2 is the string "true"), a metric event's numeric value
// (src/core/analytics/metric-value.ts; the pattern has no quote to escape).
const EXPERIMENT_FIELDS = `
  CASE WHEN e.event = '${FLAG_VALUE_EVENT}' AND jsonb_typeof(e.p) = 'object'
       THEN coalesce(e.p -> 'tag_2' = '"true"'::jsonb, false) END,
  CASE WHEN e.event <> '${FLAG_VALUE_EVENT}' AND jsonb_typeof(e.p) = 'object'
       THEN CASE WHEN jsonb_typeof(e.p -> 'tag_1') = 'string' AND e.p ->> 'tag_1' ~ '${METRIC_VALUE_PATTERN}'
                 THEN (e.p ->> 'tag_1')::float8 ELSE 0 END END`;

// Events and the derived tables in ONE statement, all from the rows this statement inserted
// (RETURNING of ON CONFLICT DO NOTHING), so a re-delivered batch adds nothing. The batch is reduced
// once to (hour, variation, user) and the counters and pairs are reduced from that. Upserts go in
// key order so concurrent writers lock rows in the same order.
export const INSERT_SQL = `
  WITH ins AS (
    INSERT INTO events (uuid, distinct_id, env_id, event, properties, timestamp, flag_key, variation_id, user_key, user_name,
                        sent_to_experiment, metric_value)
    SELECT e.uuid, e.distinct_id, e.env_id, e.event, e.p, e.ts, e.flag_key, e.variation_id, e.user_key, e.user_name,
           ${EXPERIMENT_FIELDS}
    FROM (
      -- OFFSET 0 keeps the subquery apart, so each event's JSON is parsed once, not once per use.
      SELECT u.*, u.properties::jsonb AS p
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[],
                  $7::text[], $8::text[], $9::text[], $10::text[])
        AS u(uuid, distinct_id, env_id, event, properties, ts, flag_key, variation_id, user_key, user_name)
      OFFSET 0) e
    ON CONFLICT (uuid) DO NOTHING
    RETURNING env_id, flag_key, variation_id, user_key, user_name, timestamp, ${WINDOW_FOLD_RETURNING}),
  hu AS MATERIALIZED (
    SELECT env_id, flag_key, timestamp - ((timestamp % ${HOUR_US}) + ${HOUR_US}) % ${HOUR_US} AS hour_us,
           variation_id, user_key, count(*) AS n, min(timestamp) AS first_us, max(timestamp) AS last_us,
           (array_agg(user_name ORDER BY timestamp DESC, coalesce(user_name, '') COLLATE "C" DESC))[1] AS user_name
    FROM ins
    WHERE flag_key IS NOT NULL AND variation_id IS NOT NULL AND user_key IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5),
  rolled AS (
    INSERT INTO ${ROLLUP} AS r (env_id, flag_key, hour_us, variation_id, user_key, evaluations, last_us, user_name)
    SELECT env_id, flag_key, hour_us, variation_id, user_key, n, last_us, user_name
    FROM hu ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (env_id, flag_key, hour_us, variation_id, user_key) DO UPDATE SET
      evaluations = r.evaluations + EXCLUDED.evaluations,
      last_us = GREATEST(r.last_us, EXCLUDED.last_us),
      user_name = CASE WHEN ${NEWER_NAME('EXCLUDED', 'r')} THEN EXCLUDED.user_name ELSE r.user_name END
    RETURNING 1),
  counted AS (
    INSERT INTO ${COUNTS} AS c (env_id, flag_key, hour_us, variation_id, evaluations)
    SELECT env_id, flag_key, hour_us, variation_id, sum(n) FROM hu GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (env_id, flag_key, hour_us, variation_id) DO UPDATE SET
      evaluations = c.evaluations + EXCLUDED.evaluations
    RETURNING 1),
  paired AS (
    INSERT INTO ${PAIRS} AS p (env_id, flag_key, variation_id, user_key, first_us, last_us, user_name)
    SELECT env_id, flag_key, variation_id, user_key, min(first_us), max(last_us),
           (array_agg(user_name ORDER BY last_us DESC))[1]
    FROM hu GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (env_id, flag_key, variation_id, user_key) DO UPDATE SET
      first_us = LEAST(p.first_us, EXCLUDED.first_us),
      last_us = GREATEST(p.last_us, EXCLUDED.last_us),
      user_name = CASE WHEN ${NEWER_NAME('EXCLUDED', 'p')} THEN EXCLUDED.user_name ELSE p.user_name END
    RETURNING 1),${WINDOW_FOLD_CTES}
  SELECT count(*) AS count FROM ins`;

/** Whether the flag has an event at or after $3: then the pair table may hold later names and times. */
export const LATER_EVENT_SQL = `
  SELECT EXISTS (SELECT 1 FROM events WHERE env_id = $1 AND flag_key = $2 AND timestamp >= $3::bigint) AS later`;

// Rollup ranges $3/$4, raw ranges $5/$6 (insight-read-plan.ts), boundaries $7.
const RAW = `
  SELECT width_bucket(e.timestamp, $7::bigint[]) - 1 AS bucket, e.variation_id, e.user_key
  FROM unnest($5::bigint[], $6::bigint[]) AS g(lo, hi)
  JOIN events e ON e.env_id = $1 AND e.flag_key = $2 AND e.timestamp >= g.lo AND e.timestamp < g.hi
  WHERE e.flag_key IS NOT NULL AND e.variation_id IS NOT NULL AND e.user_key IS NOT NULL`;
const HOURS = (table: string, columns: string) => `
  SELECT width_bucket(r.hour_us, $7::bigint[]) - 1 AS bucket, ${columns}
  FROM unnest($3::bigint[], $4::bigint[]) AS g(lo, hi)
  JOIN ${table} r ON r.env_id = $1 AND r.flag_key = $2 AND r.hour_us >= g.lo AND r.hour_us < g.hi`;

// Period users from the pairs whose latest event is at or after $8 (valid when none is at or after
// the range's end: LATER_EVENT_SQL).
const PERIOD_FROM_PAIRS = `
  SELECT 3 AS kind, NULL::int, variation_id, NULL::numeric, count(*) FROM ${PAIRS}
  WHERE env_id = $1 AND flag_key = $2 AND last_us >= $8::bigint GROUP BY variation_id
  UNION ALL
  SELECT 4, NULL, NULL, NULL, count(*) FROM (
    SELECT user_key FROM ${PAIRS} WHERE env_id = $1 AND flag_key = $2 AND last_us >= $8::bigint GROUP BY 1) pu`;
const PERIOD_FROM_HOURS = `
  SELECT 3 AS kind, NULL::int, variation_id, NULL::numeric, count(*) FROM pv GROUP BY variation_id
  UNION ALL
  SELECT 4, NULL, NULL, NULL, count(*) FROM (SELECT user_key FROM pv GROUP BY 1) pu`;
const PV = `, pv AS MATERIALIZED (
    SELECT variation_id, user_key
    FROM (${HOURS(ROLLUP, 'r.variation_id, r.user_key')} UNION ALL SELECT * FROM raw) s
    GROUP BY 1, 2)`;

/**
 * Flag insights as rows (kind, bucket, variation_id, evaluations, users): 0 evaluations per bucket ×
 * variation (hourly counters + raw), then distinct users: 1 bucket × variation, 2 bucket, 3 period ×
 * variation, 4 period. Users stay exact and are reduced one bucket at a time (LATERAL), so each hash
 * table holds one bucket's (variation, user) pairs and stays in work_mem instead of spilling.
 */
export const insightsSql = (periodFromPairs: boolean): string => `
  WITH raw AS MATERIALIZED (${RAW})
  ${periodFromPairs ? '' : PV}
  SELECT 0 AS kind, bucket, variation_id, sum(n) AS evaluations, NULL::bigint AS users
  FROM (${HOURS(COUNTS, 'r.variation_id, r.evaluations AS n')}
        UNION ALL SELECT bucket, variation_id, count(*) FROM raw GROUP BY 1, 2) ev
  GROUP BY 1, 2, 3
  UNION ALL
  SELECT CASE WHEN x.variation_id IS NULL THEN 2 ELSE 1 END, k.i - 1, x.variation_id, NULL, x.users
  FROM generate_series(1, cardinality($7::bigint[]) - 1) AS k(i)
  CROSS JOIN LATERAL (
    WITH d AS MATERIALIZED (
      SELECT variation_id, user_key FROM (
        SELECT r.variation_id, r.user_key
        FROM unnest($3::bigint[], $4::bigint[]) AS g(lo, hi)
        JOIN ${ROLLUP} r ON r.env_id = $1 AND r.flag_key = $2
          AND r.hour_us >= greatest(g.lo, ($7::bigint[])[k.i]) AND r.hour_us < least(g.hi, ($7::bigint[])[k.i + 1])
        UNION ALL
        SELECT variation_id, user_key FROM raw WHERE raw.bucket = k.i - 1) s
      GROUP BY 1, 2)
    SELECT variation_id, count(*) AS users FROM d GROUP BY 1
    UNION ALL
    SELECT NULL, count(*) FROM (SELECT user_key FROM d GROUP BY 1) du HAVING count(*) > 0) x
  UNION ALL ${periodFromPairs ? PERIOD_FROM_PAIRS : PERIOD_FROM_HOURS}`;

/** The text filter on a pair row (user_key, user_name); $n: the lower-case needle or NULL. */
const MATCHES = (n: number) =>
  `($${n}::text IS NULL OR strpos(${lowerUnicode('user_key')}, $${n}) > 0
    OR strpos(${lowerUnicode('user_name')}, $${n}) > 0)`;

/**
 * Who-saw-what from the pair table, when no event of the flag is at or after the range's end:
 * $3 fromUs, $4 variation or NULL, $5 needle or NULL, $6 limit, $7 offset. The page and the count
 * are separate scans of ix_insight_flag_users_latest (a shared CTE would be materialized whole).
 */
export const USERS_FROM_PAIRS_SQL = (() => {
  const where = `env_id = $1 AND flag_key = $2 AND last_us >= $3::bigint
    AND ($4::text IS NULL OR variation_id = $4) AND ${MATCHES(5)}`;
  return `
  SELECT t.total, p.variation_id, p.user_key, p.user_name, p.last_us
  FROM (SELECT count(*) AS total FROM ${PAIRS} WHERE ${where}) t
  LEFT JOIN LATERAL (
    SELECT variation_id, user_key, user_name, last_us FROM ${PAIRS} WHERE ${where}
    ORDER BY last_us DESC, variation_id, user_key
    LIMIT $6 OFFSET $7) p ON true`;
})();

// One row per (variation, user) from rollup hours and raw events: the latest event names it (equal
// times: the greater name), the text filter applies to that row, and the page comes with the total
// in the same statement. $7 variation or NULL, $8 lower-case needle or NULL, $9 limit, $10 offset.
export const USERS_EXACT_SQL = `
  WITH src AS (
    SELECT r.variation_id, r.user_key, r.last_us, r.user_name
    FROM unnest($3::bigint[], $4::bigint[]) AS g(lo, hi)
    JOIN ${ROLLUP} r ON r.env_id = $1 AND r.flag_key = $2 AND r.hour_us >= g.lo AND r.hour_us < g.hi
    WHERE ($7::text IS NULL OR r.variation_id = $7)
    UNION ALL
    SELECT e.variation_id, e.user_key, e.timestamp, e.user_name
    FROM unnest($5::bigint[], $6::bigint[]) AS g(lo, hi)
    JOIN events e ON e.env_id = $1 AND e.flag_key = $2 AND e.timestamp >= g.lo AND e.timestamp < g.hi
    WHERE e.flag_key IS NOT NULL AND e.variation_id IS NOT NULL AND e.user_key IS NOT NULL
      AND ($7::text IS NULL OR e.variation_id = $7)),
  pairs AS (
    SELECT DISTINCT ON (variation_id, user_key) variation_id, user_key, last_us, user_name
    FROM src
    ORDER BY variation_id, user_key, last_us DESC, coalesce(user_name, '') COLLATE "C" DESC),
  matched AS MATERIALIZED (SELECT * FROM pairs WHERE ${MATCHES(8)})
  SELECT t.total, p.variation_id, p.user_key, p.user_name, p.last_us
  FROM (SELECT count(*) AS total FROM matched) t
  LEFT JOIN LATERAL (
    SELECT * FROM matched
    ORDER BY last_us DESC, variation_id COLLATE "C", user_key COLLATE "C"
    LIMIT $9 OFFSET $10) p ON true`;
