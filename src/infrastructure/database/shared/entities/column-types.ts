import type { EntitySchemaColumnOptions, ValueTransformer } from 'typeorm';

// Column options for the entity definitions: the SQL types the migrations use (the kind of each
// field follows from them, see entity-definition.ts). `name` is the PostgreSQL column.

export const primaryId: EntitySchemaColumnOptions = { type: 'text', primary: true };
/** A primary-key column other than `id` (part of a composite key, or a natural key). */
export const primaryText = (name?: string): EntitySchemaColumnOptions => ({
  type: 'text',
  name,
  primary: true,
});
export const text = (name?: string): EntitySchemaColumnOptions => ({ type: 'text', name });
export const nullableText = (name?: string): EntitySchemaColumnOptions => ({
  type: 'text',
  name,
  nullable: true,
});
export const bool = (name?: string): EntitySchemaColumnOptions => ({ type: 'boolean', name });
export const integer = (name?: string): EntitySchemaColumnOptions => ({ type: 'integer', name });
export const bigint = (name?: string): EntitySchemaColumnOptions => ({ type: 'bigint', name });
export const double = (name?: string): EntitySchemaColumnOptions => ({ type: 'double precision', name });
export const jsonb = (name?: string): EntitySchemaColumnOptions => ({ type: 'jsonb', name });
export const textArray = (name?: string): EntitySchemaColumnOptions => ({ type: 'text', name, array: true });
export const timestamptz = (name: string): EntitySchemaColumnOptions => ({ type: 'timestamptz', name });

/** The same column, NULL allowed. */
export const nullable = (column: EntitySchemaColumnOptions): EntitySchemaColumnOptions => ({
  ...column,
  nullable: true,
});

/**
 * Marks a jsonb column whose model value is the JSON text itself (insight event properties): bound
 * as text and cast, read back as text; Mongo stores the text (field kind `jsonText`, field-codecs.ts).
 */
export const JSON_TEXT: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => JSON.stringify(value),
};
export const jsonText = (name?: string): EntitySchemaColumnOptions => ({
  type: 'jsonb',
  name,
  transformer: JSON_TEXT,
});

/**
 * Marks a boolean column added after the first schema whose model field is optional: bound as
 * false when absent, read back as `true` or absent (field kind `marker`, field-codecs.ts), so rows
 * and documents written before it and models without it read the same.
 */
export const MARKER: ValueTransformer = {
  to: (value: unknown) => value === true,
  from: (value: unknown) => (value === true ? true : undefined),
};
export const marker = (name?: string): EntitySchemaColumnOptions => ({
  type: 'boolean',
  name,
  transformer: MARKER,
});

export const stamps = {
  createdAt: timestamptz('created_at'),
  updatedAt: timestamptz('updated_at'),
} as const;
