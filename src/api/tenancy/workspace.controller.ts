import { Body, Get, Put, Query } from '@nestjs/common';
import { Authenticated, Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { KeyQueryDto } from '../http/validators';
import { WorkspaceDto } from './tenancy.dto';
import { UpdateWorkspaceDto } from './tenancy-input.dto';
import { WorkspaceService } from './workspace.service';

@ManagementController('workspaces', 'Workspaces')
export class WorkspaceController {
  constructor(private readonly workspaces: WorkspaceService) {}

  @Get()
  @Authenticated({ scope: 'workspace' })
  @Operation('getWorkspace', 'The current workspace (from the Workspace header or the access token)')
  @ApiOkEnvelope(WorkspaceDto)
  current(@Ctx() ctx: ApiContext): WorkspaceDto {
    return WorkspaceDto.from(ctx.ws);
  }

  @Put()
  @Permission('UpdateWorkspaceGeneralSettings', Res.workspace())
  @Operation('updateWorkspace', 'Rename the current workspace or change its key')
  @ApiOkEnvelope(WorkspaceDto)
  async update(@Ctx() ctx: ApiContext, @Body() body: UpdateWorkspaceDto): Promise<WorkspaceDto> {
    return WorkspaceDto.from(await this.workspaces.update(ctx.actor, ctx.ws, ctx.org.id, body));
  }

  @Get('is-key-used')
  @Permission('UpdateWorkspaceGeneralSettings', Res.workspace())
  @Operation('isWorkspaceKeyUsed', 'Whether a workspace key is taken')
  @ApiOkEnvelope('boolean')
  isKeyUsed(@Ctx() ctx: ApiContext, @Query() query: KeyQueryDto): Promise<boolean> {
    return this.workspaces.isKeyUsed(ctx.ws, query.key);
  }
}
