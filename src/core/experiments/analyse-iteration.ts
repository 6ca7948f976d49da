// The statistics engine: one iteration's samples in, FeatBit's `iteration-results` items out, with the
// engine's additions (docs/experiments.md#statistics). FeatBit's method and gates are those of
// OnlineTTest in modules/data-analytics/app/experimentation/models/experiment/experiment_types.py, with
// the fixes listed in docs/experiments.md#featbits-defects-fixed. Pure: no I/O.

import type {
  AnalysisInput,
  BayesianResult,
  IterationAnalysis,
  SampleRatioCheck,
  VariationResult,
} from './experiment-results';
import type { ExperimentVariationSample } from '../ports/analytics-query.port';
import { compareConversions, compareMeans } from './stats/bayesian';
import { formatFloatPositional, pythonFloatRepr } from './stats/python-format';
import type { LiftTest, SampleStats } from './stats/relative-lift-tests';
import {
  requiredSampleSize,
  sequentialRelativeLiftTest,
  welchRelativeLiftTest,
} from './stats/relative-lift-tests';
import { SRM_ALPHA, sampleRatioCheck } from './stats/sample-ratio-mismatch';

/** FeatBit's FrequenstSettings.min_sample_size. */
const MIN_SAMPLE_SIZE = 30;
const DEFAULT_POWER = 0.8;

/** The unformatted numbers behind one row (tests compare them with the reference values). */
export interface RowNumbers {
  variationId: string;
  stats: SampleStats;
  /** Null when a gate stopped the test before it ran (and for the baseline). */
  test: LiftTest | null;
  /** The p-value after the A/B/n correction (what `pValue` shows and the gate compares with alpha). */
  adjustedP: number | null;
  significant: boolean;
}

/** Per-user statistics of one variation, as FeatBit computes them. */
export function sampleStats(kind: AnalysisInput['kind'], sample: ExperimentVariationSample): SampleStats {
  if (kind === 'conversion') {
    const mean = sample.users > 0 ? sample.converted / sample.users : 0;
    return { n: sample.users, mean, variance: mean * (1 - mean) };
  }
  // Numeric: only users with a metric event count (FeatBit's inner join); sample variance (ddof 1).
  const n = sample.converted;
  const mean = n > 0 ? sample.sum / n : 0;
  if (n < 2) return { n, mean, variance: 0 };
  // Σx² − Σx·mean loses digits when the values barely vary: what is left at rounding level is zero.
  const spread = sample.sumSquares - sample.sum * mean;
  const variance = spread <= 8 * Number.EPSILON * Math.abs(sample.sumSquares) ? 0 : spread / (n - 1);
  return { n, mean, variance };
}

/** FeatBit's gates 1–3 plus the zero-mean gate: the reason the test cannot run, or null. */
function gateReason(control: SampleStats, treatment: SampleStats): string | null {
  if (control.n < MIN_SAMPLE_SIZE || treatment.n < MIN_SAMPLE_SIZE)
    return 'quantity of control or traitement is too small';
  if (control.variance === 0) return 'control is empty';
  if (treatment.variance === 0) return 'traitement is empty';
  // FeatBit divides by zero here; the relative lift of a zero baseline mean is undefined.
  if (control.mean === 0) return 'control mean is 0: relative lift is undefined';
  return null;
}

function emptyRow(
  variationId: string,
  kind: AnalysisInput['kind'],
  sample: ExperimentVariationSample,
  stats: SampleStats,
): VariationResult {
  const fields: Partial<VariationResult> =
    kind === 'conversion'
      ? {
          uniqueUsers: sample.users,
          conversion: sample.converted,
          conversionRate: formatFloatPositional(stats.mean),
        }
      : { totalEvents: sample.converted, average: formatFloatPositional(stats.mean) };
  return {
    variationId,
    ...fields,
    confidenceInterval: null,
    pValue: null,
    effectSize: null,
    isBaseline: false,
    isWinner: false,
    isInvalid: true,
    reason: '',
    exposedUsers: sample.users,
    requiredSampleSize: null,
    bayesian: null,
  };
}

/** The analysis with the unformatted numbers of every row. */
export function analyseIterationWithNumbers(input: AnalysisInput): {
  analysis: IterationAnalysis;
  numbers: RowNumbers[];
} {
  const power = input.power ?? DEFAULT_POWER;
  const lowerIsBetter = input.successCriteria === 2;
  const byId = new Map(input.samples.map((s) => [s.variationId, s]));
  const sampleOf = (id: string): ExperimentVariationSample =>
    byId.get(id) ?? { variationId: id, users: 0, converted: 0, sum: 0, sumSquares: 0 };
  const control = sampleOf(input.baselineVariationId);
  const controlStats = sampleStats(input.kind, control);
  const treatments = input.variationIds.filter((id) => id !== input.baselineVariationId).length;
  // Bonferroni: each of the k baseline comparisons runs at alpha/k (docs/experiments.md#statistics).
  const k = Math.max(1, treatments);
  const testAlpha = input.alpha / k;
  const srm = sampleRatioCheck(
    Object.fromEntries(input.variationIds.map((id) => [id, sampleOf(id).users])),
    input.variationIds,
    input.expectedWeights,
  );

  const numbers: RowNumbers[] = [];
  const results = input.variationIds.map((id): VariationResult => {
    const sample = sampleOf(id);
    const stats = sampleStats(input.kind, sample);
    const row = emptyRow(id, input.kind, sample, stats);
    const rowNumbers: RowNumbers = {
      variationId: id,
      stats,
      test: null,
      adjustedP: null,
      significant: false,
    };
    numbers.push(rowNumbers);
    if (id === input.baselineVariationId) {
      // Checked first: FeatBit let the sample gates give the baseline row another reason.
      return {
        ...row,
        confidenceInterval: ['0', '0'],
        pValue: '1',
        effectSize: '0',
        isBaseline: true,
        reason: 'is baseline',
      };
    }
    const gate = gateReason(controlStats, stats);
    if (gate !== null) return { ...row, reason: gate };

    const test =
      input.method === 'fixed'
        ? welchRelativeLiftTest(controlStats, stats, testAlpha)
        : sequentialRelativeLiftTest(controlStats, stats, testAlpha);
    const adjustedP = Math.min(1, test.pValue * k);
    const required = requiredSampleSize(controlStats, stats, testAlpha, power);
    Object.assign(rowNumbers, { test, adjustedP });
    const filled: VariationResult = {
      ...row,
      confidenceInterval: [formatFloatPositional(test.ci[0]), formatFloatPositional(test.ci[1])],
      pValue: formatFloatPositional(adjustedP),
      effectSize: formatFloatPositional(test.delta),
      requiredSampleSize: required,
      bayesian: bayesian(input, control, sample, controlStats, stats, lowerIsBetter),
    };
    if (adjustedP >= input.alpha) {
      return {
        ...filled,
        reason: `p_value >= alpha (${pythonFloatRepr(adjustedP)} >= ${pythonFloatRepr(input.alpha)})`,
      };
    }
    // FeatBit's power gate belongs to the fixed horizon; a sequential interval is valid at any size.
    if (input.method === 'fixed' && required !== null && stats.n < required) {
      return { ...filled, reason: `sample size is too small (${stats.n} < ${pythonFloatRepr(required)})` };
    }
    rowNumbers.significant = true;
    return { ...filled, isInvalid: false };
  });

  crownWinner(results, numbers, lowerIsBetter, srm);
  const analysis: IterationAnalysis = {
    method: input.method,
    alpha: input.alpha,
    power,
    correction: treatments > 1 ? 'bonferroni' : 'none',
    srm,
    results,
  };
  return { analysis, numbers };
}

export function analyseIteration(input: AnalysisInput): IterationAnalysis {
  return analyseIterationWithNumbers(input).analysis;
}

function bayesian(
  input: AnalysisInput,
  control: ExperimentVariationSample,
  treatment: ExperimentVariationSample,
  controlStats: SampleStats,
  treatmentStats: SampleStats,
  lowerIsBetter: boolean,
): BayesianResult {
  const level = 1 - input.alpha;
  return input.kind === 'conversion'
    ? compareConversions(control, treatment, level, lowerIsBetter)
    : compareMeans(controlStats, treatmentStats, level, lowerIsBetter);
}

/**
 * FeatBit's winner rule with its defects fixed: "lower is better" crowns only the most negative
 * significant lift, "higher is better" only the most positive; a sample-ratio mismatch crowns nobody.
 */
function crownWinner(
  results: VariationResult[],
  numbers: RowNumbers[],
  lowerIsBetter: boolean,
  srm: SampleRatioCheck,
): void {
  const significant = numbers.flatMap((n, i) =>
    n.significant && n.test ? [{ i, delta: n.test.delta }] : [],
  );
  if (srm.mismatch) {
    for (const { i } of significant) {
      results[i] = {
        ...results[i],
        isInvalid: true,
        reason: `sample ratio mismatch (p = ${pythonFloatRepr(srm.pValue)} < ${pythonFloatRepr(SRM_ALPHA)}): no winner`,
      };
    }
    return;
  }
  const candidates = significant.filter(({ delta }) => (lowerIsBetter ? delta < 0 : delta > 0));
  if (candidates.length === 0) return;
  const best = candidates.reduce((a, b) =>
    lowerIsBetter ? (b.delta < a.delta ? b : a) : b.delta > a.delta ? b : a,
  );
  results[best.i] = { ...results[best.i], isWinner: true };
}
