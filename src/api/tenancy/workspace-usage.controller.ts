import { Get, Query } from '@nestjs/common';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { WorkspaceUsageDto, WorkspaceUsageQueryDto } from './workspace-usage.dto';
import { WorkspaceUsageService } from './workspace-usage.service';

@ManagementController('workspaces', 'Workspaces')
export class WorkspaceUsageController {
  constructor(private readonly usage: WorkspaceUsageService) {}

  // The page spans every organization of the workspace, so it takes a workspace-level permission
  // (as the other workspace routes that read more than the caller's own workspace record).
  @Get('usages')
  @Permission('UpdateWorkspaceGeneralSettings', Res.workspace())
  @Operation(
    'getWorkspaceUsages',
    'Usage of the workspace: unique users, flag evaluations and custom metrics, per day and per environment',
  )
  @ApiOkEnvelope(WorkspaceUsageDto)
  usages(@Ctx() ctx: ApiContext, @Query() query: WorkspaceUsageQueryDto): Promise<WorkspaceUsageDto> {
    return this.usage.usages(ctx.ws, query);
  }
}
