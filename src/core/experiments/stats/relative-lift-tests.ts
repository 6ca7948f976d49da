// The two frequentist tests of a treatment against the baseline, both on the RELATIVE lift
// (mean_t − mean_c) / mean_c with its delta-method variance (docs/experiments.md#statistics):
// FeatBit's fixed-horizon Welch t-test (OnlineTTest in FeatBit's
// modules/data-analytics/app/experimentation/models/experiment/experiment_types.py) and an
// always-valid confidence sequence for teams that look every day.

import { tCdf, tQuantile } from './distributions';
import { tTestIndSolveNobs1 } from './t-test-power';

/** n, mean and variance of one variation's per-user values. */
export interface SampleStats {
  n: number;
  mean: number;
  variance: number;
}

export interface LiftTest {
  /** Relative lift (mean_t − mean_c) / mean_c. */
  delta: number;
  /** Delta-method variance of the relative lift. */
  variance: number;
  pValue: number;
  ci: [number, number];
}

/** Relative lift and its delta-method variance; the caller guarantees mean_c ≠ 0 and n > 0. */
export function relativeLift(
  control: SampleStats,
  treatment: SampleStats,
): { delta: number; variance: number } {
  const vt = treatment.variance / treatment.n;
  const vc = control.variance / control.n;
  const mc = control.mean;
  const mt = treatment.mean;
  return {
    delta: (mt - mc) / mc,
    variance: vt / (mc * mc) + (vc * mt * mt) / (mc * mc * mc * mc),
  };
}

/** Welch–Satterthwaite degrees of freedom. */
export function welchDf(control: SampleStats, treatment: SampleStats): number {
  const vt = treatment.variance / treatment.n;
  const vc = control.variance / control.n;
  return (vt + vc) ** 2 / (vt ** 2 / (treatment.n - 1) + vc ** 2 / (control.n - 1));
}

/** FeatBit's test: t = delta/√V, p = 2(1 − T(|t|, df)), CI = delta ± T⁻¹(1 − α/2, df)·√V. */
export function welchRelativeLiftTest(control: SampleStats, treatment: SampleStats, alpha: number): LiftTest {
  const { delta, variance } = relativeLift(control, treatment);
  const df = welchDf(control, treatment);
  const se = Math.sqrt(variance);
  const pValue = 2 * (1 - tCdf(Math.abs(delta / se), df));
  const half = tQuantile(1 - alpha / 2, df) * se;
  return { delta, variance, pValue, ci: [delta - half, delta + half] };
}

/**
 * GrowthBook's default tuning parameter of the normal-mixture confidence sequence: the total sample
 * size at which the sequence is tightest relative to a fixed-horizon interval.
 */
export const SEQUENTIAL_TUNING = 5000;

/** Mixture variance ρ² of Howard et al. 2021 ("Time-uniform, nonparametric...", eq. 161) for α and τ. */
function mixtureRho2(alpha: number): number {
  const l = -2 * Math.log(alpha);
  return (l + Math.log(l + 1)) / SEQUENTIAL_TUNING;
}

/**
 * Two-sided normal-mixture confidence sequence on the relative lift, N = n_c + n_t:
 * half-width = √(V · 2(Nρ²+1)/(Nρ²) · ln(√(Nρ²+1)/α)); the always-valid p-value is the α at which the
 * interval touches 0: min(1, √(Nρ²+1) · exp(−Nρ²·delta² / (2V(Nρ²+1)))).
 */
export function sequentialRelativeLiftTest(
  control: SampleStats,
  treatment: SampleStats,
  alpha: number,
): LiftTest {
  const { delta, variance } = relativeLift(control, treatment);
  const nRho2 = (control.n + treatment.n) * mixtureRho2(alpha);
  const half = Math.sqrt(((variance * 2 * (nRho2 + 1)) / nRho2) * Math.log(Math.sqrt(nRho2 + 1) / alpha));
  const pValue = Math.min(
    1,
    Math.sqrt(nRho2 + 1) * Math.exp((-nRho2 * delta * delta) / (2 * variance * (nRho2 + 1))),
  );
  return { delta, variance, pValue, ci: [delta - half, delta + half] };
}

/**
 * FeatBit's required sample size: ceil(tt_ind_solve_power) with effect |mean_t − mean_c| / pooled sd
 * and ratio n_t/n_c. Null when it cannot be solved (no difference).
 */
export function requiredSampleSize(
  control: SampleStats,
  treatment: SampleStats,
  alpha: number,
  power: number,
): number | null {
  const { n: nt, variance: vt, mean: mt } = treatment;
  const { n: nc, variance: vc, mean: mc } = control;
  const pooledSd = Math.sqrt(((nt - 1) * vt + (nc - 1) * vc) / (nt + nc - 2));
  const nobs1 = tTestIndSolveNobs1(Math.abs((mt - mc) / pooledSd), alpha, power, nt / nc);
  return nobs1 === null ? null : Math.ceil(nobs1);
}
