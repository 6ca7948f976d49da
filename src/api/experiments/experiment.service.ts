import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { closeRunning, newIteration } from '../../core/experiments/experiment-lifecycle';
import type { AnalysisMethod } from '../../core/experiments/experiment-results';
import type {
  Experiment,
  ExperimentIteration,
  ExperimentMetric,
  ExperimentStatus,
  RolloutGuard,
} from '../../core/experiments/experiments';
import type { FeatureFlag, Variation } from '../../core/flags/feature-flag';
import type { Actor } from '../../core/iam/actor';
import { DataStore } from '../../core/ports/data-store.port';
import { ExperimentMetricRepository, ExperimentRepository } from '../../core/ports/integrations.repositories';
import { DuplicateKeyError } from '../../core/shared/errors';
import { FlagRepository } from '../../core/ports/targeting.repositories';
import { AuditTrail } from '../audit/audit-trail.service';
import { BusinessRuleError, ResourceNotFoundError, ValidationFailedError } from '../http/api-errors';
import { ExperimentResultsService, type IterationResultsView } from './experiment-results.service';

export interface ExperimentInput {
  featureFlagId: string;
  metricId: string;
  baseLineVariationId: string;
  alpha?: number;
  method?: AnalysisMethod;
}

/** FeatBit's ExperimentVm: the experiment joined with its flag and metric. */
export interface ExperimentView {
  id: string;
  baselineVariationId: string;
  baselineVariation: Variation | null;
  variations: Variation[];
  featureFlagId: string;
  featureFlagKey: string;
  featureFlagName: string;
  metricId: string;
  metricName: string;
  metricEventName: string;
  metricEventType: number;
  metricCustomEventTrackOption: number;
  metricCustomEventSuccessCriteria: number;
  metricCustomEventUnit: string;
  status: ExperimentStatus;
  iterations: ExperimentIteration[];
  alpha: number;
  method: AnalysisMethod;
  guard: RolloutGuard | null;
  createdAt: string;
}

export interface ExperimentFilter {
  featureFlagName?: string;
  featureFlagId?: string;
  pageIndex: number;
  /** -1: every experiment (FeatBit's console asks for all of a flag's). */
  pageSize: number;
}

/**
 * Experiments of an environment (docs/experiments.md#lifecycle): every write commits with its audit
 * entry; ending an iteration stores its final results at the experiment's own confidence level
 * (FeatBit uses 0.05 there whatever the experiment says).
 */
@Injectable()
export class ExperimentService {
  constructor(
    private readonly store: DataStore,
    private readonly experiments: ExperimentRepository,
    private readonly metrics: ExperimentMetricRepository,
    private readonly flags: FlagRepository,
    private readonly results: ExperimentResultsService,
    private readonly audit: AuditTrail,
  ) {}

  async find(envId: string, id: string): Promise<Experiment> {
    const experiment = await this.experiments.findById(id);
    if (!experiment || experiment.envId !== envId) throw new ResourceNotFoundError('experiment');
    return normalise(experiment);
  }

  /**
   * Only one experiment that is not archived per (flag, metric): creating it again answers that one.
   * The unique index uq_experiments_active_slot holds the rule under concurrent creates as well.
   */
  async create(
    actor: Actor,
    organizationId: string,
    envId: string,
    input: ExperimentInput,
  ): Promise<Experiment> {
    const flag = await this.flags.findById(input.featureFlagId);
    if (!flag || flag.envId !== envId) throw invalid('featureFlagId', 'is not a flag of this environment');
    const metric = await this.metrics.findById(input.metricId);
    if (!metric || metric.envId !== envId) throw invalid('metricId', 'is not a metric of this environment');
    if (metric.isArchived) throw invalid('metricId', 'is archived');
    if (!flag.variations.some((v) => v.id === input.baseLineVariationId)) {
      throw invalid('baseLineVariationId', 'is not a variation of the flag');
    }
    const existing = await this.activeFor(envId, flag.id, metric.id);
    if (existing) return existing;
    const now = new Date().toISOString();
    try {
      return await this.insert(actor, organizationId, envId, flag, metric, input, now);
    } catch (error) {
      // uq_experiments_active_slot: a concurrent create won the (flag, metric) pair; answer its experiment.
      if (!(error instanceof DuplicateKeyError && error.entity === 'Experiment')) throw error;
      const winner = await this.activeFor(envId, flag.id, metric.id);
      if (!winner) throw error;
      return winner;
    }
  }

  private async activeFor(envId: string, flagId: string, metricId: string): Promise<Experiment | null> {
    const found = (await this.experiments.listActive(envId)).find(
      (e) => e.featureFlagId === flagId && e.metricId === metricId,
    );
    return found ? normalise(found) : null;
  }

  private insert(
    actor: Actor,
    organizationId: string,
    envId: string,
    flag: FeatureFlag,
    metric: ExperimentMetric,
    input: ExperimentInput,
    now: string,
  ): Promise<Experiment> {
    return this.store.transaction(async (tx) => {
      const experiment = await tx.experiments.create({
        id: randomUUID(),
        envId,
        metricId: metric.id,
        featureFlagId: flag.id,
        isArchived: false,
        status: 'NotStarted',
        baselineVariationId: input.baseLineVariationId,
        alpha: input.alpha ?? 0.05,
        method: input.method ?? 'fixed',
        guard: null,
        iterations: [],
        createdAt: now,
        updatedAt: now,
      });
      await this.record(tx, actor, organizationId, experiment, flag, 'Create', null, experiment);
      return experiment;
    });
  }

  async list(
    envId: string,
    filter: ExperimentFilter,
  ): Promise<{ totalCount: number; items: ExperimentView[] }> {
    const views = await this.views(envId, await this.experiments.listActive(envId));
    const name = filter.featureFlagName?.toLowerCase();
    const matching = views.filter(
      (v) =>
        (!filter.featureFlagId || v.featureFlagId === filter.featureFlagId) &&
        (!name || v.featureFlagName.toLowerCase().includes(name)),
    );
    const items =
      filter.pageSize === -1
        ? matching
        : matching.slice(filter.pageIndex * filter.pageSize, (filter.pageIndex + 1) * filter.pageSize);
    return { totalCount: matching.length, items };
  }

  async statusCount(envId: string): Promise<{ status: ExperimentStatus; count: number }[]> {
    const counts = new Map<ExperimentStatus, number>();
    for (const e of await this.experiments.listActive(envId))
      counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
    return [...counts].map(([status, count]) => ({ status, count }));
  }

  /** Experiments of the flag whose baseline is that variation (warned about before removing it). */
  async references(envId: string, flagId: string, variationId: string): Promise<ExperimentView[]> {
    const of = (await this.experiments.listActive(envId)).filter(
      (e) => e.featureFlagId === flagId && e.baselineVariationId === variationId,
    );
    return this.views(envId, of);
  }

  /** Ends the running iteration (with final results) and starts a new one with the metric as it is now. */
  async start(actor: Actor, organizationId: string, envId: string, id: string): Promise<ExperimentIteration> {
    const { experiment, flag, metric } = await this.load(envId, id);
    if (experiment.isArchived) {
      throw new BusinessRuleError('ExperimentIsArchived', 'an archived experiment cannot be started');
    }
    if (metric.isArchived)
      throw new BusinessRuleError('MetricIsArchived', "the experiment's metric is archived");
    const now = new Date();
    const before = structuredClone(experiment);
    for (const ended of closeRunning(experiment, now))
      await this.results.refresh(experiment, ended, flag, now);
    const iteration = newIteration(randomUUID(), metric, now);
    experiment.iterations.push(iteration);
    experiment.status = 'Recording';
    await this.save(actor, organizationId, flag, before, experiment, now);
    return iteration;
  }

  /** Ends the running iteration with its final results; nothing happens when none runs. */
  async stop(actor: Actor, organizationId: string, envId: string, id: string): Promise<boolean> {
    const { experiment, flag } = await this.load(envId, id);
    if (!experiment.iterations.some((i) => i.endTime === null)) return true;
    await this.end(actor, organizationId, experiment, flag, (e) => (e.status = 'Paused'));
    return true;
  }

  /** "Remove data": ends the running iteration, archives every iteration, back to NotStarted. */
  async removeData(actor: Actor, organizationId: string, envId: string, id: string): Promise<boolean> {
    const { experiment, flag } = await this.load(envId, id);
    if (experiment.iterations.length === 0) return true;
    await this.end(actor, organizationId, experiment, flag, (e) => {
      e.status = 'NotStarted';
      for (const iteration of e.iterations) iteration.isArchived = true;
    });
    return true;
  }

  async archive(actor: Actor, organizationId: string, envId: string, id: string): Promise<boolean> {
    const { experiment, flag } = await this.load(envId, id);
    await this.end(actor, organizationId, experiment, flag, (e) => {
      e.status = 'Paused';
      e.isArchived = true;
    });
    return true;
  }

  iterationResults(
    envId: string,
    requests: readonly { exptId: string; iterationId: string }[],
  ): Promise<IterationResultsView[]> {
    return this.results.results(envId, requests, async (e) => {
      const flag = await this.flags.findById(e.featureFlagId);
      return flag && flag.envId === envId ? flag : null;
    });
  }

  /** Ends the running iteration (storing its final results), applies `change` and saves. */
  async end(
    actor: Actor,
    organizationId: string,
    experiment: Experiment,
    flag: FeatureFlag,
    change: (experiment: Experiment) => void,
  ): Promise<void> {
    const now = new Date();
    const before = structuredClone(experiment);
    for (const ended of closeRunning(experiment, now))
      await this.results.refresh(experiment, ended, flag, now);
    change(experiment);
    await this.save(actor, organizationId, flag, before, experiment, now);
  }

  /** Saves `after` with its audit entry (before and after summarised). */
  async save(
    actor: Actor,
    organizationId: string,
    flag: FeatureFlag,
    before: Experiment,
    after: Experiment,
    now: Date,
  ): Promise<void> {
    after.updatedAt = now.toISOString();
    await this.store.transaction(async (tx) => {
      await tx.experiments.update(after);
      const operation = after.isArchived && !before.isArchived ? 'Archive' : 'Update';
      await this.record(tx, actor, organizationId, after, flag, operation, summary(before), summary(after));
    });
  }

  async load(
    envId: string,
    id: string,
  ): Promise<{ experiment: Experiment; flag: FeatureFlag; metric: ExperimentMetric }> {
    const experiment = await this.find(envId, id);
    const [flag, metric] = await Promise.all([
      this.flags.findById(experiment.featureFlagId),
      this.metrics.findById(experiment.metricId),
    ]);
    if (!flag || flag.envId !== envId) throw new ResourceNotFoundError('feature flag of the experiment');
    if (!metric || metric.envId !== envId) throw new ResourceNotFoundError('metric of the experiment');
    return { experiment, flag, metric };
  }

  async views(envId: string, experiments: Experiment[]): Promise<ExperimentView[]> {
    const flagIds = [...new Set(experiments.map((e) => e.featureFlagId))];
    const flags = new Map((await this.flags.findByIds(flagIds)).map((f) => [f.id, f]));
    const metricIds = [...new Set(experiments.map((e) => e.metricId))];
    const metrics = new Map<string, ExperimentMetric>();
    for (const metric of await Promise.all(metricIds.map((m) => this.metrics.findById(m)))) {
      if (metric && metric.envId === envId) metrics.set(metric.id, metric);
    }
    const out: ExperimentView[] = [];
    for (const raw of experiments) {
      const e = normalise(raw);
      const flag = flags.get(e.featureFlagId);
      const metric = metrics.get(e.metricId);
      // FeatBit's list is an inner join: an experiment whose flag or metric is gone is not listed.
      if (!flag || flag.envId !== envId || !metric) continue;
      out.push({
        id: e.id,
        baselineVariationId: e.baselineVariationId,
        baselineVariation: flag.variations.find((v) => v.id === e.baselineVariationId) ?? null,
        variations: flag.variations,
        featureFlagId: flag.id,
        featureFlagKey: flag.key,
        featureFlagName: flag.name,
        metricId: metric.id,
        metricName: metric.name,
        metricEventName: metric.eventName,
        metricEventType: metric.eventType,
        metricCustomEventTrackOption: metric.customEventTrackOption,
        metricCustomEventSuccessCriteria: metric.customEventSuccessCriteria,
        metricCustomEventUnit: metric.customEventUnit,
        status: e.status,
        iterations: e.iterations.filter((i) => !i.isArchived),
        alpha: e.alpha,
        method: e.method,
        guard: e.guard,
        createdAt: e.createdAt,
      });
    }
    return out;
  }

  private record(
    tx: DataStore,
    actor: Actor,
    organizationId: string,
    experiment: Experiment,
    flag: FeatureFlag,
    operation: 'Create' | 'Update' | 'Archive',
    previous: unknown,
    current: unknown,
  ): Promise<void> {
    return this.audit.record(tx, actor, {
      organizationId,
      envId: experiment.envId,
      refType: 'Experiment',
      refId: experiment.id,
      keywords: [flag.key, flag.name],
      operation,
      previous,
      current,
    });
  }
}

function invalid(field: string, problem: string): ValidationFailedError {
  return ValidationFailedError.of(field, `${field}_is_invalid`, `${field} ${problem}`);
}

/** Records stored before the method existed (MongoDB) read as FeatBit's fixed-horizon test. */
export function normalise(experiment: Experiment): Experiment {
  return {
    ...experiment,
    method: experiment.method ?? 'fixed',
    guard: experiment.guard ?? null,
    iterations: experiment.iterations ?? [],
  };
}

/** What the audit log keeps of an experiment: its state, not every stored result. */
function summary(e: Experiment): unknown {
  return {
    status: e.status,
    isArchived: e.isArchived,
    alpha: e.alpha,
    method: e.method,
    baselineVariationId: e.baselineVariationId,
    guard: e.guard,
    iterations: e.iterations.map((i) => ({
      id: i.id,
      startTime: i.startTime,
      endTime: i.endTime,
      isArchived: i.isArchived,
    })),
  };
}
