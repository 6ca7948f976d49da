import { NotFoundError } from '../../../core/shared/errors';
import { toDate, toIso } from '../shared/timestamps';
import type { Row, SqlSession } from './postgres-session';

/**
 * How a model field is stored: `plain` (text/boolean, null kept), `number` (int/float/bigint),
 * `json` (jsonb), `array` (text[]), `time` (timestamptz, ISO string in the model, null kept).
 */
export type ColumnKind = 'plain' | 'number' | 'json' | 'array' | 'time';

export interface ColumnSpec<T> {
  field: keyof T & string;
  column: string;
  kind?: ColumnKind;
}

const CASTS: Record<ColumnKind, string> = {
  plain: '',
  number: '',
  json: '::jsonb',
  array: '::text[]',
  time: '::timestamptz',
};

/**
 * Maps one model type to one table: parameter binding, row decoding and the plain CRUD
 * statements. Repositories with richer queries build on `select`, `toParams` and `fromRow`.
 */
export class PgTable<T extends object> {
  /** `col1, col2, …` in column order. */
  readonly select: string;
  private readonly columns: Required<ColumnSpec<T>>[];

  constructor(
    readonly table: string,
    readonly entity: string,
    columns: ColumnSpec<T>[],
    readonly keyColumn = 'id',
  ) {
    this.columns = columns.map((c) => ({ kind: 'plain', ...c }));
    this.select = this.columns.map((c) => c.column).join(', ');
  }

  toParams(model: T): unknown[] {
    return this.columns.map((c) => {
      const value = model[c.field] as unknown;
      switch (c.kind) {
        case 'json':
          return JSON.stringify(value ?? null);
        case 'array':
          return Array.isArray(value) ? value.map(String) : [];
        case 'time':
          return value == null || value === '' ? null : toDate(value as string, c.field).toISOString();
        case 'number':
          return value == null ? null : Number(value);
        case 'plain':
          return value ?? null;
      }
    });
  }

  fromRow(row: Row): T {
    const model: Record<string, unknown> = {};
    for (const c of this.columns) {
      const value = row[c.column];
      switch (c.kind) {
        case 'time':
          model[c.field] = value == null ? null : toIso(value as Date);
          break;
        case 'number':
          model[c.field] = value == null ? null : Number(value);
          break;
        case 'array':
          model[c.field] = Array.isArray(value) ? value : [];
          break;
        case 'json':
        case 'plain':
          model[c.field] = value ?? null;
          break;
      }
    }
    return model as T;
  }

  /** `$1::cast, $2, …` for an INSERT of every column. */
  valuesList(offset = 0): string {
    return this.columns.map((c, i) => `$${offset + i + 1}${CASTS[c.kind]}`).join(', ');
  }

  async insert(db: SqlSession, model: T): Promise<T> {
    const rows = await db.query(
      `INSERT INTO ${this.table} (${this.select}) VALUES (${this.valuesList()}) RETURNING ${this.select}`,
      this.toParams(model),
    );
    return this.fromRow(rows[0]);
  }

  /**
   * Replaces every column except the key and `created_at` where the key matches (and `extraWhere`,
   * whose placeholders start at `updateParamCount() + 1`). Returns the updated rows.
   */
  async update(db: SqlSession, model: T, extraWhere = '', extraParams: unknown[] = []): Promise<T[]> {
    const all = this.toParams(model);
    const params: unknown[] = [];
    const sets: string[] = [];
    let keyPlaceholder = '';
    this.columns.forEach((c, i) => {
      if (c.column === 'created_at') return;
      params.push(all[i]);
      if (c.column === this.keyColumn) keyPlaceholder = `$${params.length}`;
      else sets.push(`${c.column} = $${params.length}${CASTS[c.kind]}`);
    });
    const where = `${this.keyColumn} = ${keyPlaceholder}${extraWhere ? ` AND ${extraWhere}` : ''}`;
    const rows = await db.query(
      `UPDATE ${this.table} SET ${sets.join(', ')} WHERE ${where} RETURNING ${this.select}`,
      [...params, ...extraParams],
    );
    return rows.map((r) => this.fromRow(r));
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

  async findMany(db: SqlSession, where: string, params: readonly unknown[], orderBy = ''): Promise<T[]> {
    const rows = await db.query(
      `SELECT ${this.select} FROM ${this.table} WHERE ${where}${orderBy ? ` ORDER BY ${orderBy}` : ''}`,
      params,
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

  async deleteById(db: SqlSession, id: string): Promise<void> {
    await db.query(`DELETE FROM ${this.table} WHERE ${this.keyColumn} = $1`, [id]);
  }

  private keyField(): keyof T & string {
    return this.columns.find((c) => c.column === this.keyColumn)?.field ?? ('id' as keyof T & string);
  }
}
