import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { evaluateFlag } from '../../core/evaluation';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { servedVariations } from '../../core/flags/flag-factory';
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
import type { EvaluationDto, FlagListItemDto, FlagUsageDto } from './flag.dto';
import type { EvaluationUserDto } from './flag-evaluate.dto';

/** What copying flags into an environment would meet there. */
export interface CopyTargetFacts {
  usedKeys: Set<string>;
  existingKeyIds: Set<string>;
  segmentIds: Set<string>;
  propertyNames: Set<string>;
}

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

  /** A page of flags with their creator, last change and last evaluation. */
  async list(envId: string, filter: FlagFilter): Promise<Page<FlagListItemDto>> {
    const page = await this.flags.list(envId, filter);
    const [lastChanges, usage] = await Promise.all([
      Promise.all(
        page.items.map((f) =>
          this.auditLogs.list({ envId, refId: f.id, refType: 'FeatureFlag', pageIndex: 0, pageSize: 1 }),
        ),
      ),
      this.flagUsage.findByKeys(
        envId,
        page.items.map((f) => f.key),
      ),
    ]);
    const lastEvaluated = new Map(usage.map((u) => [u.flagKey, u.lastEvaluatedAt]));
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
          lastEvaluatedAt: lastEvaluated.get(flag.key) ?? null,
        };
      }),
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
