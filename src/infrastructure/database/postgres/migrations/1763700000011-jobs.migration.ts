import type { MigrationInterface, QueryRunner } from 'typeorm';

// The durable job queue (docs/architecture.md#durable-jobs): scheduled flag changes and webhook
// deliveries. The partial index serves the claim, which only looks at pending jobs.
export class Jobs1763700000011 implements MigrationInterface {
  name = 'Jobs1763700000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE jobs (
        id text COLLATE "C" PRIMARY KEY,
        kind text COLLATE "C" NOT NULL,
        payload jsonb NOT NULL,
        run_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        status text NOT NULL,
        locked_by text COLLATE "C",
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX ix_jobs_due ON jobs (kind, run_at) WHERE status = 'pending';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE jobs');
  }
}
