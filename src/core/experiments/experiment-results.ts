// The result of analysing one experiment iteration: FeatBit's `iteration-results` item shape
// (docs/experiments.md#statistics), with the engine's additions beside FeatBit's fields so FeatBit's
// console and scripts read what they expect and ours reads more.

import type { ExperimentVariationSample } from '../ports/analytics-query.port';

/** 'fixed': a fixed-horizon Welch test (FeatBit's); 'sequential': always-valid intervals, safe to peek at. */
export const ANALYSIS_METHODS = ['fixed', 'sequential'] as const;
export type AnalysisMethod = (typeof ANALYSIS_METHODS)[number];

export interface AnalysisInput {
  /** conversion: a user's value is 1 when converted; numeric: the sum of their metric values. */
  kind: 'conversion' | 'numeric';
  samples: readonly ExperimentVariationSample[];
  /** Every variation of the flag in the flag's order; a variation without a sample gets a zero sample. */
  variationIds: readonly string[];
  baselineVariationId: string;
  /** Significance level in (0, 1): 1 − the experiment's confidence level. */
  alpha: number;
  /** FeatBit's power for the required-sample-size gate; 0.8 when absent. */
  power?: number;
  method: AnalysisMethod;
  /** FeatBit's customEventSuccessCriteria: 2 = lower is better, anything else = higher is better. */
  successCriteria: number;
  /**
   * Expected share of exposures per variation (any positive weights, e.g. the rollout's percentages)
   * for the sample-ratio-mismatch check; equal shares when absent.
   */
  expectedWeights?: Readonly<Record<string, number>>;
}

export interface BayesianResult {
  /** P(this variation's mean > the baseline's) under the stated priors (lower is better: <). */
  chanceToBeatBaseline: number;
  /** Expected loss of choosing this variation over the baseline, in relative-lift units. */
  expectedLoss: number;
  /** Credible interval of the relative lift at 1 − alpha. */
  credibleInterval: [number, number];
}

/** One row per flag variation: FeatBit's fields first (their string forms as FeatBit sends them). */
export interface VariationResult {
  variationId: string;
  // conversion metrics
  uniqueUsers?: number;
  conversion?: number;
  conversionRate?: string;
  // numeric metrics (totalEvents = users with at least one metric event, as FeatBit)
  totalEvents?: number;
  average?: string;
  /** Relative-lift interval at the experiment's level (corrected for A/B/n, see `correction`). */
  confidenceInterval: [string, string] | null;
  pValue: string | null;
  effectSize: string | null;
  isBaseline: boolean;
  isWinner: boolean;
  isInvalid: boolean;
  reason: string;
  // beyond FeatBit
  /** Users exposed to the variation (conversion and numeric alike). */
  exposedUsers: number;
  requiredSampleSize: number | null;
  bayesian: BayesianResult | null;
}

export interface SampleRatioCheck {
  chiSquare: number;
  pValue: number;
  /** p below SRM_ALPHA: the split is broken, so no winner is declared. */
  mismatch: boolean;
  expected: Record<string, number>;
  observed: Record<string, number>;
}

export interface IterationAnalysis {
  method: AnalysisMethod;
  alpha: number;
  power: number;
  /** How the baseline comparisons are corrected when there are several treatments. */
  correction: string;
  srm: SampleRatioCheck;
  results: VariationResult[];
}
