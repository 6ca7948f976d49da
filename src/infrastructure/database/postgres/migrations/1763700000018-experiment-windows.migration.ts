import type { MigrationInterface, QueryRunner } from 'typeorm';

// Experiment samples kept as events arrive (docs/experiments.md, "Samples kept as events arrive"):
// a window per (flag, metric, start) read at least once, and each of its users' first exposure and
// counted metric events, folded by the statement that inserts events. A user whose first exposure
// is new or moves earlier is recounted from their own metric events, so the metric index is now in
// user order; the window's first build reads the metric's events through it as well. Text columns
// take the collation of the events column they are compared with, so those comparisons use indexes.
export class ExperimentWindows1763700000018 implements MigrationInterface {
  name = 'ExperimentWindows1763700000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE experiment_windows (
        id text COLLATE "C" PRIMARY KEY,
        env_id text COLLATE "C" NOT NULL,
        flag_key text COLLATE "C" NOT NULL,
        metric_event text NOT NULL,
        metric_event_name text NOT NULL,
        from_us bigint NOT NULL,
        read_us bigint NOT NULL);
      CREATE UNIQUE INDEX uq_experiment_windows
        ON experiment_windows (env_id, flag_key, metric_event, metric_event_name, from_us);
      CREATE TABLE experiment_window_users (
        window_id text COLLATE "C" NOT NULL REFERENCES experiment_windows (id) ON DELETE CASCADE,
        user_key text COLLATE "C" NOT NULL,
        variation_id text COLLATE "C" NOT NULL,
        first_us bigint NOT NULL,
        events integer NOT NULL,
        value double precision NOT NULL,
        last_us bigint,
        PRIMARY KEY (window_id, user_key));
      CREATE INDEX ix_events_env_metric_user ON events (env_id, distinct_id, event, user_key, timestamp)
        INCLUDE (metric_value) WHERE flag_key IS NULL;
      DROP INDEX ix_events_env_metric_timestamp;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_events_env_metric_timestamp ON events (env_id, distinct_id, event, timestamp)
        INCLUDE (user_key, metric_value) WHERE flag_key IS NULL;
      DROP INDEX ix_events_env_metric_user;
      DROP TABLE experiment_window_users;
      DROP TABLE experiment_windows;
    `);
  }
}
