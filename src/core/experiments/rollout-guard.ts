// Guarded rollouts (docs/experiments.md#guarded-rollouts): what the watcher decides from an
// iteration's sequential analysis, and the targeting change that rolls a rollout back. Pure.

import type { FeatureFlag, RolloutVariation } from '../flags/feature-flag';
import type { IterationAnalysis, VariationResult } from './experiment-results';

export interface Regression {
  result: VariationResult;
  lift: number;
  interval: [number, number];
}

/**
 * The worst significant regression of a treatment against the baseline, or null. Regression means
 * the whole interval of the relative lift is on the bad side of 0: below it when higher is better,
 * above it when lower is better. The sequential interval is valid at every look, so checking on
 * every tick does not inflate false alarms.
 */
export function findRegression(analysis: IterationAnalysis, successCriteria: number): Regression | null {
  const lowerIsBetter = successCriteria === 2;
  let worst: Regression | null = null;
  for (const result of analysis.results) {
    if (result.isBaseline || !result.confidenceInterval || result.effectSize === null) continue;
    const interval: [number, number] = [
      Number(result.confidenceInterval[0]),
      Number(result.confidenceInterval[1]),
    ];
    const lift = Number(result.effectSize);
    if (!interval.every(Number.isFinite) || !Number.isFinite(lift)) continue;
    const bad = lowerIsBetter ? interval[0] > 0 : interval[1] < 0;
    if (!bad) continue;
    const badness = lowerIsBetter ? lift : -lift;
    if (!worst || badness > (lowerIsBetter ? worst.lift : -worst.lift)) worst = { result, lift, interval };
  }
  return worst;
}

/** The guarded rule's rollout as it is; null when the rule no longer exists. */
export function guardedRollout(flag: FeatureFlag, ruleId: string | null): RolloutVariation[] | null {
  if (ruleId === null) return flag.fallthrough.variations;
  return flag.rules.find((r) => r.id === ruleId)?.variations ?? null;
}

/** Whether the rule splits traffic between several variations (what a guard may watch). */
export function isPercentageRollout(variations: readonly RolloutVariation[]): boolean {
  return variations.filter((v) => v.rollout[1] - v.rollout[0] > 0).length > 1;
}

/** The flag's targeting with the guarded rule serving the baseline to everyone it matches. */
export function rolledBack(
  flag: FeatureFlag,
  ruleId: string | null,
  baselineVariationId: string,
): Pick<FeatureFlag, 'fallthrough' | 'rules'> {
  const all: RolloutVariation[] = [{ id: baselineVariationId, rollout: [0, 1], exptRollout: 1 }];
  if (ruleId === null) return { fallthrough: { ...flag.fallthrough, variations: all }, rules: flag.rules };
  return {
    fallthrough: flag.fallthrough,
    rules: flag.rules.map((r) => (r.id === ruleId ? { ...r, variations: all } : r)),
  };
}

/** The audit comment of a rollback: the metric and the numbers that decided it. */
export function rollbackReason(metricName: string, regression: Regression, variationName: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  return (
    `Guardrail "${metricName}" regressed on ${variationName}: lift ${pct(regression.lift)}, ` +
    `interval [${pct(regression.interval[0])}, ${pct(regression.interval[1])}], ` +
    `p ${regression.result.pValue ?? 'n/a'}; rolled back to the baseline`
  );
}
