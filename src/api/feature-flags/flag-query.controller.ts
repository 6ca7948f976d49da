import { Body, Get, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { TenantLookup } from '../auth/tenant-lookup.service';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import { KeyQueryDto } from '../http/validators';
import { EvaluationDto, FlagDetailDto, FlagListItemDto, FlagUsageDto } from './flag.dto';
import { EvaluateFlagDto } from './flag-evaluate.dto';
import { FlagListQueryDto } from './flag-input.dto';
import { FlagQueries } from './flag-query.service';
import { KeyParam } from './key-param';

export class FlagPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [FlagListItemDto] }) items!: FlagListItemDto[];
}

@ManagementController('envs/:envId/feature-flags', 'Feature flags')
export class FlagQueryController {
  constructor(
    private readonly queries: FlagQueries,
    private readonly tenant: TenantLookup,
  ) {}

  @Get()
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'listFeatureFlags',
    'Paged flags of the environment with search, tag, status, archive and lifecycle filters',
    'Each item carries its lifecycle status (new, active, launched, inactive, permanent); `lifecycle` filters by it before paging.',
  )
  @ApiPagedEnvelope(FlagListItemDto)
  async list(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Query() query: FlagListQueryDto,
  ): Promise<FlagPageDto> {
    return this.queries.list(
      envId,
      {
        ...pageOf(query),
        name: query.name,
        tags: query.tags,
        isEnabled: query.isEnabled,
        isArchived: query.isArchived ?? false,
        sortBy: query.sortBy ?? (ctx.org.settings.flagSortedBy as FlagListQueryDto['sortBy']) ?? 'created_at',
      },
      query.lifecycle,
    );
  }

  @Get('is-key-used')
  @Permission('CanAccessEnv', Res.env())
  @Operation('isFeatureFlagKeyUsed', 'Whether a flag key is taken in the environment')
  @ApiOkEnvelope('boolean')
  isKeyUsed(@IdParam('envId') envId: string, @Query() query: KeyQueryDto): Promise<boolean> {
    return this.queries.isKeyUsed(envId, query.key);
  }

  @Get('all-tags')
  @Permission('CanAccessEnv', Res.env())
  @Operation('listFeatureFlagTags', 'Every tag used by flags of the environment')
  @ApiOkEnvelope('string', { isArray: true })
  allTags(@IdParam('envId') envId: string): Promise<string[]> {
    return this.queries.allTags(envId);
  }

  @Get(':key')
  @Permission('CanAccessEnv', Res.env())
  @Operation('getFeatureFlag', 'One flag by key, with its revision and lifecycle status')
  @ApiOkEnvelope(FlagDetailDto)
  async get(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @KeyParam() key: string,
  ): Promise<FlagDetailDto> {
    return this.queries.detail(await this.tenant.flag(ctx, envId, key));
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
    return this.queries.usage(await this.tenant.flag(ctx, envId, key));
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
    return this.queries.evaluate(flag, this.tenant.segmentScope(ctx.org, env, project), body.user);
  }
}
