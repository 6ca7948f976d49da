import type { MigrationInterface, QueryRunner } from 'typeorm';

// One experiment that is not archived per (flag, metric), enforced by the database instead of a
// read-then-insert in the service, which two concurrent creates could both pass
// (docs/experiments.md#one-experiment-per-flag-and-metric). Duplicates such a race left behind are
// archived first, the oldest kept, so the index can be built.
export class ExperimentSlot1763700000015 implements MigrationInterface {
  name = 'ExperimentSlot1763700000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE experiments SET is_archived = true, status = 'Paused', updated_at = now()
      WHERE id IN (
        SELECT id FROM (
          SELECT id, row_number() OVER (
            PARTITION BY feature_flag_id, metric_id ORDER BY created_at, id) AS n
          FROM experiments WHERE NOT is_archived
        ) ranked WHERE n > 1
      );
      CREATE UNIQUE INDEX uq_experiments_active_slot ON experiments (feature_flag_id, metric_id)
        WHERE NOT is_archived;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_experiments_active_slot;`);
  }
}
