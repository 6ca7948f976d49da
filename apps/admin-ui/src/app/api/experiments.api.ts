import { inject, Injectable } from '@angular/core';
import { ApiClient } from './api-client';
import type * as Dto from './generated/models';
import {
  archiveExperiment,
  archiveExperimentMetric,
  createExperiment,
  createExperimentMetric,
  getExperimentIterationResults,
  getExperimentStatusCount,
  listExperimentMetrics,
  listExperiments,
  listGuardedRollouts,
  removeExperimentData,
  startExperiment,
  stopExperiment,
  unwatchGuardedRollout,
  updateExperimentMetric,
  watchGuardedRollout,
  type ListExperimentMetrics$Params,
  type ListExperiments$Params,
} from './generated/functions';

export type ExperimentView = Dto.ExperimentViewDto;
export type ExperimentMetric = Dto.ExperimentMetricDto;
export type ExperimentMetricInput = Dto.ExperimentMetricInputDto;
export type NewExperiment = Dto.CreateExperimentDto;
export type IterationResults = Dto.IterationResultsDto;
export type ExperimentStatusCount = Dto.StatusCountDto;
export type GuardInput = Dto.GuardInputDto;

export type ExperimentListQuery = Omit<ListExperiments$Params, 'envId'>;
export type MetricListQuery = Omit<ListExperimentMetrics$Params, 'envId'>;

/** Experiments, their metrics, iteration results and guarded rollouts (docs/experiments.md). */
@Injectable({ providedIn: 'root' })
export class ExperimentsApi {
  private readonly api = inject(ApiClient);

  list(envId: string, query: ExperimentListQuery) {
    return this.api.call(listExperiments, {
      envId,
      ...query,
      featureFlagName: query.featureFlagName || undefined,
    });
  }

  statusCount(envId: string) {
    return this.api.call(getExperimentStatusCount, { envId });
  }

  create(envId: string, body: NewExperiment) {
    return this.api.call(createExperiment, { envId, body });
  }

  start(envId: string, experimentId: string) {
    return this.api.call(startExperiment, { envId, experimentId });
  }

  stop(envId: string, experimentId: string) {
    return this.api.call(stopExperiment, { envId, experimentId });
  }

  removeData(envId: string, experimentId: string) {
    return this.api.call(removeExperimentData, { envId, experimentId });
  }

  archive(envId: string, experimentId: string) {
    return this.api.call(archiveExperiment, { envId, experimentId });
  }

  iterationResults(envId: string, exptId: string, iterationId: string) {
    return this.api.call(getExperimentIterationResults, { envId, body: [{ exptId, iterationId }] });
  }

  metrics(envId: string, query: MetricListQuery) {
    return this.api.call(listExperimentMetrics, {
      envId,
      ...query,
      metricName: query.metricName || undefined,
    });
  }

  createMetric(envId: string, body: ExperimentMetricInput) {
    return this.api.call(createExperimentMetric, { envId, body });
  }

  updateMetric(envId: string, id: string, body: ExperimentMetricInput) {
    return this.api.call(updateExperimentMetric, { envId, id, body });
  }

  archiveMetric(envId: string, id: string) {
    return this.api.call(archiveExperimentMetric, { envId, id });
  }

  guardedRollouts(envId: string, key: string) {
    return this.api.call(listGuardedRollouts, { envId, key });
  }

  watchRollout(envId: string, key: string, body: GuardInput) {
    return this.api.call(watchGuardedRollout, { envId, key, body });
  }

  unwatchRollout(envId: string, key: string, metricId: string) {
    return this.api.call(unwatchGuardedRollout, { envId, key, metricId });
  }
}
