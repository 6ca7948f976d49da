import type { MigrationInterface, QueryRunner } from 'typeorm';

// A compare-and-set update that raises when it matched nothing, so that it can be sent inside a
// transaction without waiting for its answer: the error aborts the transaction and surfaces at the
// COMMIT, which then rolls back (PgTable.updateBlind). The codes are mapped in postgres-errors.ts:
// FB409 another writer changed the record first, FB404 the record is gone.
export class ExpectUpdated1763700000017 implements MigrationInterface {
  name = 'ExpectUpdated1763700000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION featbit_expect_updated(updated bigint, existed boolean, entity text, id text)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF updated = 0 THEN
          RAISE EXCEPTION USING
            ERRCODE = CASE WHEN existed THEN 'FB409' ELSE 'FB404' END, MESSAGE = entity, DETAIL = id;
        END IF;
      END $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION featbit_expect_updated(bigint, boolean, text, text)');
  }
}
