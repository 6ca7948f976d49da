// Experiments and metrics (docs/reference/data-model.md#experiments). Schemas now; features arrive later.

export interface TargetUrl {
  id: string;
  matchType: number;
  url: string;
}

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

export interface ExperimentIteration {
  id: string;
  startTime: string;
  endTime: string | null;
  updatedAt: string;
  isArchived: boolean;
  isFinish: boolean;
  results: Record<string, unknown>[];
  [extra: string]: unknown;
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
  iterations: ExperimentIteration[];
  createdAt: string;
  updatedAt: string;
}
