import type { MigrationInterface, QueryRunner } from 'typeorm';

// The read model of analytics (issue 17): the fields core/analytics/insight-fields.ts extracts,
// stored beside each event, and three tables kept by the insert statement itself
// (PostgresInsightEventRepository): hourly per-flag, per-variation, per-user rollups (exact
// distinct users in any bucket), hourly per-variation counters (evaluations without reading one row
// per user) and one row per (flag, variation, user) pair (who-saw-what and period users when the
// range reaches the latest event). Existing rows are backfilled here with the same rules in SQL:
// a flag key only for FlagValue events whose properties are a JSON object.
export class AnalyticsReadModel1763700000005 implements MigrationInterface {
  name = 'AnalyticsReadModel1763700000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE events
        ADD COLUMN flag_key text COLLATE "C",
        ADD COLUMN variation_id text COLLATE "C",
        ADD COLUMN user_key text COLLATE "C",
        ADD COLUMN user_name text COLLATE "C";

      UPDATE events SET
        flag_key = CASE WHEN event = 'FlagValue' AND starts_with(distinct_id, env_id || '-')
                          AND length(distinct_id) > length(env_id) + 1
                        THEN substr(distinct_id, length(env_id) + 2) END,
        variation_id = CASE WHEN event = 'FlagValue' AND jsonb_typeof(properties -> 'tag_1') = 'string'
                            THEN properties ->> 'tag_1' END,
        user_key = CASE WHEN jsonb_typeof(properties -> 'tag_0') = 'string' THEN properties ->> 'tag_0' END,
        user_name = CASE WHEN jsonb_typeof(properties -> (CASE WHEN event = 'FlagValue' THEN 'tag_3' ELSE 'tag_2' END)) = 'string'
                         THEN properties ->> (CASE WHEN event = 'FlagValue' THEN 'tag_3' ELSE 'tag_2' END) END
      WHERE jsonb_typeof(properties) = 'object';

      -- Per-flag reads: equality on (env, flag), a time range; INCLUDE lets the insights scan of
      -- partial hours be index-only. Partial: metric events never serve these reads.
      CREATE INDEX ix_events_env_flag_timestamp ON events (env_id, flag_key, timestamp)
        INCLUDE (variation_id, user_key) WHERE flag_key IS NOT NULL;
      -- The retention purge scans by time alone; BRIN costs almost nothing at insert.
      CREATE INDEX ix_events_timestamp_brin ON events USING brin (timestamp);

      CREATE TABLE insight_hourly_rollups (
        env_id text COLLATE "C" NOT NULL,
        flag_key text COLLATE "C" NOT NULL,
        hour_us bigint NOT NULL,
        variation_id text COLLATE "C" NOT NULL,
        user_key text COLLATE "C" NOT NULL,
        evaluations bigint NOT NULL,
        last_us bigint NOT NULL,
        user_name text COLLATE "C",
        PRIMARY KEY (env_id, flag_key, hour_us, variation_id, user_key)
      );
      CREATE INDEX ix_insight_hourly_rollups_hour_brin ON insight_hourly_rollups USING brin (hour_us);

      INSERT INTO insight_hourly_rollups
        (env_id, flag_key, hour_us, variation_id, user_key, evaluations, last_us, user_name)
      SELECT env_id, flag_key, timestamp - ((timestamp % 3600000000) + 3600000000) % 3600000000,
             variation_id, user_key, count(*), max(timestamp),
             (array_agg(user_name ORDER BY timestamp DESC, coalesce(user_name, '') DESC))[1]
      FROM events
      WHERE flag_key IS NOT NULL AND variation_id IS NOT NULL AND user_key IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5;

      CREATE TABLE insight_hourly_counts (
        env_id text COLLATE "C" NOT NULL,
        flag_key text COLLATE "C" NOT NULL,
        hour_us bigint NOT NULL,
        variation_id text COLLATE "C" NOT NULL,
        evaluations bigint NOT NULL,
        PRIMARY KEY (env_id, flag_key, hour_us, variation_id)
      );
      INSERT INTO insight_hourly_counts (env_id, flag_key, hour_us, variation_id, evaluations)
      SELECT env_id, flag_key, hour_us, variation_id, sum(evaluations)
      FROM insight_hourly_rollups GROUP BY 1, 2, 3, 4;

      CREATE TABLE insight_flag_users (
        env_id text COLLATE "C" NOT NULL,
        flag_key text COLLATE "C" NOT NULL,
        variation_id text COLLATE "C" NOT NULL,
        user_key text COLLATE "C" NOT NULL,
        first_us bigint NOT NULL,
        last_us bigint NOT NULL,
        user_name text COLLATE "C",
        PRIMARY KEY (env_id, flag_key, variation_id, user_key)
      );
      -- Who-saw-what's order (latest first, ties by variation then key): its first page and its
      -- count are index-only range scans.
      CREATE INDEX ix_insight_flag_users_latest
        ON insight_flag_users (env_id, flag_key, last_us DESC, variation_id, user_key) INCLUDE (user_name);
      INSERT INTO insight_flag_users (env_id, flag_key, variation_id, user_key, first_us, last_us, user_name)
      SELECT env_id, flag_key, variation_id, user_key, min(timestamp), max(timestamp),
             (array_agg(user_name ORDER BY timestamp DESC, coalesce(user_name, '') DESC))[1]
      FROM events
      WHERE flag_key IS NOT NULL AND variation_id IS NOT NULL AND user_key IS NOT NULL
      GROUP BY 1, 2, 3, 4;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE insight_flag_users;
      DROP TABLE insight_hourly_counts;
      DROP TABLE insight_hourly_rollups;
      DROP INDEX ix_events_timestamp_brin;
      DROP INDEX ix_events_env_flag_timestamp;
      ALTER TABLE events DROP COLUMN flag_key, DROP COLUMN variation_id, DROP COLUMN user_key, DROP COLUMN user_name;
    `);
  }
}
