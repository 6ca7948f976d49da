// Simulated experiments looked at every day, for the false-positive and power figures of
// docs/experiments.md#statistics. Deterministic: a seeded mulberry32 PRNG drives every draw.

import type { SampleStats } from '../../../src/core/experiments/stats/relative-lift-tests';
import {
  requiredSampleSize,
  sequentialRelativeLiftTest,
  welchRelativeLiftTest,
} from '../../../src/core/experiments/stats/relative-lift-tests';
import { prng } from '../../support/seeded-prng';

export interface SimulationSettings {
  experiments: number;
  days: number;
  usersPerDay: number;
  baseRate: number;
  /** True relative lift of the treatment (0 for A/A). */
  lift: number;
  alpha: number;
  seed: number;
}

export interface SimulationOutcome {
  /** Share of experiments where the sequential interval excluded 0 on some day. */
  sequentialAnyDay: number;
  /** Share where the fixed-horizon Welch test had p < alpha on some day. */
  fixedPeekedAnyDay: number;
  /** Share where the fixed test had p < alpha on the last day (its intended single look). */
  fixedAtHorizon: number;
  /** Share where FeatBit's whole fixed rule (p < alpha and its required-sample gate) passed on some day. */
  featbitPeekedAnyDay: number;
  /** The same on the last day only. */
  featbitAtHorizon: number;
}

/** Converted users among n with rate p: exact Bernoulli draws (cheap at these sizes). */
function binomial(random: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

function stats(users: number, converted: number): SampleStats {
  const mean = converted / users;
  return { n: users, mean, variance: mean * (1 - mean) };
}

export function simulatePeeking(s: SimulationSettings): SimulationOutcome {
  const random = prng(s.seed);
  let sequential = 0;
  let peeked = 0;
  let horizon = 0;
  let gated = 0;
  let gatedHorizon = 0;
  for (let e = 0; e < s.experiments; e++) {
    let users = [0, 0];
    let converted = [0, 0];
    let seqHit = false;
    let peekHit = false;
    let lastHit = false;
    let gatedHit = false;
    let gatedLast = false;
    for (let day = 1; day <= s.days; day++) {
      const half = s.usersPerDay / 2;
      users = [users[0] + half, users[1] + half];
      converted = [
        converted[0] + binomial(random, half, s.baseRate),
        converted[1] + binomial(random, half, s.baseRate * (1 + s.lift)),
      ];
      const c = stats(users[0], converted[0]);
      const t = stats(users[1], converted[1]);
      if (c.variance === 0 || t.variance === 0 || c.n < 30) continue;
      if (!seqHit && sequentialRelativeLiftTest(c, t, s.alpha).pValue < s.alpha) seqHit = true;
      const fixed = welchRelativeLiftTest(c, t, s.alpha);
      const fixedHit = fixed.pValue < s.alpha;
      let gateHit = false;
      if (fixedHit) {
        const required = requiredSampleSize(c, t, s.alpha, 0.8);
        gateHit = required === null || t.n >= required;
      }
      if (fixedHit) peekHit = true;
      if (gateHit) gatedHit = true;
      if (day === s.days) {
        lastHit = fixedHit;
        gatedLast = gateHit;
      }
    }
    if (seqHit) sequential++;
    if (peekHit) peeked++;
    if (lastHit) horizon++;
    if (gatedHit) gated++;
    if (gatedLast) gatedHorizon++;
  }
  const share = (count: number): number => count / s.experiments;
  return {
    sequentialAnyDay: share(sequential),
    fixedPeekedAnyDay: share(peeked),
    fixedAtHorizon: share(horizon),
    featbitPeekedAnyDay: share(gated),
    featbitAtHorizon: share(gatedHorizon),
  };
}
