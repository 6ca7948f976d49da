import type { MigrationInterface, QueryRunner } from 'typeorm';

// First and last SDK evaluation per flag (core/insights/flag-usage.ts): read by the console's
// get-started check and, later, stale-flag detection. Keyed by flag key, not id, because insight
// events name flags by key.
export class FlagUsage1763700000004 implements MigrationInterface {
  name = 'FlagUsage1763700000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE flag_usage (
        env_id text COLLATE "C" NOT NULL,
        flag_key text COLLATE "C" NOT NULL,
        first_evaluated_at timestamptz NOT NULL,
        last_evaluated_at timestamptz NOT NULL,
        PRIMARY KEY (env_id, flag_key)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE flag_usage');
  }
}
