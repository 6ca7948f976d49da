import type { MigrationInterface, QueryRunner } from 'typeorm';

// Experiment samples (AnalyticsQuery.experimentSamples, issue 18): two more fields extracted at
// insert (PostgresInsightEventRepository's INSERT_SQL), so the read never parses properties JSON:
// whether a flag evaluation was sent to experiments (tag_2 is the string "true"), and a metric
// event's numeric value (tag_1 by the rule of src/core/analytics/metric-value.ts; pattern copied
// here as it was, migrations never change). Each side then reads one partial index in time order.
export class ExperimentSamples1763700000007 implements MigrationInterface {
  name = 'ExperimentSamples1763700000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE events ADD COLUMN sent_to_experiment boolean, ADD COLUMN metric_value double precision;

      UPDATE events SET
        sent_to_experiment = CASE WHEN event = 'FlagValue' THEN coalesce(properties -> 'tag_2' = '"true"'::jsonb, false) END,
        metric_value = CASE WHEN event <> 'FlagValue' THEN
                         CASE WHEN jsonb_typeof(properties -> 'tag_1') = 'string'
                                AND properties ->> 'tag_1' ~ '^-?[0-9]{1,20}([.][0-9]{1,20})?([eE][-+]?[0-9]{1,2})?$'
                              THEN (properties ->> 'tag_1')::float8 ELSE 0 END END
      WHERE jsonb_typeof(properties) = 'object';

      -- Exposures: a flag's experiment evaluations only; INCLUDE for index-only reads.
      CREATE INDEX ix_events_env_flag_experiment ON events (env_id, flag_key, timestamp)
        INCLUDE (user_key, variation_id) WHERE sent_to_experiment;
      -- Metric events: equality on (env, event name, type), a time range; never flag evaluations.
      CREATE INDEX ix_events_env_metric_timestamp ON events (env_id, distinct_id, event, timestamp)
        INCLUDE (user_key, metric_value) WHERE flag_key IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX ix_events_env_metric_timestamp;
      DROP INDEX ix_events_env_flag_experiment;
      ALTER TABLE events DROP COLUMN metric_value, DROP COLUMN sent_to_experiment`);
  }
}
