import reference from '../../../../test/reference/experiments/modules.expected.json';
import { noncentralTCdf, tTestIndPower, tTestIndSolveNobs1 } from './t-test-power';

// scipy.stats.nct and statsmodels' TTestIndPower values from test/reference/experiments/reference.py.

function expectClose(actual: number | null, wanted: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - wanted)).toBeLessThanOrEqual(Math.max(1e-9, 1e-6 * Math.abs(wanted)));
}

describe('noncentral t and the two-sample t-test power (statsmodels)', () => {
  it.each(reference.noncentralT)('nct.cdf($t, $df, $nc)', ({ t, df, nc, cdf }) => {
    expectClose(noncentralTCdf(t, df, nc), cdf);
  });

  it.each(reference.power)(
    'power(effect $effect, nobs1 $nobs1, alpha $alpha, ratio $ratio)',
    ({ effect, nobs1, alpha, ratio, power }) => {
      expectClose(tTestIndPower(effect, nobs1, alpha, ratio), power);
    },
  );

  it.each(reference.solve)(
    'tt_ind_solve_power(effect $effect, alpha $alpha, power $power, ratio $ratio)',
    ({ effect, alpha, power, ratio, nobs1 }) => {
      expectClose(tTestIndSolveNobs1(effect, alpha, power, ratio), nobs1);
    },
  );

  it('has no solution without a difference', () => {
    expect(tTestIndSolveNobs1(0, 0.05, 0.8, 1)).toBeNull();
  });
});
