import type { MigrationInterface, QueryRunner } from 'typeorm';

// A flag marked permanent (flag lifecycle, docs/api.md#flag-lifecycle): existing flags are not.
export class FlagPermanent1763700000012 implements MigrationInterface {
  name = 'FlagPermanent1763700000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE feature_flags ADD COLUMN is_permanent boolean NOT NULL DEFAULT false',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE feature_flags DROP COLUMN is_permanent');
  }
}
