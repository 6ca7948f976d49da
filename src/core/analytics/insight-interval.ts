import { DateTime, IANAZone } from 'luxon';

// Time buckets of the flag-insights chart. FeatBit's analytics service truncates to the interval in
// UTC only (it drops the timezone the console sends); here a bucket starts at the interval's start in
// the requested IANA zone, weeks on Monday, months on the 1st, DST included. Bucket starts are
// computed once, here, and every analytics provider groups events by these boundaries, so all
// providers answer the same.

export const INSIGHT_INTERVALS = ['MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH'] as const;
export type InsightInterval = (typeof INSIGHT_INTERVALS)[number];

const UNIT = { MINUTE: 'minute', HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;

/** The longest range each interval may cover: at most ~1,500 buckets, never a runaway series. */
export const MAX_RANGE_MS: Readonly<Record<InsightInterval, number>> = {
  MINUTE: 24 * 3600_000, // 1,440 buckets
  HOUR: 62 * 24 * 3600_000, // 1,488 buckets
  DAY: 3 * 366 * 24 * 3600_000,
  WEEK: 10 * 366 * 24 * 3600_000,
  MONTH: 20 * 366 * 24 * 3600_000,
};

/** True for a zone name luxon (the IANA database of the runtime) knows, e.g. "Europe/Paris", "UTC". */
export function isKnownTimeZone(zone: string): boolean {
  return zone.length <= 64 && IANAZone.isValidZone(zone);
}

/**
 * Bucket boundaries covering [fromMs, toMs): the start of the bucket holding `fromMs`, then every
 * following bucket start, ending with the first boundary at or after `toMs`. n buckets → n + 1
 * boundaries. The caller has validated the zone and the range.
 */
export function bucketBoundaries(
  interval: InsightInterval,
  fromMs: number,
  toMs: number,
  zone: string,
): number[] {
  const unit = UNIT[interval];
  let t = DateTime.fromMillis(fromMs, { zone }).startOf(unit);
  const out = [t.toMillis()];
  while (t.toMillis() < toMs) {
    t = t.plus({ [unit]: 1 }).startOf(unit);
    out.push(t.toMillis());
  }
  return out;
}

/** Bucket i holds [boundaries[i], boundaries[i + 1]); the index of `ms`, or -1 outside them. */
export function bucketIndex(boundaries: readonly number[], ms: number): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  if (ms < boundaries[0] || ms >= boundaries[hi]) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (boundaries[mid] <= ms) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** FeatBit's time format: UTC, seconds, `Z`. */
export function utcSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
