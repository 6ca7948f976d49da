import type { MigrationInterface, QueryRunner } from 'typeorm';

// Console sessions: every refresh token of one sign-in shares session_id, which the access tokens
// carry, so signing out or revoking ends them on the next request. Rows from before have none: their
// next rotation starts a session.
export class ConsoleSessions1763700000010 implements MigrationInterface {
  name = 'ConsoleSessions1763700000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE refresh_tokens ADD COLUMN session_id text COLLATE "C";
      CREATE INDEX ix_refresh_tokens_session ON refresh_tokens (session_id) WHERE NOT is_revoked;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX ix_refresh_tokens_session;
      ALTER TABLE refresh_tokens DROP COLUMN session_id;
    `);
  }
}
