// The SQL of PostgresInsightEventRepository.experimentSamples (the semantics are the port's:
// src/core/ports/analytics-query.port.ts). One pass per side over the fields and partial indexes of
// migration 1763700000007 (no properties JSON is read), no correlated subquery: the flag's
// experiment exposures reduced to each user's first one; the metric's events hash-joined to those
// users and summed per user. Re-delivered events were never stored twice (ON CONFLICT on uuid).

/**
 * $1 env, $2 flag key, $3 metric event type, $4 metric event name, $5 from, $6 to (µs). Rows:
 * variation_id, users, converted, sum, sum_squares. Both sides are MATERIALIZED: each is read once.
 */
export const EXPERIMENT_SAMPLES_SQL = `
  WITH firsts AS MATERIALIZED (
    SELECT DISTINCT ON (user_key) user_key, variation_id, timestamp AS first_us
    FROM events
    WHERE env_id = $1 AND flag_key = $2 AND timestamp >= $5::bigint AND timestamp < $6::bigint
      AND variation_id IS NOT NULL AND user_key IS NOT NULL
      AND sent_to_experiment
    ORDER BY user_key, timestamp, variation_id),
  metrics AS MATERIALIZED (
    SELECT user_key, timestamp, coalesce(metric_value, 0) AS value
    FROM events
    WHERE env_id = $1 AND distinct_id = $4 AND event = $3 AND flag_key IS NULL
      AND timestamp >= $5::bigint AND timestamp < $6::bigint AND user_key IS NOT NULL),
  converted AS (
    SELECT m.user_key, sum(m.value) AS value
    FROM metrics m JOIN firsts f ON f.user_key = m.user_key AND m.timestamp >= f.first_us
    GROUP BY m.user_key)
  SELECT f.variation_id, count(*) AS users, count(c.user_key) AS converted,
         coalesce(sum(c.value), 0) AS sum, coalesce(sum(c.value * c.value), 0) AS sum_squares
  FROM firsts f LEFT JOIN converted c ON c.user_key = f.user_key
  GROUP BY f.variation_id`;
