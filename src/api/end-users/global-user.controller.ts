import { Get, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { ApiOkEnvelope } from '../http/api-envelope';
import { pageOf } from '../http/paging.dto';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { ImportResultDto } from './end-user.dto';
import { EndUserImporter } from './end-user-import.service';
import { EndUserService } from './end-user.service';
import { ScopedEndUserDto, ScopedEndUserPageDto } from './end-user-search.dto';
import { GlobalUserQueryDto } from './global-user.dto';
import { receiveImport } from './import-upload';

// Global users (FeatBit's GlobalUserController) are end users of the workspace, stored with no
// environment. They reach every environment, so reading them needs CanAccessEnv and importing them
// ManageEndUsers on every environment (`project/*:env/*`); FeatBit checks only its licence.
const EVERY_ENV = () => 'project/*:env/*';

@ManagementController('global-users', 'End users')
export class GlobalUserController {
  constructor(
    private readonly endUsers: EndUserService,
    private readonly importer: EndUserImporter,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Permission('CanAccessEnv', EVERY_ENV)
  @Operation(
    'listGlobalUsers',
    'Global (workspace-level) end users, newest first; name matches keyId or name',
  )
  @ApiOkEnvelope(ScopedEndUserPageDto)
  async list(@Ctx() ctx: ApiContext, @Query() query: GlobalUserQueryDto): Promise<ScopedEndUserPageDto> {
    const page = await this.endUsers.query({
      ...pageOf(query),
      envId: null,
      globalOfWorkspace: ctx.org.workspaceId,
      searchText: query.name?.trim() || undefined,
      searchKeyId: true,
      searchName: true,
      searchProperties: [],
      excludedKeyIds: [],
    });
    return { totalCount: page.totalCount, items: page.items.map((u) => ScopedEndUserDto.fromStored(u)) };
  }

  @PostOk('upload')
  @Permission('ManageEndUsers', EVERY_ENV)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: '{"users":[{keyId,name,customizedProperties}]}',
        },
      },
    },
  })
  @Operation(
    'importGlobalUsers',
    'Import global users from a JSON file in FeatBit’s format (multipart, streamed; size limit UPLOAD_LIMIT_BYTES)',
    'Users are upserted by keyId into the workspace; invalid users are skipped and reported. `userProperties` is accepted and ignored: the property catalogue belongs to each environment.',
  )
  @ApiOkEnvelope(ImportResultDto)
  async upload(@Ctx() ctx: ApiContext, @Req() req: FastifyRequest): Promise<ImportResultDto> {
    const workspaceId = ctx.org.workspaceId;
    return receiveImport(req, this.config.limits.uploadLimitBytes, (file) =>
      this.importer.importGlobal(workspaceId, file),
    );
  }
}
