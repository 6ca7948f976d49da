import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/iam/actor';
import type { ExperimentMetric, TargetUrl } from '../../core/experiments/experiments';
import { DataStore } from '../../core/ports/data-store.port';
import { ExperimentMetricRepository, ExperimentRepository } from '../../core/ports/integrations.repositories';
import { OrganizationRepository, UserRepository } from '../../core/ports/tenancy.repositories';
import type { Page, PageRequest } from '../../core/shared/paging';
import { AuditTrail } from '../audit/audit-trail.service';
import { BusinessRuleError, ResourceNotFoundError, ValidationFailedError } from '../http/api-errors';

export interface MetricInput {
  name: string;
  description?: string;
  maintainerUserId: string;
  eventName?: string;
  eventType: number;
  customEventTrackOption?: number;
  customEventUnit?: string;
  customEventSuccessCriteria?: number;
  elementTargets?: string;
  targetUrls?: TargetUrl[];
}

export type MetricView = ExperimentMetric & {
  maintainerName: string | null;
  maintainerEmail: string | null;
  /** FeatBit's field name (sic). */
  isArvhived: boolean;
};

/** Experiment metrics of an environment: every write commits with its audit entry. */
@Injectable()
export class ExperimentMetricService {
  constructor(
    private readonly store: DataStore,
    private readonly metrics: ExperimentMetricRepository,
    private readonly experiments: ExperimentRepository,
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async find(envId: string, id: string): Promise<ExperimentMetric> {
    const metric = await this.metrics.findById(id);
    if (!metric || metric.envId !== envId) throw new ResourceNotFoundError('experiment metric');
    return metric;
  }

  async list(
    envId: string,
    page: PageRequest & { name?: string; eventType?: number },
  ): Promise<Page<MetricView>> {
    const found = await this.metrics.list(envId, page);
    return { totalCount: found.totalCount, items: await this.views(found.items) };
  }

  async view(metric: ExperimentMetric): Promise<MetricView> {
    return (await this.views([metric]))[0];
  }

  async create(actor: Actor, organizationId: string, envId: string, input: MetricInput): Promise<MetricView> {
    await this.checkMaintainer(organizationId, input.maintainerUserId);
    const now = new Date().toISOString();
    const metric = await this.store.transaction(async (tx) => {
      const created = await tx.experimentMetrics.create({
        id: randomUUID(),
        envId,
        ...fields(input),
        isArchived: false,
        createdAt: now,
        updatedAt: now,
      });
      await this.record(tx, actor, organizationId, created, 'Create', null, created);
      return created;
    });
    return this.view(metric);
  }

  async update(
    actor: Actor,
    organizationId: string,
    envId: string,
    id: string,
    input: MetricInput,
  ): Promise<MetricView> {
    const before = await this.find(envId, id);
    await this.checkMaintainer(organizationId, input.maintainerUserId);
    const metric = await this.store.transaction(async (tx) => {
      const after = await tx.experimentMetrics.update({
        ...before,
        ...fields(input),
        updatedAt: new Date().toISOString(),
      });
      await this.record(tx, actor, organizationId, after, 'Update', before, after);
      return after;
    });
    return this.view(metric);
  }

  /** Refused (422 MetricIsBeingUsedByExperiment) while an experiment that is not archived uses it. */
  async archive(actor: Actor, organizationId: string, envId: string, id: string): Promise<boolean> {
    const before = await this.find(envId, id);
    const users = (await this.experiments.listActive(envId)).filter((e) => e.metricId === id);
    if (users.length > 0) {
      throw new BusinessRuleError(
        'MetricIsBeingUsedByExperiment',
        'the metric is used by an experiment that is not archived',
        users.map((e) => ({ id: e.id, featureFlagId: e.featureFlagId })),
      );
    }
    await this.store.transaction(async (tx) => {
      const after = await tx.experimentMetrics.update({
        ...before,
        isArchived: true,
        updatedAt: new Date().toISOString(),
      });
      await this.record(tx, actor, organizationId, after, 'Archive', before, after);
    });
    return true;
  }

  private async checkMaintainer(organizationId: string, userId: string): Promise<void> {
    if (!(await this.organizations.findMember(organizationId, userId))) {
      throw ValidationFailedError.of(
        'maintainerUserId',
        'maintainerUserId_is_invalid',
        'maintainerUserId is not a member of this organization',
      );
    }
  }

  private async views(metrics: ExperimentMetric[]): Promise<MetricView[]> {
    const ids = [...new Set(metrics.map((m) => m.maintainerUserId))];
    const users = new Map((await this.users.findByIds(ids)).map((u) => [u.id, u]));
    return metrics.map((m) => ({
      ...m,
      maintainerName: users.get(m.maintainerUserId)?.name ?? null,
      maintainerEmail: users.get(m.maintainerUserId)?.email ?? null,
      isArvhived: m.isArchived,
    }));
  }

  private record(
    tx: DataStore,
    actor: Actor,
    organizationId: string,
    metric: ExperimentMetric,
    operation: 'Create' | 'Update' | 'Archive',
    previous: unknown,
    current: unknown,
  ): Promise<void> {
    return this.audit.record(tx, actor, {
      organizationId,
      envId: metric.envId,
      refType: 'ExperimentMetric',
      refId: metric.id,
      keywords: [metric.name, metric.eventName],
      operation,
      previous,
      current,
    });
  }
}

/** The stored fields of a metric from its input; page views and clicks have no custom-event settings. */
function fields(
  input: MetricInput,
): Omit<ExperimentMetric, 'id' | 'envId' | 'isArchived' | 'createdAt' | 'updatedAt'> {
  const custom = input.eventType === 1;
  return {
    name: input.name.trim(),
    description: input.description ?? '',
    maintainerUserId: input.maintainerUserId,
    eventName: (input.eventName ?? '').trim(),
    eventType: input.eventType,
    customEventTrackOption: custom ? (input.customEventTrackOption ?? 1) : 0,
    customEventUnit: custom ? (input.customEventUnit ?? '') : '',
    customEventSuccessCriteria: custom ? (input.customEventSuccessCriteria ?? 1) : 0,
    elementTargets: input.eventType === 3 ? (input.elementTargets ?? '') : '',
    targetUrls: input.eventType === 1 ? [] : (input.targetUrls ?? []),
  };
}
