// Which parts of a time range the hourly rollup (insight_hourly_rollups) can answer and which need
// raw events: a UTC hour wholly inside the range with no bucket boundary strictly inside it is
// read from the rollup; partial edge hours and hours split by a boundary (MINUTE buckets, zones
// off the hour such as Asia/Kolkata) are read from events. Pure, so it is unit-tested alone.

export const HOUR_US = 3_600_000_000;

/** [lo, hi) in µs. */
export interface UsRange {
  lo: number;
  hi: number;
}

export interface InsightReadPlan {
  rollup: UsRange[];
  raw: UsRange[];
}

/** Start of the UTC hour holding `us` (also for negative times). */
export const floorHour = (us: number): number => us - (((us % HOUR_US) + HOUR_US) % HOUR_US);

function push(ranges: UsRange[], lo: number, hi: number): void {
  if (lo >= hi) return;
  const last = ranges[ranges.length - 1];
  if (last && last.hi === lo) last.hi = hi;
  else ranges.push({ lo, hi });
}

/**
 * Splits [fromUs, toUs) into rollup and raw ranges, both sorted and merged. `boundariesUs`: the
 * bucket boundaries the answer is grouped by (none for a plain range).
 */
export function insightReadPlan(
  fromUs: number,
  toUs: number,
  boundariesUs: readonly number[] = [],
): InsightReadPlan {
  const plan: InsightReadPlan = { rollup: [], raw: [] };
  if (fromUs >= toUs) return plan;
  const firstHour = floorHour(fromUs) === fromUs ? fromUs : floorHour(fromUs) + HOUR_US;
  const endHour = floorHour(toUs);
  if (firstHour >= endHour) {
    plan.raw.push({ lo: fromUs, hi: toUs });
    return plan;
  }
  const split = [
    ...new Set(boundariesUs.filter((b) => b > firstHour && b < endHour && floorHour(b) !== b).map(floorHour)),
  ].sort((a, b) => a - b);
  push(plan.raw, fromUs, firstHour);
  let at = firstHour;
  for (const hour of split) {
    push(plan.rollup, at, hour);
    push(plan.raw, hour, hour + HOUR_US);
    at = hour + HOUR_US;
  }
  push(plan.rollup, at, endHour);
  push(plan.raw, endHour, toUs);
  return plan;
}
