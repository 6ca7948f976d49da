// Bayesian comparison of a treatment with the baseline (docs/experiments.md#statistics).
// Conversion: Beta(1, 1) prior, so the posterior of a rate is Beta(1 + converted, 1 + users − converted),
// integrated exactly by deterministic quadrature. Numeric: flat prior on each mean with the sample
// variance taken as known, so each posterior is Normal(mean, var/n) and everything has a closed form.

import { betaCdf, betaPdf, normalCdf, normalPdf, normalQuantile } from './distributions';
import { integrate, solveIncreasing } from './quadrature';
import type { SampleStats } from './relative-lift-tests';
import { relativeLift } from './relative-lift-tests';

export interface BayesianComparison {
  chanceToBeatBaseline: number;
  expectedLoss: number;
  credibleInterval: [number, number];
}

/** Prior Beta(1, 1) (uniform) on every conversion rate. */
export const BETA_PRIOR = { alpha: 1, beta: 1 } as const;

interface BetaPosterior {
  a: number;
  b: number;
}

function posterior(users: number, converted: number): BetaPosterior {
  return { a: BETA_PRIOR.alpha + converted, b: BETA_PRIOR.beta + users - converted };
}

/** Where a Beta posterior has its mass: mean ± 14 sd, clipped to [0, 1] (the tails beyond are < 1e-40). */
function support(p: BetaPosterior): [number, number] {
  const mean = p.a / (p.a + p.b);
  const sd = Math.sqrt((p.a * p.b) / ((p.a + p.b) ** 2 * (p.a + p.b + 1)));
  return [Math.max(0, mean - 14 * sd), Math.min(1, mean + 14 * sd)];
}

/**
 * Beta–binomial comparison; `lowerIsBetter` turns "beat" into a lower rate. The baseline must have at
 * least one conversion (otherwise E[1/p_c] is infinite and the relative lift has no posterior mean).
 */
export function compareConversions(
  control: { users: number; converted: number },
  treatment: { users: number; converted: number },
  credibleLevel: number,
  lowerIsBetter: boolean,
): BayesianComparison {
  const c = posterior(control.users, control.converted);
  const t = posterior(treatment.users, treatment.converted);
  const [lo, hi] = support(c);
  const fc = (x: number): number => betaPdf(x, c.a, c.b);
  const meanT = t.a / (t.a + t.b);
  // P(p_t > p_c) = ∫ f_c(x) (1 − F_t(x)) dx
  const beats = integrate((x) => fc(x) * (1 - betaCdf(x, t.a, t.b)), lo, hi);
  // E[max(0, x − p_t)] = x F_t(x) − mean_t F_{t+}(x), with t+ = Beta(a_t + 1, b_t); divided by x for
  // the relative scale.
  const shortfall = (x: number): number => x * betaCdf(x, t.a, t.b) - meanT * betaCdf(x, t.a + 1, t.b);
  const expectedLoss = lowerIsBetter
    ? integrate((x) => (x > 0 ? (fc(x) * (meanT - x + shortfall(x))) / x : 0), lo, hi)
    : integrate((x) => (x > 0 ? (fc(x) * shortfall(x)) / x : 0), lo, hi);
  // CDF of the relative lift L = p_t/p_c − 1: P(L ≤ r) = ∫ f_c(x) F_t(min(1, (1 + r)x)) dx
  const liftCdf = (r: number): number =>
    integrate((x) => fc(x) * betaCdf(Math.min(1, (1 + r) * x), t.a, t.b), lo, hi);
  const quantile = (q: number): number => {
    const [tLo, tHi] = support(t);
    // L is bracketed by the ratio of the supports' ends.
    const rLo = Math.max(-1, tLo / hi - 1);
    const rHi = tHi / Math.max(lo, 1e-300) - 1;
    return solveIncreasing((r) => liftCdf(r) - q, rLo, Math.min(rHi, 1e6));
  };
  const tail = (1 - credibleLevel) / 2;
  return {
    chanceToBeatBaseline: lowerIsBetter ? 1 - beats : beats,
    expectedLoss,
    credibleInterval: [quantile(tail), quantile(1 - tail)],
  };
}

/**
 * Normal comparison of means: P(μ_t > μ_c) = Φ(d/s), d = mean_t − mean_c, s² = var_t/n_t + var_c/n_c;
 * expected loss E[max(0, ∓(μ_t − μ_c))] / |mean_c|; credible interval of the relative lift by the
 * delta method, delta ± z·√V (the same approximation GrowthBook's Bayesian engine makes).
 */
export function compareMeans(
  control: SampleStats,
  treatment: SampleStats,
  credibleLevel: number,
  lowerIsBetter: boolean,
): BayesianComparison {
  const d = treatment.mean - control.mean;
  const s = Math.sqrt(treatment.variance / treatment.n + control.variance / control.n);
  const signed = lowerIsBetter ? -d : d;
  const { delta, variance } = relativeLift(control, treatment);
  const half = normalQuantile(1 - (1 - credibleLevel) / 2) * Math.sqrt(variance);
  return {
    chanceToBeatBaseline: normalCdf(signed / s),
    // E[max(0, −X)] for X ~ N(m, s²) is s·φ(m/s) − m·Φ(−m/s)
    expectedLoss: (s * normalPdf(signed / s) - signed * normalCdf(-signed / s)) / Math.abs(control.mean),
    credibleInterval: [delta - half, delta + half],
  };
}
