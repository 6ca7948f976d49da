// Every entity definition (src/infrastructure/database/shared/entities) against the tables the
// migrations create: a field added to a definition without a migration, or a column added by a
// migration without the definition, fails here. The migrations run on an in-memory PGlite.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { POSTGRES_MIGRATIONS } from '../../../src/infrastructure/database/postgres/migrations/postgres-migrations';
import {
  type EntityDefinition,
  entityFields,
  tableName,
} from '../../../src/infrastructure/database/shared/entities/entity-definition';
import { openMigrationPglite } from '../../contracts/database/pglite-under-jest';

const ENTITIES_DIR = join(__dirname, '../../../src/infrastructure/database/shared/entities');

function isDefinition(value: unknown): value is EntityDefinition<object> {
  return typeof value === 'object' && value !== null && 'schema' in value && 'mongo' in value;
}

/** Every exported definition of every `*.entity.ts` file. */
function allDefinitions(): [string, EntityDefinition<object>][] {
  return readdirSync(ENTITIES_DIR)
    .filter((file) => file.endsWith('.entity.ts'))
    .flatMap((file) =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- every file of the folder, by name
      Object.entries(require(join(ENTITIES_DIR, file)) as Record<string, unknown>).filter(
        (entry): entry is [string, EntityDefinition<object>] => isDefinition(entry[1]),
      ),
    );
}

/** information_schema's data_type for a definition's column. */
function expectedDataType(sqlType: string): string {
  return sqlType === 'timestamptz' ? 'timestamp with time zone' : sqlType;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

describe('entity definitions match the migrations', () => {
  let db: PGlite;
  const definitions = allDefinitions();

  beforeAll(async () => {
    const opened = openMigrationPglite();
    db = opened.db;
    const runner = opened.runner;
    for (const Migration of POSTGRES_MIGRATIONS) await new Migration().up(runner);
  }, 120_000);

  afterAll(() => db?.close());

  it('finds the definitions', () => {
    expect(definitions.length).toBeGreaterThanOrEqual(6);
  });

  it.each(definitions)('%s: same columns, types and nullability as its table', async (_name, definition) => {
    const table = tableName(definition);
    const { rows } = await db.query<ColumnRow>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
      [table],
    );
    const stored = rows.map((r) => ({
      column: r.column_name,
      type: r.data_type === 'ARRAY' ? `${r.udt_name.slice(1)}[]` : r.data_type,
      nullable: r.is_nullable === 'YES',
    }));
    const defined = entityFields(definition)
      .map((f) => ({
        column: f.column,
        type: f.kind === 'array' ? `${f.sqlType}[]` : expectedDataType(f.sqlType),
        nullable: f.nullable,
      }))
      .sort((a, b) => (a.column < b.column ? -1 : 1));
    expect(stored).toEqual(defined);
  });

  it.each(definitions)('%s: same primary key as its table', async (_name, definition) => {
    const { rows } = await db.query<{ column_name: string }>(
      `SELECT k.column_name FROM information_schema.table_constraints c
       JOIN information_schema.key_column_usage k
         ON k.constraint_name = c.constraint_name AND k.table_name = c.table_name
       WHERE c.table_schema = 'public' AND c.table_name = $1 AND c.constraint_type = 'PRIMARY KEY'
       ORDER BY k.ordinal_position`,
      [tableName(definition)],
    );
    const defined = entityFields(definition)
      .filter((f) => f.primary)
      .map((f) => f.column);
    expect(rows.map((r) => r.column_name).sort()).toEqual([...defined].sort());
  });

  it.each(definitions)('%s: a composite primary key says how to make its Mongo _id', (_name, definition) => {
    const primary = entityFields(definition).filter((f) => f.primary);
    expect(primary.length === 1 || typeof definition.mongo.id === 'function').toBe(true);
  });

  it.each(definitions)('%s: its indexes exist on its table', async (_name, definition) => {
    const { rows } = await db.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`,
      [tableName(definition)],
    );
    const stored = new Map(rows.map((r) => [r.indexname, r.indexdef.startsWith('CREATE UNIQUE')]));
    for (const index of definition.schema.options.indices ?? []) {
      expect([index.name, stored.get(index.name!)]).toEqual([index.name, index.unique === true]);
    }
  });
});
