// Every repository returns timestamps as ISO-8601 UTC with millisecond precision and `Z`
// (docs/reference/data-model.md#timestamps), whatever the driver hands back.

export function toIso(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid timestamp: ${String(value)}`);
  return date.toISOString();
}

export function toIsoOrNull(value: Date | string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : toIso(value);
}

/** Parses an ISO string from a caller into a Date, rejecting garbage with a clear message. */
export function toDate(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${field} is not a valid timestamp: ${value}`);
  return date;
}

export function nowIso(): string {
  return new Date().toISOString();
}
