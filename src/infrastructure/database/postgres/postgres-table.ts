import { NotFoundError } from '../../../core/shared/errors';
import {
  type EntityDefinition,
  type EntityField,
  entityFields,
  entityName,
  tableName,
} from '../shared/entities/entity-definition';
import { FIELD_CODECS, type FieldKind, SQL_CASTS } from '../shared/entities/field-codecs';
import type { Row, SqlSession } from './postgres-session';

interface Column<T> {
  field: keyof T & string;
  column: string;
  kind: FieldKind;
  toSql: (value: unknown, field: string) => unknown;
  fromSql: (value: unknown) => unknown;
}

/**
 * Maps one entity definition (shared/entities) to its table: parameter binding, row decoding and
 * the plain CRUD statements. Repositories with richer queries build on `select`, `toParams` and
 * `fromRow`.
 */
export class PgTable<T extends object> {
  /** `col1, col2, …` in column order. */
  readonly select: string;
  private readonly columns: Column<T>[];

  /** The table of an entity definition, with its PostgreSQL column names. */
  static of<T extends object>(definition: EntityDefinition<T>): PgTable<T> {
    const fields = entityFields(definition);
    const key = fields.find((f) => f.primary)?.column ?? 'id';
    return new PgTable<T>(tableName(definition), entityName(definition), fields, key);
  }

  private constructor(
    readonly table: string,
    readonly entity: string,
    fields: EntityField<T>[],
    /** The (first) primary-key column. */
    readonly keyColumn: string,
  ) {
    this.columns = fields.map((f) => {
      const codec = FIELD_CODECS[f.kind];
      return {
        field: f.field,
        column: f.column,
        kind: f.kind,
        toSql: codec.toSql,
        fromSql: codec.fromSql ?? codec.fromStored,
      };
    });
    this.select = this.columns.map((c) => c.column).join(', ');
  }

  /** `alias.col AS <prefix>col, …`: this table's columns in a join, read back with `fromRow(row, prefix)`. */
  selectFrom(alias: string, prefix = ''): string {
    return this.columns.map((c) => `${alias}.${c.column} AS ${prefix}${c.column}`).join(', ');
  }

  toParams(model: T): unknown[] {
    return this.columns.map((c) => c.toSql(model[c.field], c.field));
  }

  /** `prefix`: the column aliases' prefix given to `selectFrom`. */
  fromRow(row: Row, prefix = ''): T {
    const model: Record<string, unknown> = {};
    for (const c of this.columns) model[c.field] = c.fromSql(row[`${prefix}${c.column}`]);
    return model as T;
  }

  /** `$1::cast, $2, …` for an INSERT of every column. */
  valuesList(offset = 0): string {
    return this.columns.map((c, i) => `$${offset + i + 1}${SQL_CASTS[c.kind]}`).join(', ');
  }

  async insert(db: SqlSession, model: T): Promise<T> {
    const rows = await db.query(
      `INSERT INTO ${this.table} (${this.select}) VALUES (${this.valuesList()}) RETURNING ${this.select}`,
      this.toParams(model),
    );
    return this.fromRow(rows[0]);
  }

  /**
   * Inserts a row nobody reads back (an audit entry, an outbox message): in a transaction it goes
   * out without waiting for its answer (SqlSession.execute).
   */
  insertBlind(db: SqlSession, model: T): Promise<void> {
    return db.execute(
      `INSERT INTO ${this.table} (${this.select}) VALUES (${this.valuesList()})`,
      this.toParams(model),
    );
  }

  /**
   * `insertBlind` only when `condition` holds; its placeholders are numbered by `condition(first)`,
   * `first` being the number of the first one after the row's, and bound to `params`.
   */
  insertBlindWhere(
    db: SqlSession,
    model: T,
    condition: (first: number) => string,
    params: readonly unknown[],
  ): Promise<void> {
    const values = this.toParams(model);
    return db.execute(
      `INSERT INTO ${this.table} (${this.select}) SELECT ${this.valuesList()} WHERE ${condition(values.length + 1)}`,
      [...values, ...params],
    );
  }

  /** Inserts unless the row (any unique key) exists; the inserted row, or null when it existed. */
  async insertIfAbsent(db: SqlSession, model: T): Promise<T | null> {
    const rows = await db.query(
      `INSERT INTO ${this.table} (${this.select}) VALUES (${this.valuesList()})
       ON CONFLICT DO NOTHING RETURNING ${this.select}`,
      this.toParams(model),
    );
    return rows.length ? this.fromRow(rows[0]) : null;
  }

  /**
   * Replaces every column except the key and `created_at` where the key matches (and `extraWhere`,
   * whose placeholders start at `updateParamCount() + 1`). Returns the updated rows.
   */
  async update(db: SqlSession, model: T, extraWhere = '', extraParams: unknown[] = []): Promise<T[]> {
    const { sets, params, key } = this.assignments(model);
    const where = `${this.keyColumn} = ${key}${extraWhere ? ` AND ${extraWhere}` : ''}`;
    const rows = await db.query(
      `UPDATE ${this.table} SET ${sets.join(', ')} WHERE ${where} RETURNING ${this.select}`,
      [...params, ...extraParams],
    );
    return rows.map((r) => this.fromRow(r));
  }

  /**
   * `update` that returns nothing and raises when it matched nothing: RevisionConflictError when the
   * row exists (so `extraWhere` failed), NotFoundError when it does not (featbit_expect_updated,
   * migration 1763700000017). Inside a transaction it goes out without waiting for its answer.
   */
  updateBlind(db: SqlSession, model: T, extraWhere: string, extraParams: unknown[]): Promise<void> {
    const { sets, params, key } = this.assignments(model);
    const where = `${this.keyColumn} = ${key} AND ${extraWhere}`;
    const entity = `$${params.length + extraParams.length + 1}`;
    return db.execute(
      `WITH u AS (UPDATE ${this.table} SET ${sets.join(', ')} WHERE ${where} RETURNING 1)
       SELECT featbit_expect_updated((SELECT count(*) FROM u),
         EXISTS (SELECT 1 FROM ${this.table} WHERE ${this.keyColumn} = ${key}), ${entity}, ${key}::text)`,
      [...params, ...extraParams, this.entity],
    );
  }

  /** The SET list of an update (every column but the key and `created_at`), its parameters and the key's placeholder. */
  private assignments(model: T): { sets: string[]; params: unknown[]; key: string } {
    const all = this.toParams(model);
    const params: unknown[] = [];
    const sets: string[] = [];
    let key = '';
    this.columns.forEach((c, i) => {
      if (c.column === 'created_at') return;
      params.push(all[i]);
      if (c.column === this.keyColumn) key = `$${params.length}`;
      else sets.push(`${c.column} = $${params.length}${SQL_CASTS[c.kind]}`);
    });
    return { sets, params, key };
  }

  /** How many parameters `update` binds before `extraParams`. */
  updateParamCount(): number {
    return this.columns.filter((c) => c.column !== 'created_at').length;
  }

  async updateOrThrow(db: SqlSession, model: T): Promise<T> {
    const [updated] = await this.update(db, model);
    if (!updated) throw new NotFoundError(this.entity, model[this.keyField()] as string);
    return updated;
  }

  async findOne(db: SqlSession, where: string, params: readonly unknown[]): Promise<T | null> {
    const rows = await db.query(`SELECT ${this.select} FROM ${this.table} WHERE ${where} LIMIT 1`, params);
    return rows.length ? this.fromRow(rows[0]) : null;
  }

  findById(db: SqlSession, id: string): Promise<T | null> {
    return this.findOne(db, `${this.keyColumn} = $1`, [id]);
  }

  async findMany(
    db: SqlSession,
    where: string,
    params: readonly unknown[],
    orderBy = '',
    limit?: number,
  ): Promise<T[]> {
    const order = orderBy ? ` ORDER BY ${orderBy}` : '';
    const rows = await db.query(
      `SELECT ${this.select} FROM ${this.table} WHERE ${where}${order}${limit ? ` LIMIT $${params.length + 1}` : ''}`,
      limit ? [...params, limit] : params,
    );
    return rows.map((r) => this.fromRow(r));
  }

  findByIds(db: SqlSession, ids: readonly string[]): Promise<T[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.findMany(db, `${this.keyColumn} = ANY($1::text[])`, [[...ids]], `${this.keyColumn}`);
  }

  /** One offset page plus the total count of `where`. */
  async page(
    db: SqlSession,
    where: string,
    params: readonly unknown[],
    orderBy: string,
    window: { offset: number; limit: number },
  ): Promise<{ totalCount: number; items: T[] }> {
    const n = params.length;
    const [countRows, rows] = await Promise.all([
      db.query<{ count: unknown }>(`SELECT count(*) AS count FROM ${this.table} WHERE ${where}`, params),
      db.query(
        `SELECT ${this.select} FROM ${this.table} WHERE ${where} ORDER BY ${orderBy} OFFSET $${n + 1} LIMIT $${n + 2}`,
        [...params, window.offset, window.limit],
      ),
    ]);
    return { totalCount: Number(countRows[0]?.count ?? 0), items: rows.map((r) => this.fromRow(r)) };
  }

  async exists(db: SqlSession, id: string): Promise<boolean> {
    return (await db.query(`SELECT 1 FROM ${this.table} WHERE ${this.keyColumn} = $1`, [id])).length > 0;
  }

  async deleteById(db: SqlSession, id: string): Promise<void> {
    await db.query(`DELETE FROM ${this.table} WHERE ${this.keyColumn} = $1`, [id]);
  }

  private keyField(): keyof T & string {
    return this.columns.find((c) => c.column === this.keyColumn)?.field ?? ('id' as keyof T & string);
  }
}
