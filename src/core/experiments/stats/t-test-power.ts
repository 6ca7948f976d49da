// The power of a two-sample t-test and the sample size that reaches a target power: statsmodels'
// `TTestIndPower` / `tt_ind_solve_power`, which FeatBit's required-sample-size gate calls
// (modules/data-analytics/app/experimentation/models/experiment/experiment_types.py).

import betainc from '@stdlib/math-base-special-betainc';
import gammaln from '@stdlib/math-base-special-gammaln';

import { normalCdf, tQuantile } from './distributions';

/**
 * CDF of the noncentral t distribution, Lenth's algorithm AS 243 (Applied Statistics 38, 1989).
 * Written here because no maintained npm statistics package ships the noncentral t.
 */
export function noncentralTCdf(t: number, df: number, nc: number): number {
  const negative = t < 0;
  const tt = negative ? -t : t;
  const del = negative ? -nc : nc;
  let result = 0;
  const x = (tt * tt) / (tt * tt + df);
  if (x > 0) {
    const lambda = del * del;
    let p = 0.5 * Math.exp(-0.5 * lambda);
    let q = Math.sqrt(2 / Math.PI) * p * del;
    let s = 0.5 - p;
    let a = 0.5;
    const b = 0.5 * df;
    const rxb = Math.pow(1 - x, b);
    const logBeta = 0.5 * Math.log(Math.PI) + gammaln(b) - gammaln(0.5 + b);
    let xodd = betainc(x, a, b);
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - logBeta);
    let xeven = 1 - rxb;
    let geven = b * x * rxb;
    result = p * xodd + q * xeven;
    for (let en = 1; en <= 10_000; en++) {
      a += 1;
      xodd -= godd;
      xeven -= geven;
      godd *= (x * (a + b - 1)) / a;
      geven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * en);
      q *= lambda / (2 * en + 1);
      s -= p;
      result += p * xodd + q * xeven;
      if (2 * s * (xodd - godd) <= 1e-14) break;
    }
  }
  result += normalCdf(-del);
  const cdf = negative ? 1 - result : result;
  return Math.min(1, Math.max(0, cdf));
}

/** statsmodels `TTestIndPower().power(effect, nobs1, alpha, ratio, alternative='two-sided')`. */
export function tTestIndPower(effectSize: number, nobs1: number, alpha: number, ratio: number): number {
  const nobs2 = nobs1 * ratio;
  const df = nobs1 + nobs2 - 2;
  const nc = effectSize * Math.sqrt(1 / (1 / nobs1 + 1 / nobs2));
  const crit = tQuantile(1 - alpha / 2, df);
  return 1 - noncentralTCdf(crit, df, nc) + noncentralTCdf(-crit, df, nc);
}

/**
 * statsmodels `tt_ind_solve_power(effect_size, nobs1=None, alpha, power, ratio, 'two-sided')`: the
 * group-1 size at which the test reaches `power`. Null when the effect is zero or no size reaches it.
 */
export function tTestIndSolveNobs1(
  effectSize: number,
  alpha: number,
  power: number,
  ratio: number,
): number | null {
  if (!(effectSize > 0) || !Number.isFinite(effectSize) || !(ratio > 0)) return null;
  const f = (n: number): number => tTestIndPower(effectSize, n, alpha, ratio) - power;
  // statsmodels searches nobs1 above 2 (the smallest size with a degree of freedom at ratio 1).
  let lo = 2;
  if (f(lo) >= 0) return lo;
  let hi = 4;
  while (f(hi) < 0) {
    lo = hi;
    hi *= 2;
    if (hi > 1e15) return null;
  }
  // Bisection to the last bit: power is increasing in nobs1.
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
