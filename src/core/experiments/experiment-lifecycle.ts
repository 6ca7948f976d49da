// An experiment's iterations over time (docs/experiments.md#lifecycle): pure transitions the
// experiment service applies inside its transaction. FeatBit's behaviour, from its
// modules/back-end/src/Infrastructure/Services/EntityFrameworkCore/ExperimentService.cs.

import type { FeatureFlag } from '../flags/feature-flag';
import type { AnalysisInput } from './experiment-results';
import type { Experiment, ExperimentIteration, ExperimentMetric } from './experiments';

/** An iteration's stored results stop changing this long after it ended (FeatBit's IsLocked). */
export const LOCK_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

export function isLocked(iteration: ExperimentIteration, now: Date): boolean {
  if (!iteration.isFinish || !iteration.endTime) return false;
  return now.getTime() - Date.parse(iteration.endTime) >= LOCK_AFTER_MS;
}

export function isRunning(iteration: ExperimentIteration): boolean {
  return !iteration.isArchived && iteration.endTime === null;
}

/** FeatBit's numeric path: a custom event tracked as a number; everything else is a conversion. */
export function metricKind(
  eventType: number | undefined,
  trackOption: number | undefined,
): AnalysisInput['kind'] {
  return eventType === 1 && trackOption === 2 ? 'numeric' : 'conversion';
}

/** A new iteration starting now, with the metric's event fields snapshotted as FeatBit does. */
export function newIteration(id: string, metric: ExperimentMetric, now: Date): ExperimentIteration {
  return {
    id,
    startTime: now.toISOString(),
    endTime: null,
    updatedAt: null,
    isArchived: false,
    isFinish: false,
    eventType: metric.eventType,
    eventName: metric.eventName,
    customEventTrackOption: metric.customEventTrackOption,
    customEventUnit: metric.customEventUnit,
    customEventSuccessCriteria: metric.customEventSuccessCriteria,
    results: [],
  };
}

/** Ends every running iteration at `now`; returns the ones it ended (their results need a final pass). */
export function closeRunning(experiment: Experiment, now: Date): ExperimentIteration[] {
  const closed: ExperimentIteration[] = [];
  for (const iteration of experiment.iterations) {
    if (iteration.endTime !== null) continue;
    iteration.endTime = now.toISOString();
    iteration.isFinish = true;
    closed.push(iteration);
  }
  return closed;
}

/**
 * The split the experiment's traffic is expected to follow, for the sample-ratio check: the default
 * rule's rollout shares when it is in the experiment, else equal shares (a rule-level split needs
 * the population of each rule, which the server does not know).
 */
export function expectedWeights(flag: FeatureFlag): Record<string, number> | undefined {
  if (!flag.fallthrough.includedInExpt && !flag.exptIncludeAllTargets) return undefined;
  const weights: Record<string, number> = {};
  for (const v of flag.fallthrough.variations) {
    const share = Math.max(0, v.rollout[1] - v.rollout[0]);
    if (share > 0) weights[v.id] = (weights[v.id] ?? 0) + share;
  }
  return Object.keys(weights).length > 1 ? weights : undefined;
}
