// The value a metric event carries (tag_1, written by src/core/sdk/insight-intake.ts as the shortest
// float32 text): every analytics provider reads it by this one rule so their sums agree. A JSON
// string in plain decimal or exponent notation counts as its number; anything else (missing, not a
// string, 'Infinity', '0x10', ' 1') counts as 0, and the event still counts as a conversion. The
// digit limits keep every accepted value, and its square summed over many users, finite as a double.

/** The accepted text, in a syntax JavaScript, PostgreSQL (ARE) and ClickHouse (RE2) read alike. */
export const METRIC_VALUE_PATTERN = '^-?[0-9]{1,20}([.][0-9]{1,20})?([eE][-+]?[0-9]{1,2})?$';

const PATTERN = new RegExp(METRIC_VALUE_PATTERN);

/** The numeric value of a metric event's tag_1 (0 when it is not one). */
export function metricValue(tag1: unknown): number {
  return typeof tag1 === 'string' && PATTERN.test(tag1) ? Number(tag1) : 0;
}
