import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { newIteration } from '../../core/experiments/experiment-lifecycle';
import type { Experiment, RolloutGuard } from '../../core/experiments/experiments';
import {
  findRegression,
  guardedRollout,
  isPercentageRollout,
  rollbackReason,
  rolledBack,
} from '../../core/experiments/rollout-guard';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { type Actor, SYSTEM_ID } from '../../core/iam/actor';
import { ExperimentMetricRepository, ExperimentRepository } from '../../core/ports/integrations.repositories';
import { Logger } from '../../core/ports/logger.port';
import { FlagRepository } from '../../core/ports/targeting.repositories';
import { EnvironmentRepository, ProjectRepository } from '../../core/ports/tenancy.repositories';
import type { Environment } from '../../core/tenancy/tenancy';
import { FlagMutations } from '../feature-flags/flag-mutation.service';
import { ConflictError, ValidationFailedError } from '../http/api-errors';
import { ExperimentService, type ExperimentView, normalise } from './experiment.service';
import { ExperimentResultsService } from './experiment-results.service';

export interface GuardInput {
  metricId: string;
  baselineVariationId: string;
  /** The rule whose rollout is guarded; null or absent: the default rule. */
  ruleId?: string | null;
  alpha?: number;
}

const SYSTEM: Actor = { creatorId: SYSTEM_ID, kind: 'system', userId: SYSTEM_ID };

/**
 * Guarded rollouts (docs/experiments.md#guarded-rollouts): a flag's percentage rollout watched by an
 * experiment on a guardrail metric with the sequential test; `checkAll` (run by GuardedRolloutJob)
 * rolls a rollout back to its baseline when a treatment significantly regresses the metric.
 */
@Injectable()
export class GuardedRolloutService {
  private readonly log: Logger;

  constructor(
    private readonly experiments: ExperimentService,
    private readonly experimentRecords: ExperimentRepository,
    private readonly metrics: ExperimentMetricRepository,
    private readonly flags: FlagRepository,
    private readonly environments: EnvironmentRepository,
    private readonly projects: ProjectRepository,
    private readonly results: ExperimentResultsService,
    private readonly mutations: FlagMutations,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'guarded-rollout' });
  }

  async list(envId: string, flag: FeatureFlag): Promise<ExperimentView[]> {
    const guarded = (await this.experimentRecords.listActive(envId)).filter(
      (e) => e.featureFlagId === flag.id && e.guard,
    );
    return this.experiments.views(envId, guarded);
  }

  /** Starts watching (a new iteration of the flag's experiment on that metric, sequential). */
  async watch(
    actor: Actor,
    organizationId: string,
    env: Environment,
    flag: FeatureFlag,
    input: GuardInput,
  ): Promise<ExperimentView> {
    const ruleId = input.ruleId ?? null;
    const rollout = guardedRollout(flag, ruleId);
    if (!rollout) throw invalid('ruleId', 'is not a rule of the flag');
    if (!isPercentageRollout(rollout)) {
      throw invalid('ruleId', 'does not split traffic between variations: there is no rollout to guard');
    }
    const created = await this.experiments.create(actor, organizationId, env.id, {
      featureFlagId: flag.id,
      metricId: input.metricId,
      baseLineVariationId: input.baselineVariationId,
      alpha: input.alpha,
      method: 'sequential',
    });
    const { experiment, metric } = await this.experiments.load(env.id, created.id);
    const before = structuredClone(experiment);
    const now = new Date();
    experiment.method = 'sequential';
    experiment.baselineVariationId = input.baselineVariationId;
    if (input.alpha !== undefined) experiment.alpha = input.alpha;
    experiment.guard = { ruleId, status: 'Watching', checkedAt: null, reason: '', rolledBackAt: null };
    if (!experiment.iterations.some((i) => i.endTime === null && !i.isArchived)) {
      experiment.iterations.push(newIteration(randomUUID(), metric, now));
    }
    experiment.status = 'Recording';
    await this.experiments.save(actor, organizationId, flag, before, experiment, now);
    return (await this.experiments.views(env.id, [experiment]))[0];
  }

  /** Stops watching: the guard is kept as Stopped and the running iteration ends with its results. */
  async unwatch(
    actor: Actor,
    organizationId: string,
    envId: string,
    flag: FeatureFlag,
    metricId: string,
  ): Promise<boolean> {
    const guarded = (await this.experimentRecords.listActive(envId)).find(
      (e) => e.featureFlagId === flag.id && e.metricId === metricId && e.guard?.status === 'Watching',
    );
    if (!guarded) return false;
    await this.experiments.end(actor, organizationId, normalise(guarded), flag, (e) => {
      e.status = 'Paused';
      e.guard = { ...(e.guard as RolloutGuard), status: 'Stopped', reason: 'stopped by a user' };
    });
    return true;
  }

  /** One pass over every watched rollout; returns how many were rolled back. */
  async checkAll(now = new Date()): Promise<number> {
    let rolledBackCount = 0;
    for (const raw of await this.experimentRecords.listWatching()) {
      try {
        if (await this.check(normalise(raw), now)) rolledBackCount++;
      } catch (err) {
        // One broken guard must not stop the others; it is retried on the next pass.
        this.log.warn('guarded rollout check failed', {
          experimentId: raw.id,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
    return rolledBackCount;
  }

  private async check(experiment: Experiment, now: Date): Promise<boolean> {
    const guard = experiment.guard as RolloutGuard;
    const [flag, metric, env] = await Promise.all([
      this.flags.findById(experiment.featureFlagId),
      this.metrics.findById(experiment.metricId),
      this.environments.findById(experiment.envId),
    ]);
    const project = env ? await this.projects.findById(env.projectId) : null;
    if (!flag || !metric || !env || !project) return false;
    const iteration = experiment.iterations.find((i) => i.endTime === null && !i.isArchived);
    const rollout = guardedRollout(flag, guard.ruleId);
    if (!iteration || !rollout || !isPercentageRollout(rollout) || flag.isArchived) {
      await this.stop(experiment, flag, project.organizationId, 'the guarded rollout no longer exists');
      return false;
    }
    const analysis = await this.results.analyse(experiment, iteration, flag, now);
    const regression = findRegression(analysis, iteration.customEventSuccessCriteria ?? 1);
    if (!regression) {
      // Results only, no audit entry (a check every minute would flood the log); a guard a user
      // stopped meanwhile stays stopped.
      await this.results.store(experiment.id, iteration.id, analysis, now, (current) => {
        if (current.guard?.status === 'Watching')
          current.guard = { ...current.guard, checkedAt: now.toISOString() };
      });
      return false;
    }
    const variation = flag.variations.find((v) => v.id === regression.result.variationId);
    const reason = rollbackReason(metric.name, regression, variation?.name ?? regression.result.variationId);
    try {
      await this.mutations.apply(SYSTEM, project.organizationId, env, flag, {
        operation: 'Update',
        comment: reason,
        expectedRevision: flag.revision,
        changes: rolledBack(flag, guard.ruleId, experiment.baselineVariationId),
      });
    } catch (err) {
      // Another replica (or a user) changed the flag first: look again on the next pass.
      if (err instanceof ConflictError) return false;
      throw err;
    }
    this.log.info('guarded rollout rolled back', { experimentId: experiment.id, flagKey: flag.key, reason });
    await this.experiments.end(SYSTEM, project.organizationId, experiment, flag, (e) => {
      e.status = 'Paused';
      e.guard = {
        ...guard,
        status: 'RolledBack',
        checkedAt: now.toISOString(),
        reason,
        rolledBackAt: now.toISOString(),
      };
    });
    return true;
  }

  private stop(
    experiment: Experiment,
    flag: FeatureFlag,
    organizationId: string,
    reason: string,
  ): Promise<void> {
    return this.experiments.end(SYSTEM, organizationId, experiment, flag, (e) => {
      e.status = 'Paused';
      e.guard = { ...(e.guard as RolloutGuard), status: 'Stopped', reason };
    });
  }
}

function invalid(field: string, problem: string): ValidationFailedError {
  return ValidationFailedError.of(field, `${field}_is_invalid`, `${field} ${problem}`);
}
