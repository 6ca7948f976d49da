import { md5Int32LE } from './md5';

// Percentage dispatch (docs/reference/evaluation.md#dispatch,
// docs/reference/evaluation.md#rollout-intervals): MD5 over the UTF-8 key, digest bytes 0..3
// as a little-endian int32 n, bucket = |n / -2^31| in [0, 1]; intervals are inclusive.

const INT_MIN = -2147483648;
const md5 = md5Int32LE; // a module-local reference (see matcher.ts)
const SCALE = 2147483648; // buckets are multiples of 2^-31

/** The bucket of an already concatenated dispatch key. */
export function dispatchBucket(key: string): number {
  return Math.abs(md5(key) / INT_MIN);
}

/** The bucket of `prefix + suffix`, without building the concatenated string. */
export function bucketOf(prefix: string, suffix: string): number {
  return Math.abs(md5(prefix, suffix) / INT_MIN);
}

/** FeatBit's IsInRollout: the full-range shortcut, [0, 0] never, else lo <= bucket <= hi. */
export function isInRollout(key: string, lo: number, hi: number): boolean {
  if (lo === 0 && 1 - hi < 1e-5) return true;
  if (lo === 0 && hi === 0) return false;
  const bucket = dispatchBucket(key);
  return bucket >= lo && bucket <= hi;
}

/** Whether inclusive intervals cover every possible bucket value k / 2^31, k in [0, 2^31]. */
export function coversEveryBucket(intervals: readonly (readonly [number, number])[]): boolean {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let next = 0; // the smallest bucket value not yet known to be covered
  for (const [lo, hi] of sorted) {
    if (lo > next) return false;
    if (hi >= next) next = (Math.floor(hi * SCALE) + 1) / SCALE;
  }
  return next > 1;
}
