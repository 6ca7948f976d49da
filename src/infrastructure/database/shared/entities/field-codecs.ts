import { toDate, toIso } from '../timestamps';

/**
 * How a model field is stored: `plain` (text/boolean, null kept), `number` (int/float/bigint),
 * `json` (jsonb / Mixed sub-document), `jsonText` (JSON text in the model: jsonb / string), `array` (text[] / string array), `time` (timestamptz / Date;
 * an ISO string in the model, null kept), `marker` (boolean; `true` or absent in the model).
 */
export type FieldKind = 'plain' | 'number' | 'json' | 'jsonText' | 'array' | 'time' | 'marker';

/** One codec per kind: the value bound as a SQL parameter, the value written to Mongo, and back. */
export interface FieldCodec {
  toSql: (value: unknown, field: string) => unknown;
  toMongo: (value: unknown, field: string) => unknown;
  /** Decodes a PostgreSQL row value or a Mongo document value (the drivers return the same shapes). */
  fromStored: (value: unknown) => unknown;
  /** Decodes a PostgreSQL row value where it differs from `fromStored` (pg parses jsonb). */
  fromSql?: (value: unknown) => unknown;
}

const keep = (value: unknown): unknown => value ?? null;
const toMarker = (value: unknown): unknown => value === true;
const fromMarker = (value: unknown): unknown => (value === true ? true : undefined);
const toNumber = (value: unknown): unknown => (value == null ? null : Number(value));

export const FIELD_CODECS: Readonly<Record<FieldKind, FieldCodec>> = {
  plain: { toSql: keep, toMongo: keep, fromStored: keep },
  number: { toSql: toNumber, toMongo: toNumber, fromStored: toNumber },
  // jsonb parameters go as JSON text (cast by `::jsonb`); Mongo stores the value as a sub-document.
  json: { toSql: (value) => JSON.stringify(value ?? null), toMongo: keep, fromStored: keep },
  // Bound as the text itself (cast by `::jsonb`), kept as text in Mongo; pg hands back the parsed value.
  jsonText: {
    toSql: keep,
    toMongo: keep,
    fromStored: keep,
    fromSql: (value) => (value == null ? null : JSON.stringify(value)),
  },
  array: {
    toSql: (value) => (Array.isArray(value) ? value.map(String) : []),
    toMongo: (value) => (Array.isArray(value) ? [...(value as unknown[])] : []),
    fromStored: (value) => (Array.isArray(value) ? (value as unknown[]) : []),
  },
  marker: { toSql: toMarker, toMongo: toMarker, fromStored: fromMarker },
  time: {
    toSql: (value, field) =>
      value == null || value === '' ? null : toDate(value as string, field).toISOString(),
    toMongo: (value, field) => (value == null || value === '' ? null : toDate(value as string, field)),
    fromStored: (value) => (value == null ? null : toIso(value as Date)),
  },
};

/** The `$n` cast a kind needs in SQL (node-postgres sends every parameter as text). */
export const SQL_CASTS: Readonly<Record<FieldKind, string>> = {
  plain: '',
  number: '',
  json: '::jsonb',
  jsonText: '::jsonb',
  array: '::text[]',
  time: '::timestamptz',
  marker: '',
};
