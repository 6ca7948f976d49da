import { toIso, toIsoOrNull } from '../shared/timestamps';

// Small converters between driver values and the core models. pg returns bigint/count as strings,
// PGlite as numbers; both return Date for timestamptz and parsed objects for jsonb.

export const iso = (value: unknown): string => toIso(value as Date | string);
export const isoOrNull = (value: unknown): string | null => toIsoOrNull(value as Date | string | null);
export const num = (value: unknown): number => Number(value);
/** Text columns come back as strings; anything else here would be a schema bug. */
export const str = (value: unknown): string => (value == null ? '' : (value as string));
export const strOrNull = (value: unknown): string | null => (value == null ? null : (value as string));
