import type { EntitySchema, EntitySchemaColumnOptions } from 'typeorm';
import { JSON_TEXT, MARKER } from './column-types';
import type { FieldKind } from './field-codecs';

/** A Mongo index: keys in order with direction, unique or sparse or not, and its name. */
export type MongoIndex = [Record<string, 1 | -1>, { unique?: boolean; sparse?: boolean; name: string }];

/** What EntitySchema cannot say about the Mongo side. */
export interface MongoSidecar<T> {
  /** FeatBit's Mongo collection name (PascalCase plural). */
  collection: string;
  indexes: MongoIndex[];
  /**
   * `_id` of a table whose primary key spans several columns (membership links, flag usage): those
   * fields are stored under their own names as well. Without it `_id` is the one primary column.
   */
  id?: (model: T) => string;
  /** Extra string fields stored only in Mongo, computed from the model (e.g. for an index). */
  derived?: Record<string, (model: T) => string>;
}

/**
 * The one stored shape of an entity. `schema` is a TypeORM EntitySchema (the user's choice of
 * mapping format): its columns give field, column name, SQL type and nullability, its indices the
 * PostgreSQL indexes the migrations create. TypeORM does not run queries from it; PgTable, the
 * Mongo field codec and the mongoose schema are derived from it. `mongo` holds what EntitySchema
 * cannot say: FeatBit's Mongo collection name and the Mongo indexes (FerretDB has no partial ones).
 */
export interface EntityDefinition<T> {
  schema: EntitySchema<T>;
  mongo: MongoSidecar<T>;
}

/** The composite `_id` of a membership link: its key parts joined by ':'. */
export const linkId = (...parts: string[]): string => parts.join(':');

/** One model field as the providers store it. */
export interface EntityField<T> {
  field: keyof T & string;
  column: string;
  kind: FieldKind;
  /** The column's SQL type, without `[]` (e.g. `text`, `boolean`, `jsonb`). */
  sqlType: string;
  nullable: boolean;
  primary: boolean;
}

const NUMBER_TYPES = new Set(['integer', 'int', 'bigint', 'smallint', 'double precision', 'real', 'numeric']);

function kindOf(options: EntitySchemaColumnOptions): FieldKind {
  if (options.array) return 'array';
  if (options.transformer === JSON_TEXT) return 'jsonText';
  if (options.transformer === MARKER) return 'marker';
  if (options.type === 'jsonb' || options.type === 'json') return 'json';
  if (options.type === 'timestamptz' || options.type === 'timestamp with time zone') return 'time';
  if (typeof options.type === 'string' && NUMBER_TYPES.has(options.type)) return 'number';
  return 'plain';
}

/** The fields in declaration order (the order of SELECT lists and INSERT parameters). */
export function entityFields<T>(definition: EntityDefinition<T>): EntityField<T>[] {
  const columns = definition.schema.options.columns as Record<string, EntitySchemaColumnOptions>;
  return Object.entries(columns).map(([field, options]) => ({
    field: field as keyof T & string,
    column: options.name ?? field,
    kind: kindOf(options),
    sqlType: String(options.type),
    nullable: options.nullable === true,
    primary: options.primary === true,
  }));
}

export function entityName<T>(definition: EntityDefinition<T>): string {
  return definition.schema.options.name;
}

export function tableName<T>(definition: EntityDefinition<T>): string {
  return definition.schema.options.tableName ?? definition.schema.options.name;
}
