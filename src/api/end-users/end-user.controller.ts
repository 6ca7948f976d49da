import { Body, Get, Put, Query, Req, Res as Reply } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentProject } from '../auth/request-state.decorators';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { Res } from '../auth/resources';
import { TenantLookup } from '../auth/tenant-lookup.service';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ValidationFailedError } from '../http/api-errors';
import { RawResponse } from '../http/envelope.interceptor';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import {
  EndUserDto,
  EndUserPageDto,
  EndUserSearchDto,
  EvaluatedFlagDto,
  ExportQueryDto,
  ImportResultDto,
  MatchedSegmentDto,
  UpsertEndUserDto,
} from './end-user.dto';
import { EndUserImporter } from './end-user-import.service';
import { ScopedEndUserDto, ScopedEndUserPageDto, SearchEndUsersDto } from './end-user-search.dto';
import { EndUserService } from './end-user.service';
import { receiveImport } from './import-upload';

@ManagementController('envs/:envId/end-users', 'End users')
export class EndUserController {
  constructor(
    private readonly endUsers: EndUserService,
    private readonly tenant: TenantLookup,
    private readonly importer: EndUserImporter,
    private readonly config: AppConfig,
  ) {}

  @PostOk('list')
  @Permission('CanAccessEnv', Res.env())
  @Operation('searchEndUsers', 'Cursor-paged end users, newest first; searchText matches keyId or name')
  @ApiOkEnvelope(EndUserPageDto)
  async list(@IdParam('envId') envId: string, @Body() body: EndUserSearchDto): Promise<EndUserPageDto> {
    const page = await this.endUsers.search(envId, {
      searchText: body.searchText || undefined,
      cursor: body.cursor ?? null,
      pageSize: body.pageSize ?? 10,
    });
    return {
      items: page.items.map((u) => EndUserDto.from(u)),
      previousCursor: page.previousCursor,
      nextCursor: page.nextCursor,
    };
  }

  @PostOk('search')
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'searchEndUsersPaged',
    'FeatBit’s end-user search (user pickers): paged, with excluded keyIds and optionally global users',
    'searchText is looked for in keyId and name, or in the listed `properties` (keyId, name, customized property names). includeGlobalUser adds the workspace’s global users, so they can be targeted in every environment.',
  )
  @ApiOkEnvelope(ScopedEndUserPageDto)
  async search(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Body() body: SearchEndUsersDto,
  ): Promise<ScopedEndUserPageDto> {
    const page = await this.endUsers.query(body.toQuery(envId, ctx.org.workspaceId));
    return { totalCount: page.totalCount, items: page.items.map((u) => ScopedEndUserDto.fromStored(u)) };
  }

  @Put()
  @Permission('ManageEndUsers', Res.env())
  @Operation('upsertEndUser', 'Create or update one end user by keyId; new property names join the catalogue')
  @ApiOkEnvelope(EndUserDto)
  async upsert(@IdParam('envId') envId: string, @Body() body: UpsertEndUserDto): Promise<EndUserDto> {
    const user = await this.endUsers.upsert(envId, {
      keyId: body.keyId,
      name: body.name ?? null,
      customizedProperties: (body.customizedProperties ?? []).map((p) => ({
        name: p.name,
        value: p.value ?? null,
      })),
    });
    return EndUserDto.from(user);
  }

  @PostOk('by-keyIds')
  @Permission('CanAccessEnv', Res.env())
  @ApiBody({ schema: { type: 'array', items: { type: 'string' }, maxItems: 500 } })
  @Operation(
    'getEndUsersByKeyIds',
    'End users by keyId (body: a JSON array of keyIds)',
    'A keyId the environment does not know is looked up among the workspace’s global users.',
  )
  @ApiOkEnvelope(EndUserDto, { isArray: true })
  async byKeyIds(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Body() keyIds: unknown,
  ): Promise<EndUserDto[]> {
    if (
      !Array.isArray(keyIds) ||
      keyIds.length > 500 ||
      !keyIds.every((k) => typeof k === 'string' && k.length <= 512)
    ) {
      throw ValidationFailedError.of('body', 'keyIds_is_invalid', 'a JSON array of at most 500 keyIds');
    }
    return (await this.endUsers.byKeyIds(envId, ctx.org.workspaceId, keyIds as string[])).map((u) =>
      EndUserDto.from(u),
    );
  }

  @PostOk('upload')
  @Permission('ManageEndUsers', Res.env())
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: '{"users":[{keyId,name,customizedProperties}],"userProperties":[...]}',
        },
      },
    },
  })
  @Operation(
    'importEndUsers',
    'Import end users from a JSON file (multipart, streamed; size limit UPLOAD_LIMIT_BYTES)',
    'Users are upserted by keyId in batches as the file streams in; invalid users are skipped and reported; a JSON syntax error stops the import (users already written stay).',
  )
  @ApiOkEnvelope(ImportResultDto)
  async upload(@IdParam('envId') envId: string, @Req() req: FastifyRequest): Promise<ImportResultDto> {
    return receiveImport(req, this.config.limits.uploadLimitBytes, (file) =>
      this.importer.import(envId, file),
    );
  }

  @PostOk('download')
  @Permission('CanAccessEnv', Res.env())
  @RawResponse()
  @ApiProduces('application/json')
  @ApiResponse({ status: 200, description: 'A JSON file {"users":[...],"userProperties":[...]}, streamed' })
  @Operation(
    'exportEndUsers',
    'Export end users (optionally filtered) as a streamed JSON file in the import format',
  )
  async download(
    @IdParam('envId') envId: string,
    @Body() body: ExportQueryDto,
    @Reply() reply: FastifyReply,
  ): Promise<void> {
    await reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="end-users-${envId}.json"`)
      .send(this.importer.exportStream(envId, body.searchText || undefined));
  }

  @Get(':userId')
  @Permission('CanAccessEnv', Res.env())
  @Operation('getEndUser', 'One end user')
  @ApiOkEnvelope(EndUserDto)
  async get(
    @IdParam('envId') envId: string,
    @IdParam('userId', 'end user') userId: string,
  ): Promise<EndUserDto> {
    return EndUserDto.from(await this.endUsers.find(envId, userId));
  }

  @Get(':userId/flags')
  @Permission('CanAccessEnv', Res.env())
  @Operation('getEndUserFlags', 'Every flag of the environment evaluated for the user, with the reason')
  @ApiOkEnvelope(EvaluatedFlagDto, { isArray: true })
  async flags(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @IdParam('envId') envId: string,
    @IdParam('userId', 'end user') userId: string,
    @Query() query: ExportQueryDto,
  ): Promise<EvaluatedFlagDto[]> {
    return this.endUsers.evaluatedFlags(
      envId,
      userId,
      this.tenant.segmentScope(ctx.org, env, project),
      query.searchText,
    );
  }

  @Get(':userId/segments')
  @Permission('CanAccessEnv', Res.env())
  @Operation('getEndUserSegments', 'Segments the user is in')
  @ApiOkEnvelope(MatchedSegmentDto, { isArray: true })
  async segments(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @IdParam('envId') envId: string,
    @IdParam('userId', 'end user') userId: string,
  ): Promise<MatchedSegmentDto[]> {
    return this.endUsers.matchedSegments(envId, userId, this.tenant.segmentScope(ctx.org, env, project));
  }
}
