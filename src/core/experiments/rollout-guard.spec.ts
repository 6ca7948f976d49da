import type { FeatureFlag } from '../flags/feature-flag';
import type { IterationAnalysis, VariationResult } from './experiment-results';
import {
  findRegression,
  guardedRollout,
  isPercentageRollout,
  rollbackReason,
  rolledBack,
} from './rollout-guard';

function result(
  variationId: string,
  lift: number | null,
  ci: [number, number] | null,
  isBaseline = false,
): VariationResult {
  return {
    variationId,
    confidenceInterval: ci ? [String(ci[0]), String(ci[1])] : null,
    pValue: ci ? '0.001' : null,
    effectSize: lift === null ? null : String(lift),
    isBaseline,
    isWinner: false,
    isInvalid: true,
    reason: '',
    exposedUsers: 100,
    requiredSampleSize: null,
    bayesian: null,
  };
}

function analysis(...results: VariationResult[]): IterationAnalysis {
  return {
    method: 'sequential',
    alpha: 0.05,
    power: 0.8,
    correction: 'none',
    srm: { chiSquare: 0, pValue: 1, mismatch: false, expected: {}, observed: {} },
    results,
  };
}

describe('findRegression', () => {
  const base = result('a', 0, [0, 0], true);

  it('finds a treatment whose whole interval is below 0 when higher is better', () => {
    const found = findRegression(analysis(base, result('b', -0.2, [-0.3, -0.1])), 1);
    expect(found?.result.variationId).toBe('b');
    expect(found?.interval).toEqual([-0.3, -0.1]);
  });

  it('ignores an interval that crosses 0, a missing interval and the baseline', () => {
    expect(findRegression(analysis(base, result('b', -0.2, [-0.3, 0.01])), 1)).toBeNull();
    expect(findRegression(analysis(base, result('b', null, null)), 1)).toBeNull();
    expect(findRegression(analysis(result('a', -0.5, [-0.6, -0.4], true)), 1)).toBeNull();
  });

  it('reads a rise as the regression when lower is better, and a fall as fine', () => {
    expect(findRegression(analysis(base, result('b', 0.2, [0.1, 0.3])), 2)?.lift).toBe(0.2);
    expect(findRegression(analysis(base, result('b', -0.2, [-0.3, -0.1])), 2)).toBeNull();
  });

  it('picks the worst of several regressions', () => {
    const found = findRegression(
      analysis(base, result('b', -0.1, [-0.15, -0.05]), result('c', -0.4, [-0.5, -0.3])),
      1,
    );
    expect(found?.result.variationId).toBe('c');
  });
});

describe('rolling back', () => {
  const flag = {
    fallthrough: {
      dispatchKey: null,
      includedInExpt: true,
      variations: [
        { id: 'a', rollout: [0, 0.9], exptRollout: 1 },
        { id: 'b', rollout: [0.9, 1], exptRollout: 1 },
      ],
    },
    rules: [
      {
        id: 'r1',
        name: 'beta',
        dispatchKey: null,
        includedInExpt: true,
        conditions: [],
        variations: [
          { id: 'a', rollout: [0, 0.5], exptRollout: 1 },
          { id: 'b', rollout: [0.5, 1], exptRollout: 1 },
        ],
      },
    ],
  } as unknown as FeatureFlag;

  it('serves the baseline to all of the default rule, leaving the rules as they are', () => {
    const next = rolledBack(flag, null, 'a');
    expect(next.fallthrough.variations).toEqual([{ id: 'a', rollout: [0, 1], exptRollout: 1 }]);
    expect(next.rules).toBe(flag.rules);
  });

  it('serves the baseline to all of one rule, leaving the default rule as it is', () => {
    const next = rolledBack(flag, 'r1', 'a');
    expect(next.rules[0].variations).toEqual([{ id: 'a', rollout: [0, 1], exptRollout: 1 }]);
    expect(next.fallthrough).toBe(flag.fallthrough);
  });

  it('tells a percentage rollout from a single variation, and a missing rule', () => {
    expect(isPercentageRollout(guardedRollout(flag, null)!)).toBe(true);
    expect(isPercentageRollout(rolledBack(flag, null, 'a').fallthrough.variations)).toBe(false);
    expect(guardedRollout(flag, 'gone')).toBeNull();
  });

  it('names the metric and the numbers in the reason', () => {
    const text = rollbackReason(
      'Errors',
      { result: result('b', -0.2, [-0.3, -0.1]), lift: -0.2, interval: [-0.3, -0.1] },
      'New',
    );
    expect(text).toBe(
      'Guardrail "Errors" regressed on New: lift -20.00%, interval [-30.00%, -10.00%], p 0.001; rolled back to the baseline',
    );
  });
});
