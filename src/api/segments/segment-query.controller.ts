import { Get, Query } from '@nestjs/common';
import { ApiParam, ApiProperty } from '@nestjs/swagger';
import { Permission } from '../auth/access.decorators';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { TenantLookup } from '../auth/tenant-lookup.service';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import {
  FlagReferenceDto,
  SegmentDto,
  SegmentIdsQueryDto,
  SegmentKeyQueryDto,
  SegmentListQueryDto,
} from './segment.dto';
import { SegmentMutations } from './segment-mutation.service';
import { SegmentQueries } from './segment-query.service';

export class SegmentPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [SegmentDto] }) items!: SegmentDto[];
}

@ManagementController('envs/:envId/segments', 'Segments')
export class SegmentQueryController {
  constructor(
    private readonly queries: SegmentQueries,
    private readonly tenant: TenantLookup,
    private readonly mutations: SegmentMutations,
  ) {}

  @Get()
  @Permission('CanAccessEnv', Res.env())
  @ApiParam({ name: 'envId', type: String })
  @Operation('listSegments', 'Segments of the environment plus shared segments covering it, newest first')
  @ApiPagedEnvelope(SegmentDto)
  async list(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @Query() query: SegmentListQueryDto,
  ): Promise<SegmentPageDto> {
    const page = await this.queries.list(this.tenant.segmentScope(ctx.org, env, project), {
      ...pageOf(query),
      name: query.name,
      isArchived: query.isArchived ?? false,
    });
    return { totalCount: page.totalCount, items: page.items.map((s) => SegmentDto.from(s)) };
  }

  @Get('by-ids')
  @Permission('CanAccessEnv', Res.env())
  @ApiParam({ name: 'envId', type: String })
  @Operation('getSegmentsByIds', 'Several segments by id (only those visible in the environment)')
  @ApiOkEnvelope(SegmentDto, { isArray: true })
  async byIds(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @Query() query: SegmentIdsQueryDto,
  ): Promise<SegmentDto[]> {
    const found = await this.queries.byIds(query.ids);
    return found
      .filter((s) => this.tenant.isVisible(ctx.org, s, env, project))
      .map((s) => SegmentDto.from(s));
  }

  @Get('is-key-used')
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'isSegmentKeyUsed',
    'Whether a segment key is taken (per environment, or per workspace for shared)',
  )
  @ApiOkEnvelope('boolean')
  isKeyUsed(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Query() query: SegmentKeyQueryDto,
  ): Promise<boolean> {
    return this.queries.isKeyUsed(
      { envId, workspaceId: ctx.org.workspaceId, shared: query.type === 'shared' },
      query.key,
    );
  }

  @Get('all-tags')
  @Permission('CanAccessEnv', Res.env())
  @ApiParam({ name: 'envId', type: String })
  @Operation('listSegmentTags', 'Every tag used by segments visible in the environment')
  @ApiOkEnvelope('string', { isArray: true })
  allTags(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
  ): Promise<string[]> {
    return this.queries.allTags(this.tenant.segmentScope(ctx.org, env, project));
  }

  @Get(':segmentId')
  @Permission('CanAccessEnv', Res.env())
  @Operation('getSegment', 'One segment')
  @ApiOkEnvelope(SegmentDto)
  async get(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('segmentId') id: string,
  ): Promise<SegmentDto> {
    return SegmentDto.from(await this.tenant.segment(ctx, envId, id));
  }

  @Get(':segmentId/flag-references')
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'getSegmentFlagReferences',
    'Flags whose rules use the segment (in every environment it applies to)',
  )
  @ApiOkEnvelope(FlagReferenceDto, { isArray: true })
  async references(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('segmentId') id: string,
  ): Promise<FlagReferenceDto[]> {
    const { segment, env, project } = await this.tenant.segmentInEnv(ctx, envId, id);
    return this.mutations.references(ctx.org, { env, project }, segment);
  }
}
