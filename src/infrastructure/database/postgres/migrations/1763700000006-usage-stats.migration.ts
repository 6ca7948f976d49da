import type { MigrationInterface, QueryRunner } from 'typeorm';

// Workspace usage metering (core/analytics/usage.ts), FeatBit's usage_end_user_stats and
// usage_event_stats (infra/postgresql/docker-entrypoint-initdb.d/v5.3.2.sql) with text ids and
// bigint counters, plus usage_records: every applied record id, so a re-delivery adds nothing.
export class UsageStats1763700000006 implements MigrationInterface {
  name = 'UsageStats1763700000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE usage_records (
        id text COLLATE "C" PRIMARY KEY,
        env_id text COLLATE "C" NOT NULL,
        recorded_at date NOT NULL,
        flag_evaluations bigint NOT NULL,
        custom_metrics bigint NOT NULL
      );
      CREATE TABLE usage_event_stats (
        env_id text COLLATE "C" NOT NULL,
        stats_date date NOT NULL,
        flag_evaluations bigint NOT NULL,
        custom_metrics bigint NOT NULL,
        PRIMARY KEY (env_id, stats_date)
      );
      CREATE TABLE usage_end_user_stats (
        env_id text COLLATE "C" NOT NULL,
        year_month integer NOT NULL,
        user_key text COLLATE "C" NOT NULL,
        first_seen_at date NOT NULL,
        PRIMARY KEY (env_id, year_month, user_key)
      );
      CREATE INDEX ix_usage_end_user_stats_env_date ON usage_end_user_stats (env_id, first_seen_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE usage_end_user_stats; DROP TABLE usage_event_stats; DROP TABLE usage_records',
    );
  }
}
