// The distribution functions the engine needs, from stdlib (a well-kept numerics library, Apache-2.0),
// behind one typed module so the rest of the engine names them once (docs/experiments.md#statistics).

import betaCdfFn from '@stdlib/stats-base-dists-beta-cdf';
import betaPdfFn from '@stdlib/stats-base-dists-beta-pdf';
import chiSquareCdfFn from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdfFn from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileFn from '@stdlib/stats-base-dists-normal-quantile';
import tCdfFn from '@stdlib/stats-base-dists-t-cdf';
import tQuantileFn from '@stdlib/stats-base-dists-t-quantile';

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return normalCdfFn(x, 0, 1);
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  return normalQuantileFn(p, 0, 1);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Student's t CDF with df degrees of freedom (df may be fractional: Welch). */
export function tCdf(x: number, df: number): number {
  return tCdfFn(x, df);
}

export function tQuantile(p: number, df: number): number {
  return tQuantileFn(p, df);
}

export function betaCdf(x: number, a: number, b: number): number {
  return betaCdfFn(x, a, b);
}

export function betaPdf(x: number, a: number, b: number): number {
  return betaPdfFn(x, a, b);
}

/** Upper tail of the chi-square distribution: the goodness-of-fit p-value. */
export function chiSquareSf(x: number, df: number): number {
  return 1 - chiSquareCdfFn(x, df);
}
