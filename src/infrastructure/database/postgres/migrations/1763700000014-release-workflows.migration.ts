import type { MigrationInterface, QueryRunner } from 'typeorm';

// Scheduled changes and change requests (docs/release-workflows.md): the revision a draft was
// proposed on, who asked for a schedule or a change request, and why a schedule failed.
export class ReleaseWorkflows1763700000014 implements MigrationInterface {
  name = 'ReleaseWorkflows1763700000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE flag_drafts ADD COLUMN base_revision text NOT NULL DEFAULT '';
      ALTER TABLE flag_change_requests
        ADD COLUMN creator_id text NOT NULL DEFAULT '',
        ADD COLUMN updator_id text NOT NULL DEFAULT '';
      ALTER TABLE flag_schedules
        ADD COLUMN error text,
        ADD COLUMN creator_id text NOT NULL DEFAULT '',
        ADD COLUMN updator_id text NOT NULL DEFAULT '';
      CREATE INDEX ix_flag_change_requests_env ON flag_change_requests (env_id, created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX ix_flag_change_requests_env;
      ALTER TABLE flag_schedules DROP COLUMN error, DROP COLUMN creator_id, DROP COLUMN updator_id;
      ALTER TABLE flag_change_requests DROP COLUMN creator_id, DROP COLUMN updator_id;
      ALTER TABLE flag_drafts DROP COLUMN base_revision;
    `);
  }
}
