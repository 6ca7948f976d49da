// Sample-ratio mismatch: a chi-square goodness-of-fit test of the exposed users per variation against
// the configured split (docs/experiments.md#statistics). A broken split means the assignment or the
// logging is biased, so no winner is declared whatever the lift.

import type { SampleRatioCheck } from '../experiment-results';
import { chiSquareSf } from './distributions';

/** p below this flags a mismatch: 0.001 is the industry norm (GrowthBook, Optimizely, Microsoft's ExP). */
export const SRM_ALPHA = 0.001;

export function sampleRatioCheck(
  observed: Readonly<Record<string, number>>,
  variationIds: readonly string[],
  expectedWeights?: Readonly<Record<string, number>>,
): SampleRatioCheck {
  const weights = variationIds.map((id) => (expectedWeights ? Math.max(0, expectedWeights[id] ?? 0) : 1));
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const total = variationIds.reduce((s, id) => s + (observed[id] ?? 0), 0);
  const expected: Record<string, number> = {};
  const observedOut: Record<string, number> = {};
  let chiSquare = 0;
  let categories = 0;
  variationIds.forEach((id, i) => {
    const o = observed[id] ?? 0;
    const e = weightSum > 0 ? (total * weights[i]) / weightSum : 0;
    expected[id] = e;
    observedOut[id] = o;
    if (e > 0) {
      categories += 1;
      chiSquare += ((o - e) * (o - e)) / e;
    } else if (o > 0) {
      // Users in a variation that should get none: the split is broken outright.
      chiSquare = Infinity;
    }
  });
  const pValue =
    total === 0 || categories < 2
      ? chiSquare === Infinity
        ? 0
        : 1
      : chiSquare === Infinity
        ? 0
        : chiSquareSf(chiSquare, categories - 1);
  return { chiSquare, pValue, mismatch: pValue < SRM_ALPHA, expected, observed: observedOut };
}
