import { Injectable } from '@nestjs/common';
import { analyseIteration } from '../../core/experiments/analyse-iteration';
import { expectedWeights, isLocked, metricKind } from '../../core/experiments/experiment-lifecycle';
import type { IterationAnalysis } from '../../core/experiments/experiment-results';
import {
  type Experiment,
  type ExperimentIteration,
  type IterationHistoryPoint,
  METRIC_EVENT_TYPES,
  type MetricEventType,
} from '../../core/experiments/experiments';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { AnalyticsQuery } from '../../core/ports/analytics-query.port';
import { DataStore } from '../../core/ports/data-store.port';

/** A history point is kept at most this often, and at most this many per iteration (30 days hourly). */
const HISTORY_STEP_MS = 3600_000;
const HISTORY_MAX = 720;

export interface IterationResultsView {
  id: string;
  isUpdated: boolean;
  updatedAt: string | null;
  isFinish: boolean;
  results: ExperimentIteration['results'];
  analysis: ExperimentIteration['analysis'] | null;
  history: IterationHistoryPoint[];
}

/**
 * Computes an iteration's results from the analytics store (never from times the client sends,
 * unlike FeatBit) and stores them on the iteration; a locked iteration answers what it stored.
 */
@Injectable()
export class ExperimentResultsService {
  constructor(
    private readonly analytics: AnalyticsQuery,
    private readonly data: DataStore,
  ) {}

  /** The analysis of one iteration as of `now` (its end when it ended). */
  async analyse(
    experiment: Experiment,
    iteration: ExperimentIteration,
    flag: FeatureFlag,
    now: Date,
  ): Promise<IterationAnalysis> {
    const eventType = (iteration.eventType ?? 1) as MetricEventType;
    const endMs = iteration.endTime ? Date.parse(iteration.endTime) : now.getTime();
    const samples = await this.analytics.experimentSamples({
      envId: experiment.envId,
      flagKey: flag.key,
      metricEvent: METRIC_EVENT_TYPES[eventType] ?? 'CustomEvent',
      metricEventName: iteration.eventName ?? '',
      fromUs: Date.parse(iteration.startTime) * 1000,
      toUs: endMs * 1000,
    });
    return analyseIteration({
      kind: metricKind(iteration.eventType, iteration.customEventTrackOption),
      samples: samples.variations,
      variationIds: flag.variations.map((v) => v.id),
      baselineVariationId: experiment.baselineVariationId,
      alpha: experiment.alpha,
      method: experiment.method,
      successCriteria: iteration.customEventSuccessCriteria ?? 1,
      expectedWeights: expectedWeights(flag),
    });
  }

  /** Fills the iteration (in place) with its analysis as of `now`, and returns it. */
  async refresh(
    experiment: Experiment,
    iteration: ExperimentIteration,
    flag: FeatureFlag,
    now: Date,
  ): Promise<IterationAnalysis> {
    const analysis = await this.analyse(experiment, iteration, flag, now);
    apply(iteration, analysis, now);
    return analysis;
  }

  /**
   * FeatBit's `iteration-results`: each requested iteration of the environment's experiments, computed
   * afresh unless locked, and stored. Unknown ids are skipped, as FeatBit does.
   */
  async results(
    envId: string,
    requests: readonly { exptId: string; iterationId: string }[],
    load: (experiment: Experiment) => Promise<FeatureFlag | null>,
    now = new Date(),
  ): Promise<IterationResultsView[]> {
    const out: IterationResultsView[] = [];
    for (const request of requests) {
      const experiment = await this.data.experiments.findById(request.exptId);
      if (!experiment || experiment.envId !== envId) continue;
      const iteration = experiment.iterations.find((i) => i.id === request.iterationId);
      const flag = iteration ? await load(experiment) : null;
      if (!iteration || !flag) continue;
      if (isLocked(iteration, now)) {
        out.push(view(iteration, false));
        continue;
      }
      const analysis = await this.analyse(experiment, iteration, flag, now);
      const stored = await this.store(experiment.id, iteration.id, analysis, now);
      if (stored) out.push(view(stored, true));
    }
    return out;
  }

  /**
   * Stores an iteration's analysis on the experiment as it is now (re-read in the transaction: a
   * start, stop or guard change made meanwhile stays; only the results, and what `also` changes, are
   * written). Computed data, so no audit entry. Null when the experiment or iteration is gone.
   */
  store(
    experimentId: string,
    iterationId: string,
    analysis: IterationAnalysis,
    now: Date,
    also?: (current: Experiment) => void,
  ): Promise<ExperimentIteration | null> {
    return this.data.transaction(async (tx) => {
      const current = await tx.experiments.findById(experimentId);
      const target = current?.iterations.find((i) => i.id === iterationId);
      if (!current || !target) return null;
      apply(target, analysis, now);
      also?.(current);
      await tx.experiments.update(current);
      return target;
    });
  }
}

function apply(iteration: ExperimentIteration, analysis: IterationAnalysis, now: Date): void {
  const { results, ...rest } = analysis;
  iteration.results = results;
  iteration.analysis = rest;
  iteration.updatedAt = now.toISOString();
  iteration.isFinish = iteration.endTime !== null && Date.parse(iteration.endTime) <= now.getTime();
  const history = iteration.history ?? [];
  const previous = history.at(-2);
  const point: IterationHistoryPoint = {
    at: now.toISOString(),
    results: results.map((r) => ({
      variationId: r.variationId,
      effectSize: r.effectSize,
      confidenceInterval: r.confidenceInterval,
      isWinner: r.isWinner,
    })),
  };
  // The last point always holds the latest analysis; it is kept as a point of its own once it is
  // HISTORY_STEP_MS after the one before it.
  if (previous && now.getTime() - Date.parse(previous.at) < HISTORY_STEP_MS)
    history[history.length - 1] = point;
  else history.push(point);
  iteration.history = history.slice(-HISTORY_MAX);
}

function view(iteration: ExperimentIteration, isUpdated: boolean): IterationResultsView {
  return {
    id: iteration.id,
    isUpdated,
    updatedAt: iteration.updatedAt,
    isFinish: iteration.isFinish,
    results: iteration.results,
    analysis: iteration.analysis ?? null,
    history: iteration.history ?? [],
  };
}
