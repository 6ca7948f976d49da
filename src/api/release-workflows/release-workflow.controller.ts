import { Body, Delete, Get, Put } from '@nestjs/common';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { RN } from '../../core/iam/resource-name';
import type { Environment, Organization, Project } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentFlag, CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { TenantLookup } from '../auth/tenant-lookup.service';
import { ApiOkEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { ApiFlagKey, KeyParam } from '../feature-flags/key-param';
import { ChangeRequestService } from './change-request.service';
import type { FlagPlace } from './draft-applier.service';
import type { FlagPermissionCheck } from './flag-proposal.service';
import { PendingChangeQueries } from './pending-change-queries.service';
import {
  CreateChangeRequestDto,
  CreateScheduleDto,
  PendingChangeDto,
  ReviewDto,
} from './release-workflow.dto';
import { ScheduleService } from './schedule.service';

// FeatBit's pending-changes, schedules and change-requests routes (docs/release-workflows.md), free
// here. Proposing needs the right to change each part the proposal changes (checked per part, as a
// direct targeting update); reviewing, applying and withdrawing are decided by who the caller is in
// the request (reviewer, requester), on top of access to the environment.

/** Who may change which part of the flag (per-part permission checks of a proposal). */
function flagCan(
  ctx: ApiContext,
  project: Project,
  env: Environment,
  flag: FeatureFlag,
): FlagPermissionCheck {
  const rn = RN.flag(project.key, env.key, flag.key, flag.tags);
  return (action) => ctx.can(action, rn);
}

const PROPOSE = [
  'UpdateFlagIndividualTargeting',
  'UpdateFlagTargetingRules',
  'UpdateFlagDefaultRule',
  'ToggleFlag',
] as const;

@ManagementController('envs/:envId/feature-flags', 'Release workflows')
export class ReleaseWorkflowController {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly requests: ChangeRequestService,
    private readonly pending: PendingChangeQueries,
    private readonly tenant: TenantLookup,
  ) {}

  @Get(':key/pending-changes')
  @Permission('CanAccessEnv', Res.env())
  @ApiFlagKey()
  @Operation(
    'listPendingChanges',
    "A flag's schedules and change requests still to apply (and failed schedules), newest first",
  )
  @ApiOkEnvelope(PendingChangeDto, { isArray: true })
  async pendingChanges(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @KeyParam() key: string,
  ): Promise<PendingChangeDto[]> {
    return this.pending.forFlag(await this.tenant.flag(ctx, envId, key));
  }

  @Get('change-requests')
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'listChangeRequests',
    "The environment's change requests not yet applied, newest first (not in FeatBit)",
  )
  @ApiOkEnvelope(PendingChangeDto, { isArray: true })
  changeRequests(@IdParam('envId') envId: string): Promise<PendingChangeDto[]> {
    return this.pending.openRequests(envId);
  }

  @PostOk(':key/schedules')
  @Permission([...PROPOSE], Res.flag())
  @ApiFlagKey()
  @Operation(
    'createFlagSchedule',
    'Schedule a change of targeting and/or on/off state, optionally behind a change request',
    'Refused 403 without a change request where the environment requires approval. The change is applied onto the flag as it is at the scheduled time.',
  )
  @ApiOkEnvelope('boolean')
  async createSchedule(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: CreateScheduleDto,
  ): Promise<boolean> {
    await this.schedules.create(
      ctx.actor,
      place(ctx.org, project, env, flag),
      body,
      flagCan(ctx, project, env, flag),
    );
    return true;
  }

  @Delete('schedules/:id')
  @Permission('CanAccessEnv', Res.env())
  @Operation('deleteFlagSchedule', 'Cancel a schedule (its creator or an editor of the flag)')
  @ApiOkEnvelope('boolean')
  async deleteSchedule(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('id', 'schedule') id: string,
  ): Promise<boolean> {
    await this.schedules.remove(ctx.actor, envId, id, await this.canOnFlagOf(ctx, envId, 'schedule', id));
    return true;
  }

  @PostOk(':key/change-requests')
  @Permission([...PROPOSE], Res.flag())
  @ApiFlagKey()
  @Operation('createFlagChangeRequest', 'Propose a change of targeting and/or on/off state for review')
  @ApiOkEnvelope('boolean')
  async createChangeRequest(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: CreateChangeRequestDto,
  ): Promise<boolean> {
    await this.requests.create(
      ctx.actor,
      place(ctx.org, project, env, flag),
      body,
      flagCan(ctx, project, env, flag),
    );
    return true;
  }

  @Put('change-requests/:id/approve')
  @Permission('CanAccessEnv', Res.env())
  @Operation('approveFlagChangeRequest', 'A reviewer approves (not their own request)')
  @ApiOkEnvelope('boolean')
  async approve(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('id', 'change request') id: string,
    @Body() body: ReviewDto,
  ): Promise<boolean> {
    await this.requests.review(ctx.actor, envId, id, 'Approve', body.comment ?? '');
    return true;
  }

  @Put('change-requests/:id/decline')
  @Permission('CanAccessEnv', Res.env())
  @Operation('declineFlagChangeRequest', 'A reviewer declines (not their own request)')
  @ApiOkEnvelope('boolean')
  async decline(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('id', 'change request') id: string,
    @Body() body: ReviewDto,
  ): Promise<boolean> {
    await this.requests.review(ctx.actor, envId, id, 'Decline', body.comment ?? '');
    return true;
  }

  @Put('change-requests/:id/apply')
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'applyFlagChangeRequest',
    'The requester or a reviewer applies an approved request (409 naming conflicting parts)',
  )
  @ApiOkEnvelope('boolean')
  async apply(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('id', 'change request') id: string,
  ): Promise<boolean> {
    await this.requests.apply(ctx.actor, envId, id);
    return true;
  }

  @Delete('change-requests/:id')
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'deleteFlagChangeRequest',
    'Withdraw a change request (requester, reviewer or an editor of the flag)',
  )
  @ApiOkEnvelope('boolean')
  async deleteChangeRequest(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @IdParam('id', 'change request') id: string,
  ): Promise<boolean> {
    await this.requests.remove(
      ctx.actor,
      envId,
      id,
      await this.canOnFlagOf(ctx, envId, 'change request', id),
    );
    return true;
  }

  /** The caller's permissions on the flag a schedule or change request belongs to. */
  private async canOnFlagOf(
    ctx: ApiContext,
    envId: string,
    kind: 'schedule' | 'change request',
    id: string,
  ): Promise<FlagPermissionCheck> {
    const { env, project } = await this.tenant.env(ctx, envId);
    const flag = await (kind === 'schedule'
      ? this.schedules.flagOf(envId, id)
      : this.requests.flagOf(envId, id));
    return flagCan(ctx, project, env, flag);
  }
}

function place(org: Organization, project: Project, env: Environment, flag: FeatureFlag): FlagPlace {
  return { org, project, env, flag };
}
