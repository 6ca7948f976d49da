// Experiments and metrics (docs/experiments.md): FeatBit's records, with the analysis method added.

import type { AnalysisMethod, IterationAnalysis, VariationResult } from './experiment-results';

export interface TargetUrl {
  id: string;
  matchType: number;
  url: string;
}

/** FeatBit's EventType: the stored insight event of each. */
export const METRIC_EVENT_TYPES = { 1: 'CustomEvent', 2: 'PageView', 3: 'Click' } as const;
export type MetricEventType = keyof typeof METRIC_EVENT_TYPES;

export interface ExperimentMetric {
  id: string;
  envId: string;
  name: string;
  description: string;
  maintainerUserId: string;
  eventName: string;
  /** 1 Custom, 2 PageView, 3 Click. */
  eventType: number;
  /** 0 none, 1 Conversion, 2 Numeric. */
  customEventTrackOption: number;
  customEventUnit: string;
  /** 0 none, 1 higher is better, 2 lower is better. */
  customEventSuccessCriteria: number;
  elementTargets: string;
  targetUrls: TargetUrl[];
  isArchived: boolean;
  createdAt: string;
  updatedAt: string;
}

export const EXPERIMENT_STATUSES = ['NotStarted', 'Recording', 'Paused'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** A point of the lift-over-time chart: the analysis as it stood at `at`. */
export interface IterationHistoryPoint {
  at: string;
  results: Pick<VariationResult, 'variationId' | 'effectSize' | 'confidenceInterval' | 'isWinner'>[];
}

export interface ExperimentIteration {
  id: string;
  startTime: string;
  endTime: string | null;
  updatedAt: string | null;
  isArchived: boolean;
  isFinish: boolean;
  // The metric as it was when the iteration started (FeatBit snapshots these).
  eventType?: number;
  eventName?: string;
  customEventTrackOption?: number;
  customEventUnit?: string;
  customEventSuccessCriteria?: number;
  results: VariationResult[] | Record<string, unknown>[];
  // beyond FeatBit
  analysis?: Omit<IterationAnalysis, 'results'>;
  history?: IterationHistoryPoint[];
}

export const GUARD_STATUSES = ['Watching', 'RolledBack', 'Stopped'] as const;
export type GuardStatus = (typeof GUARD_STATUSES)[number];

/**
 * A guarded rollout (not in FeatBit): the experiment's metric is a guardrail watched by the sequential
 * test while a percentage rollout runs; a significant regression serves the baseline to everyone.
 */
export interface RolloutGuard {
  /** The targeting rule whose rollout is guarded; null: the default rule. */
  ruleId: string | null;
  status: GuardStatus;
  checkedAt: string | null;
  /** Why it rolled back (metric, variation, lift and interval), or why it stopped. */
  reason: string;
  rolledBackAt: string | null;
}

export interface Experiment {
  id: string;
  envId: string;
  metricId: string;
  featureFlagId: string;
  isArchived: boolean;
  status: ExperimentStatus;
  baselineVariationId: string;
  alpha: number;
  /** Not in FeatBit: fixed-horizon (FeatBit's test) or sequential (safe to look at any time). */
  method: AnalysisMethod;
  /** Set when the experiment guards a rollout; null for a plain experiment. */
  guard: RolloutGuard | null;
  iterations: ExperimentIteration[];
  createdAt: string;
  updatedAt: string;
}
