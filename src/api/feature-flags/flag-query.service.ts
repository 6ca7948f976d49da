import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { evaluateFlag } from '../../core/evaluation';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { servedVariations } from '../../core/flags/flag-factory';
import { type FlagLifecycleStatus, lifecycleDetailOf, lifecycleOf } from '../../core/flags/flag-lifecycle';
import type { FlagUsage } from '../../core/insights/flag-usage';
import {
  type FlagFilter,
  FlagRepository,
  type SegmentScope,
  SegmentRepository,
} from '../../core/ports/targeting.repositories';
import {
  AuditLogRepository,
  EndUserPropertyRepository,
  EndUserRepository,
  FlagUsageRepository,
} from '../../core/ports/users-and-events.repositories';
import type { Page } from '../../core/shared/paging';
import { ActorDirectory } from '../audit/actor-directory.service';
import { ResourceNotFoundError } from '../http/api-errors';
import type { EvaluationDto, FlagDetailDto, FlagListItemDto, FlagUsageDto } from './flag.dto';
import type { EvaluationUserDto } from './flag-evaluate.dto';

/** What copying flags into an environment would meet there. */
export interface CopyTargetFacts {
  usedKeys: Set<string>;
  existingKeyIds: Set<string>;
  segmentIds: Set<string>;
  propertyNames: Set<string>;
}

/** Flags read per query while filtering by lifecycle status (the repository's largest page). */
const LIFECYCLE_SCAN_PAGE = 1000;

/** Read side of feature flags: list views, usage, debug evaluation and copy pre-checks. */
@Injectable()
export class FlagQueries {
  constructor(
    private readonly flags: FlagRepository,
    private readonly segments: SegmentRepository,
    private readonly auditLogs: AuditLogRepository,
    private readonly flagUsage: FlagUsageRepository,
    private readonly endUsers: EndUserRepository,
    private readonly properties: EndUserPropertyRepository,
    private readonly actors: ActorDirectory,
    private readonly config: AppConfig,
  ) {}

  /**
   * A page of flags with their creator, last change, last evaluation and lifecycle status. With
   * `lifecycle`, every flag matching `filter` is read and the status filter applies before paging.
   */
  async list(
    envId: string,
    filter: FlagFilter,
    lifecycle: readonly FlagLifecycleStatus[] = [],
  ): Promise<Page<FlagListItemDto>> {
    const now = new Date();
    const { page, usage } =
      lifecycle.length === 0
        ? await this.pageWithUsage(envId, filter)
        : await this.lifecyclePage(envId, filter, new Set(lifecycle), now);
    const lastChanges = await Promise.all(
      page.items.map((f) =>
        this.auditLogs.list({ envId, refId: f.id, refType: 'FeatureFlag', pageIndex: 0, pageSize: 1 }),
      ),
    );
    const actors = await this.actors.resolve([
      ...page.items.map((f) => f.creatorId),
      ...lastChanges.flatMap((p) => p.items.map((l) => l.creatorId)),
    ]);
    const actor = (id: string) => {
      const a = actors.get(id);
      return { id, name: a?.name ?? 'Unknown', email: a?.email ?? '' };
    };
    return {
      totalCount: page.totalCount,
      items: page.items.map((flag, i) => {
        const last = lastChanges[i].items[0];
        return {
          id: flag.id,
          name: flag.name,
          description: flag.description,
          key: flag.key,
          isEnabled: flag.isEnabled,
          isArchived: flag.isArchived,
          variationType: flag.variationType,
          variations: flag.variations,
          createdAt: flag.createdAt,
          updatedAt: flag.updatedAt,
          creator: actor(flag.creatorId),
          serves: servedVariations(flag),
          tags: flag.tags,
          lastChange: last
            ? { operator: actor(last.creatorId).name, happenedAt: last.createdAt, comment: last.comment }
            : null,
          lastEvaluatedAt: usage.get(flag.key)?.lastEvaluatedAt ?? null,
          isPermanent: flag.isPermanent === true,
          lifecycle: lifecycleDetailOf(flag, usage.get(flag.key) ?? null, now),
        };
      }),
    };
  }

  private async pageWithUsage(
    envId: string,
    filter: FlagFilter,
  ): Promise<{ page: Page<FeatureFlag>; usage: Map<string, FlagUsage> }> {
    const page = await this.flags.list(envId, filter);
    return { page, usage: await this.usageOf(envId, page.items) };
  }

  /** Every flag matching `filter` (in its order), kept when its status is wanted, then paged. */
  private async lifecyclePage(
    envId: string,
    filter: FlagFilter,
    wanted: ReadonlySet<FlagLifecycleStatus>,
    now: Date,
  ): Promise<{ page: Page<FeatureFlag>; usage: Map<string, FlagUsage> }> {
    const all: FeatureFlag[] = [];
    for (let pageIndex = 0; ; pageIndex++) {
      const chunk = await this.flags.list(envId, { ...filter, pageIndex, pageSize: LIFECYCLE_SCAN_PAGE });
      all.push(...chunk.items);
      if (chunk.items.length < LIFECYCLE_SCAN_PAGE || all.length >= chunk.totalCount) break;
    }
    const usage = await this.usageOf(envId, all);
    const kept = all.filter((f) => wanted.has(lifecycleOf(f, usage.get(f.key) ?? null, now).status));
    const start = filter.pageIndex * filter.pageSize;
    return { page: { totalCount: kept.length, items: kept.slice(start, start + filter.pageSize) }, usage };
  }

  /** One read of the usage of `flags`, by key. */
  private async usageOf(envId: string, flags: readonly FeatureFlag[]): Promise<Map<string, FlagUsage>> {
    const usage = await this.flagUsage.findByKeys(
      envId,
      flags.map((f) => f.key),
    );
    return new Map(usage.map((u) => [u.flagKey, u]));
  }

  /** The flag with its lifecycle status (the detail route). */
  async detail(flag: FeatureFlag): Promise<FlagDetailDto> {
    const usage = await this.flagUsage.find(flag.envId, flag.key);
    return {
      ...flag,
      isPermanent: flag.isPermanent === true,
      lifecycle: lifecycleDetailOf(flag, usage, new Date()),
    };
  }

  isKeyUsed(envId: string, key: string): Promise<boolean> {
    return this.flags.isKeyUsed(envId, key);
  }

  allTags(envId: string): Promise<string[]> {
    return this.flags.allTags(envId);
  }

  async usage(flag: FeatureFlag): Promise<FlagUsageDto> {
    const usage = await this.flagUsage.find(flag.envId, flag.key);
    return {
      firstEvaluatedAt: usage?.firstEvaluatedAt ?? null,
      lastEvaluatedAt: usage?.lastEvaluatedAt ?? null,
    };
  }

  /** Evaluates the flag for a user against the segments visible in the environment (debug view). */
  async evaluate(flag: FeatureFlag, scope: SegmentScope, user: EvaluationUserDto): Promise<EvaluationDto> {
    const segments = await this.segments.listAll(scope);
    const result = evaluateFlag(
      flag,
      { keyId: user.keyId, name: user.name ?? null, customizedProperties: user.customizedProperties ?? [] },
      segments,
      { missingAttribute: this.config.evaluation.missingAttribute },
    );
    return {
      variationId: result.variationId,
      variationName: flag.variations.find((v) => v.id === result.variationId)?.name ?? null,
      value: result.value,
      reason: result.reason,
      sendToExperiment: result.sendToExperiment,
      ...(result.error ? { error: result.error } : {}),
    };
  }

  /** The flags `flagIds` of environment `envId`; 404 when any is missing there. */
  async inEnvironment(envId: string, flagIds: string[]): Promise<FeatureFlag[]> {
    const flags = (await this.flags.findByIds(flagIds)).filter((f) => f.envId === envId);
    if (flags.length !== new Set(flagIds).size) throw new ResourceNotFoundError('feature flag');
    return flags;
  }

  /** Keys, end users, segments and properties the copied flags would meet in the target environment. */
  async copyTargetFacts(target: SegmentScope, flags: FeatureFlag[]): Promise<CopyTargetFacts> {
    const keyIds = [...new Set(flags.flatMap((f) => f.targetUsers.flatMap((t) => t.keyIds)))];
    const usedKeys = new Set<string>();
    for (const flag of flags) if (await this.flags.isKeyUsed(target.envId, flag.key)) usedKeys.add(flag.key);
    return {
      usedKeys,
      existingKeyIds: new Set((await this.endUsers.findByKeyIds(target.envId, keyIds)).map((u) => u.keyId)),
      segmentIds: new Set((await this.segments.listAll(target)).map((s) => s.id)),
      propertyNames: new Set((await this.properties.list(target.envId)).map((p) => p.name)),
    };
  }
}
