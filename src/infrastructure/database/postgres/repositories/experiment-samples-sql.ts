// The SQL of PostgresInsightEventRepository.experimentSamples (the semantics are the port's:
// src/core/ports/analytics-query.port.ts), over the fields and partial indexes of migrations
// 1763700000007 and 1763700000016 (no properties JSON is read). Each user's first exposure streams
// out of the exposures index, which is in user order; the metric's events in the window are
// hash-joined to those users and summed per user. Sorting a million exposures by user, or a million
// metric events for a merge join, cost more than the rest together (docs/performance.md,
// "Experiments"). Re-delivered events were never stored twice (ON CONFLICT on uuid).

/**
 * $1 env, $2 flag key, $3 metric event type, $4 metric event name, $5 from, $6 to (µs). Rows:
 * variation_id, users, converted, sum, sum_squares. `firsts` is MATERIALIZED: both joins read it.
 */
export const EXPERIMENT_SAMPLES_SQL = `
  WITH firsts AS MATERIALIZED (
    SELECT DISTINCT ON (user_key) user_key, variation_id, timestamp AS first_us
    FROM events
    WHERE env_id = $1 AND flag_key = $2 AND timestamp >= $5::bigint AND timestamp < $6::bigint
      AND variation_id IS NOT NULL AND user_key IS NOT NULL
      AND sent_to_experiment
    ORDER BY user_key, timestamp, variation_id),
  converted AS (
    SELECT m.user_key, sum(coalesce(m.metric_value, 0)) AS value
    FROM events m JOIN firsts f ON f.user_key = m.user_key AND m.timestamp >= f.first_us
    WHERE m.env_id = $1 AND m.distinct_id = $4 AND m.event = $3 AND m.flag_key IS NULL
      AND m.timestamp >= $5::bigint AND m.timestamp < $6::bigint AND m.user_key IS NOT NULL
    GROUP BY m.user_key)
  SELECT f.variation_id, count(*) AS users, count(c.user_key) AS converted,
         coalesce(sum(c.value), 0) AS sum, coalesce(sum(c.value * c.value), 0) AS sum_squares
  FROM firsts f LEFT JOIN converted c ON c.user_key = f.user_key
  GROUP BY f.variation_id`;
