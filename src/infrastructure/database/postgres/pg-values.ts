import { toIso, toIsoOrNull } from '../shared/timestamps';
import type { Row } from './pg-session';

// Small converters between driver values and the core models. pg returns bigint/count as strings,
// PGlite as numbers; both return Date for timestamptz and parsed objects for jsonb.

export const iso = (value: unknown): string => toIso(value as Date | string);
export const isoOrNull = (value: unknown): string | null => toIsoOrNull(value as Date | string | null);
export const num = (value: unknown): number => Number(value);
/** Text columns come back as strings; anything else here would be a schema bug. */
export const str = (value: unknown): string => (value == null ? '' : (value as string));
export const strOrNull = (value: unknown): string | null => (value == null ? null : (value as string));

/** jsonb parameter: bind as text and cast with `::jsonb` in SQL. */
export const jsonParam = (value: unknown): string => JSON.stringify(value ?? null);

/** `count(*)` of the first row. */
export function countOf(rows: Row[]): number {
  return rows.length ? Number(rows[0].count) : 0;
}

/** Placeholder list `$from, $from+1, …` for `count` values. */
export function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}
