// Experiment samples kept as events arrive (docs/experiments.md, "Samples kept as events arrive"),
// PostgreSQL and PGlite: the fold that the events insert runs for every window of the batch's
// environments, the first build of a window from raw events, and the read. Same semantics as
// the port's (src/core/ports/analytics-query.port.ts), which the analytics
// query contract checks, incremental cases included. Writers of an environment hold its advisory
// lock (PostgresInsightEventRepository), so a build and a fold never interleave.
import {
  EXPERIMENT_WINDOW_ENTITY,
  EXPERIMENT_WINDOW_USER_ENTITY,
} from '../../shared/entities/experiment-window.entity';
import { PgTable } from '../postgres-table';

export const WINDOWS = PgTable.of(EXPERIMENT_WINDOW_ENTITY).table;
export const WINDOW_USERS = PgTable.of(EXPERIMENT_WINDOW_USER_ENTITY).table;

/** One metric's stored events of user `who.user_key` at or after `who.first_us` (index-only). */
const USER_METRIC_EVENTS = (who: string) => `
  SELECT count(*) AS n, sum(coalesce(e.metric_value, 0)) AS v, max(e.timestamp) AS last_us
  FROM events e
  WHERE e.env_id = ${who}.env_id AND e.distinct_id = ${who}.metric_event_name AND e.event = ${who}.metric_event
    AND e.flag_key IS NULL AND e.user_key = ${who}.user_key AND e.timestamp >= ${who}.first_us`;

/**
 * CTEs appended to the events insert, over its `ins` (the rows it inserted: a re-delivered event
 * folds nothing). Per window of the batch's environments:
 * - a user whose earliest exposure in the batch is their first (no state yet) or earlier than the
 *   kept one (events arrive out of order) is "moved": their counted metric events are recounted,
 *   those already stored (the statement's snapshot, which excludes `ins`) plus the batch's own;
 * - any other user with a state gets the batch's metric events at or after their first exposure;
 * - a metric event of a user with no state waits in the events table for their first exposure.
 * The two writes touch disjoint rows (moved users are excluded from the fold).
 */
export const WINDOW_FOLD_CTES = `
  win AS MATERIALIZED (
    SELECT w.id, w.env_id, w.flag_key, w.metric_event, w.metric_event_name, w.from_us
    FROM ${WINDOWS} w WHERE w.env_id IN (SELECT DISTINCT env_id FROM ins)),
  exposed AS MATERIALIZED (
    SELECT DISTINCT ON (w.id, i.user_key) w.id AS window_id, i.user_key, i.variation_id, i.timestamp AS first_us,
           w.env_id, w.metric_event, w.metric_event_name
    FROM ins i JOIN win w ON w.env_id = i.env_id AND w.flag_key = i.flag_key AND i.timestamp >= w.from_us
    WHERE i.sent_to_experiment AND i.variation_id IS NOT NULL AND i.user_key IS NOT NULL
    ORDER BY w.id, i.user_key, i.timestamp, i.variation_id),
  moved AS MATERIALIZED (
    SELECT x.* FROM exposed x
    LEFT JOIN ${WINDOW_USERS} s ON s.window_id = x.window_id AND s.user_key = x.user_key
    WHERE s.user_key IS NULL OR (x.first_us, x.variation_id) < (s.first_us, s.variation_id)),
  batch_metric AS MATERIALIZED (
    SELECT w.id AS window_id, i.user_key, i.timestamp, coalesce(i.metric_value, 0) AS value
    FROM ins i JOIN win w ON w.env_id = i.env_id AND i.distinct_id = w.metric_event_name
      AND i.event = w.metric_event AND i.timestamp >= w.from_us
    WHERE i.flag_key IS NULL AND i.user_key IS NOT NULL),
  moved_batch AS (
    SELECT b.window_id, b.user_key, count(*) AS n, sum(b.value) AS v, max(b.timestamp) AS last_us
    FROM batch_metric b JOIN moved m ON m.window_id = b.window_id AND m.user_key = b.user_key
      AND b.timestamp >= m.first_us
    GROUP BY 1, 2),
  placed AS (
    INSERT INTO ${WINDOW_USERS} AS s (window_id, user_key, variation_id, first_us, events, value, last_us)
    SELECT m.window_id, m.user_key, m.variation_id, m.first_us, stored.n + coalesce(b.n, 0),
           coalesce(stored.v, 0) + coalesce(b.v, 0), GREATEST(stored.last_us, b.last_us)
    FROM moved m
    CROSS JOIN LATERAL (${USER_METRIC_EVENTS('m')}) stored
    LEFT JOIN moved_batch b ON b.window_id = m.window_id AND b.user_key = m.user_key
    ORDER BY 1, 2
    ON CONFLICT (window_id, user_key) DO UPDATE SET
      variation_id = EXCLUDED.variation_id, first_us = EXCLUDED.first_us, events = EXCLUDED.events,
      value = EXCLUDED.value, last_us = EXCLUDED.last_us
    RETURNING 1),
  kept_batch AS (
    SELECT b.window_id, b.user_key, count(*) AS n, sum(b.value) AS v, max(b.timestamp) AS last_us
    FROM batch_metric b JOIN ${WINDOW_USERS} s ON s.window_id = b.window_id AND s.user_key = b.user_key
      AND b.timestamp >= s.first_us
    WHERE NOT EXISTS (SELECT 1 FROM moved m WHERE m.window_id = b.window_id AND m.user_key = b.user_key)
    GROUP BY 1, 2 ORDER BY 1, 2),
  folded AS (
    UPDATE ${WINDOW_USERS} s SET events = s.events + k.n, value = s.value + k.v,
           last_us = GREATEST(s.last_us, k.last_us)
    FROM kept_batch k WHERE s.window_id = k.window_id AND s.user_key = k.user_key
    RETURNING 1)`;

/** The columns WINDOW_FOLD_CTES reads from `ins` beyond those of the rollups. */
export const WINDOW_FOLD_RETURNING = 'distinct_id, event, sent_to_experiment, metric_value';

/**
 * $1 window id, $2 env, $3 flag key, $4 metric event type, $5 metric event name, $6 from (µs): every
 * user's state from raw events, with no end (later reads bound it). Exposures stream out of their
 * index in user order; the metric's events are hash-joined to them.
 */
export const WINDOW_BUILD_SQL = `
  WITH firsts AS MATERIALIZED (
    SELECT DISTINCT ON (user_key) user_key, variation_id, timestamp AS first_us
    FROM events
    WHERE env_id = $2 AND flag_key = $3 AND timestamp >= $6::bigint
      AND variation_id IS NOT NULL AND user_key IS NOT NULL AND sent_to_experiment
    ORDER BY user_key, timestamp, variation_id),
  counted AS (
    SELECT m.user_key, count(*) AS n, sum(coalesce(m.metric_value, 0)) AS v, max(m.timestamp) AS last_us
    FROM events m JOIN firsts f ON f.user_key = m.user_key AND m.timestamp >= f.first_us
    WHERE m.env_id = $2 AND m.distinct_id = $5 AND m.event = $4 AND m.flag_key IS NULL
      AND m.timestamp >= $6::bigint AND m.user_key IS NOT NULL
    GROUP BY m.user_key)
  INSERT INTO ${WINDOW_USERS} (window_id, user_key, variation_id, first_us, events, value, last_us)
  SELECT $1, f.user_key, f.variation_id, f.first_us, coalesce(c.n, 0), coalesce(c.v, 0), c.last_us
  FROM firsts f LEFT JOIN counted c ON c.user_key = f.user_key`;

/**
 * $1 window id, $2 to (µs). A state holds everything from the window's start on; a read up to `to`
 * drops users first exposed at or after it. Users with a counted metric event at or after `to`
 * ("late") are counted in `users` and `late` only: WINDOW_LATE_SQL recounts them, when there are
 * any. Kept apart so this read has no subquery per row, whose cost estimate switched JIT on
 * (~1.3 s of compiling for a 70 ms scan; docs/performance.md, "Experiments on PostgreSQL, round three").
 * Rows: variation_id, users, converted, sum, sum_squares, late.
 */
export const WINDOW_READ_SQL = `
  SELECT variation_id, count(*) AS users,
         count(*) FILTER (WHERE events > 0 AND NOT late) AS converted,
         coalesce(sum(value) FILTER (WHERE events > 0 AND NOT late), 0) AS sum,
         coalesce(sum(value * value) FILTER (WHERE events > 0 AND NOT late), 0) AS sum_squares,
         count(*) FILTER (WHERE late) AS late
  FROM (SELECT variation_id, events, value, coalesce(last_us >= $2::bigint, false) AS late
        FROM ${WINDOW_USERS} WHERE window_id = $1 AND first_us < $2::bigint) s
  GROUP BY variation_id`;

/**
 * $1 window id, $2 to (µs), $3 env, $4 metric event type, $5 metric event name: the late users of
 * WINDOW_READ_SQL recounted from their own events up to `to`. Rows: variation_id, converted, sum,
 * sum_squares.
 */
export const WINDOW_LATE_SQL = `
  SELECT s.variation_id, count(*) FILTER (WHERE r.n > 0) AS converted,
         coalesce(sum(r.v) FILTER (WHERE r.n > 0), 0) AS sum,
         coalesce(sum(r.v * r.v) FILTER (WHERE r.n > 0), 0) AS sum_squares
  FROM ${WINDOW_USERS} s
  CROSS JOIN LATERAL (
    SELECT count(*) AS n, coalesce(sum(coalesce(e.metric_value, 0)), 0) AS v
    FROM events e
    WHERE e.env_id = $3 AND e.distinct_id = $5 AND e.event = $4 AND e.flag_key IS NULL
      AND e.user_key = s.user_key AND e.timestamp >= s.first_us AND e.timestamp < $2::bigint) r
  WHERE s.window_id = $1 AND s.first_us < $2::bigint AND s.last_us >= $2::bigint
  GROUP BY s.variation_id`;
