import { Body, Get, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { evaluateFlag } from '../../core/evaluation';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { servedVariations } from '../../core/flags/flag-factory';
import { DataStore } from '../../core/ports/data-store.port';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { TenantLookup } from '../auth/tenant-lookup.service';
import { ActorDirectory } from '../audit/actor-directory.service';
import { AppConfig } from '../../config/app-config';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import { KeyQueryDto } from '../http/validators';
import { EvaluationDto, FeatureFlagDto, FlagListItemDto, FlagUsageDto } from './flag.dto';
import { EvaluateFlagDto } from './flag-evaluate.dto';
import { FlagListQueryDto } from './flag-input.dto';
import { KeyParam } from './key-param';

export class FlagPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [FlagListItemDto] }) items!: FlagListItemDto[];
}

@ManagementController('envs/:envId/feature-flags', 'Feature flags')
export class FlagQueryController {
  constructor(
    private readonly store: DataStore,
    private readonly actors: ActorDirectory,
    private readonly tenant: TenantLookup,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'listFeatureFlags',
    'Paged flags of the environment with search, tag, status and archive filters',
  )
  @ApiPagedEnvelope(FlagListItemDto)
  async list(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Query() query: FlagListQueryDto,
  ): Promise<FlagPageDto> {
    const page = await this.store.flags.list(envId, {
      ...pageOf(query),
      name: query.name,
      tags: query.tags,
      isEnabled: query.isEnabled,
      isArchived: query.isArchived ?? false,
      sortBy: query.sortBy ?? (ctx.org.settings.flagSortedBy as FlagListQueryDto['sortBy']) ?? 'created_at',
    });
    const [lastChanges, usage] = await Promise.all([
      Promise.all(
        page.items.map((f) =>
          this.store.auditLogs.list({
            envId,
            refId: f.id,
            refType: 'FeatureFlag',
            pageIndex: 0,
            pageSize: 1,
          }),
        ),
      ),
      this.store.flagUsage.findByKeys(
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

  @Get('is-key-used')
  @Permission('CanAccessEnv', Res.env())
  @Operation('isFeatureFlagKeyUsed', 'Whether a flag key is taken in the environment')
  @ApiOkEnvelope('boolean')
  isKeyUsed(@IdParam('envId') envId: string, @Query() query: KeyQueryDto): Promise<boolean> {
    return this.store.flags.isKeyUsed(envId, query.key);
  }

  @Get('all-tags')
  @Permission('CanAccessEnv', Res.env())
  @Operation('listFeatureFlagTags', 'Every tag used by flags of the environment')
  @ApiOkEnvelope('string', { isArray: true })
  allTags(@IdParam('envId') envId: string): Promise<string[]> {
    return this.store.flags.allTags(envId);
  }

  @Get(':key')
  @Permission('CanAccessEnv', Res.env())
  @Operation('getFeatureFlag', 'One flag by key, with its revision')
  @ApiOkEnvelope(FeatureFlagDto)
  async get(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @KeyParam() key: string,
  ): Promise<FeatureFlag> {
    return this.tenant.flag(ctx, envId, key);
  }

  @Get(':key/usage')
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'getFeatureFlagUsage',
    'When SDKs first and last evaluated the flag (from insight events; updated within seconds)',
  )
  @ApiOkEnvelope(FlagUsageDto)
  async usage(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @KeyParam() key: string,
  ): Promise<FlagUsageDto> {
    const flag = await this.tenant.flag(ctx, envId, key);
    const usage = await this.store.flagUsage.find(flag.envId, flag.key);
    return {
      firstEvaluatedAt: usage?.firstEvaluatedAt ?? null,
      lastEvaluatedAt: usage?.lastEvaluatedAt ?? null,
    };
  }

  @PostOk(':key/evaluate')
  @Permission('CanAccessEnv', Res.env())
  @Operation('evaluateFeatureFlag', 'Evaluate the flag for a user (debug view): variation and reason')
  @ApiOkEnvelope(EvaluationDto)
  async evaluate(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @KeyParam() key: string,
    @Body() body: EvaluateFlagDto,
  ): Promise<EvaluationDto> {
    const { flag, env, project } = await this.tenant.flagInEnv(ctx, envId, key);
    const segments = await this.store.segments.listAll(this.tenant.segmentScope(ctx, env, project));
    const result = evaluateFlag(
      flag,
      {
        keyId: body.user.keyId,
        name: body.user.name ?? null,
        customizedProperties: body.user.customizedProperties ?? [],
      },
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
}
