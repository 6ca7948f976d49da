import type { MigrationInterface, QueryRunner } from 'typeorm';

// Experiment samples read each user's first exposure. In user order (then time, then variation id)
// the index hands them out one per user with no sort of the window's exposures, which was the
// largest cost of the read (docs/performance.md, "Experiments"). The window becomes a filter on the
// index's own columns: exposures are sent only while an experiment runs, so a flag's exposures are
// its iterations' windows, not its whole history. The index it replaces served only this read.
export class ExperimentExposuresByUser1763700000016 implements MigrationInterface {
  name = 'ExperimentExposuresByUser1763700000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_events_env_flag_experiment_user
        ON events (env_id, flag_key, user_key, timestamp, variation_id) WHERE sent_to_experiment;
      DROP INDEX ix_events_env_flag_experiment;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_events_env_flag_experiment ON events (env_id, flag_key, timestamp)
        INCLUDE (user_key, variation_id) WHERE sent_to_experiment;
      DROP INDEX ix_events_env_flag_experiment_user;
    `);
  }
}
