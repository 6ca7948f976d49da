import { type Extension, PGlite } from '@electric-sql/pglite';
import type { QueryRunner } from 'typeorm';

// PGlite loads parts of itself with dynamic import(), which Jest's VM only allows with
// --experimental-vm-modules. Without it the store never becomes ready; fail at once and say why.
export function assertPgliteCanLoad(): void {
  const flag = '--experimental-vm-modules';
  if (!(process.env.NODE_OPTIONS ?? '').includes(flag) && !process.execArgv.includes(flag)) {
    throw new Error(`PGlite tests need NODE_OPTIONS=${flag} under Jest (dynamic import() inside PGlite)`);
  }
}

/**
 * An in-memory PGlite with the extensions the migrations need, and a stand-in for TypeORM's
 * QueryRunner that runs a migration's SQL on it (`new Migration().up(runner)`).
 */
export function openMigrationPglite(): { db: PGlite; runner: QueryRunner } {
  assertPgliteCanLoad();
  /* eslint-disable @typescript-eslint/no-require-imports -- PGlite's contrib modules, loaded as the store loads them */
  const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
  const { uuid_ossp } = require('@electric-sql/pglite/contrib/uuid_ossp') as { uuid_ossp: Extension };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const db = new PGlite({ extensions: { uuid_ossp, pg_trgm } });
  const runner = { query: (sql: string) => db.exec(sql) } as unknown as QueryRunner;
  return { db, runner };
}
