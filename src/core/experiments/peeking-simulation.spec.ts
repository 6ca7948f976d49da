import { simulatePeeking } from '../../../test/reference/experiments/peeking-simulation';

// Why the sequential method exists (docs/experiments.md#statistics): 500 A/A experiments (no true
// effect), 1,000 users a day split 50/50, base rate 10 %, looked at every day for 30 days.

describe('peeking every day at A/A experiments', () => {
  const outcome = simulatePeeking({
    experiments: 500,
    days: 30,
    usersPerDay: 1000,
    baseRate: 0.1,
    lift: 0,
    alpha: 0.05,
    seed: 18,
  });

  it('the sequential method declares a difference in at most 5 % of them', () => {
    expect(outcome.sequentialAnyDay).toBeLessThanOrEqual(0.05);
  });

  it('the fixed-horizon test, peeked at daily, exceeds 5 %', () => {
    expect(outcome.fixedPeekedAnyDay).toBeGreaterThan(0.05);
  });
});
