import type { MigrationInterface, QueryRunner } from 'typeorm';

// An experiment's analysis method (docs/experiments.md#statistics): existing experiments keep
// FeatBit's fixed-horizon test; and the guard of a guarded rollout (docs/experiments.md#guarded-rollouts).
export class ExperimentMethod1763700000008 implements MigrationInterface {
  name = 'ExperimentMethod1763700000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE experiments ADD COLUMN method text NOT NULL DEFAULT 'fixed', ADD COLUMN guard jsonb`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE experiments DROP COLUMN method, DROP COLUMN guard');
  }
}
