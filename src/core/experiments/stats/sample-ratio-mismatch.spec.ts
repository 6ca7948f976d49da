import { SRM_ALPHA, sampleRatioCheck } from './sample-ratio-mismatch';

// scipy.stats.chisquare values; the full cases are in analyse-iteration.spec.ts.

describe('sample-ratio mismatch', () => {
  it('uses the industry threshold', () => {
    expect(SRM_ALPHA).toBe(0.001);
  });

  it('matches scipy.stats.chisquare([5000, 5600]) with equal shares', () => {
    const check = sampleRatioCheck({ a: 5000, b: 5600 }, ['a', 'b']);
    expect(check.chiSquare).toBeCloseTo(33.962264150943398, 9);
    expect(check.pValue).toBeLessThan(SRM_ALPHA);
    expect(check.mismatch).toBe(true);
  });

  it('reads the configured weights', () => {
    const check = sampleRatioCheck({ a: 2000, b: 8000 }, ['a', 'b'], { a: 20, b: 80 });
    expect(check).toMatchObject({ chiSquare: 0, pValue: 1, mismatch: false, expected: { a: 2000, b: 8000 } });
  });

  it('flags users in a variation that should get none', () => {
    const check = sampleRatioCheck({ a: 10, b: 1 }, ['a', 'b'], { a: 1 });
    expect(check).toMatchObject({ chiSquare: Infinity, pValue: 0, mismatch: true });
  });

  it('has nothing to test without users', () => {
    expect(sampleRatioCheck({}, ['a', 'b'])).toMatchObject({ chiSquare: 0, pValue: 1, mismatch: false });
  });
});
