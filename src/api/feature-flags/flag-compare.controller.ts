import { Body, Get, Put } from '@nestjs/common';
import { RN } from '../../core/iam/resource-name';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { TenantLookup } from '../auth/tenant-lookup.service';
import { ApiOkEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import {
  CompareFlagDetailDto,
  CompareFlagOverviewPageDto,
  CompareOverviewDto,
  CopySettingsDto,
} from './flag-compare.dto';
import { type EnvInProject, FlagCompare } from './flag-compare.service';
import { ApiFlagKey, KeyParam } from './key-param';

@ManagementController('envs/:envId/feature-flags', 'Feature flags')
export class FlagCompareController {
  constructor(
    private readonly tenant: TenantLookup,
    private readonly compare: FlagCompare,
  ) {}

  /** Another environment of the organization the caller may read (404 outside it, 403 without access). */
  private async readableEnv(ctx: ApiContext, envId: unknown): Promise<EnvInProject> {
    const target = await this.tenant.otherEnv(ctx, envId);
    ctx.require('CanAccessEnv', RN.env(target.project.key, target.env.key));
    return target;
  }

  @PostOk('compare-overview')
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'compareFeatureFlagsOverview',
    'Which parts of each flag differ in other environments',
    'Pages the flags of this environment (the flag list filter); per target environment holding a flag of the same key, whether its on/off state, individual targeting, rules, default rule and off variation differ. Needs CanAccessEnv on every target.',
  )
  @ApiOkEnvelope(CompareFlagOverviewPageDto)
  async overview(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Body() body: CompareOverviewDto,
  ): Promise<CompareFlagOverviewPageDto> {
    const targets: EnvInProject[] = [];
    for (const id of new Set(body.targetEnvIds)) targets.push(await this.readableEnv(ctx, id));
    const filter = body.filter ?? {};
    return this.compare.overview(envId, targets, {
      ...pageOf(filter),
      name: filter.name,
      tags: filter.tags,
      isEnabled: filter.isEnabled,
      isArchived: filter.isArchived ?? false,
      sortBy: filter.sortBy ?? 'created_at',
    });
  }

  @Get(':key/compare-with/:targetEnvId')
  @Permission('CanAccessEnv', Res.env())
  @ApiFlagKey()
  @Operation(
    'compareFeatureFlagWith',
    'The flag side by side with the flag of the same key in another environment',
    'Answers null when the target environment has no such flag (as FeatBit).',
  )
  @ApiOkEnvelope(CompareFlagDetailDto, { description: 'null when the target has no such flag' })
  async detail(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @KeyParam() key: string,
    @IdParam('targetEnvId') targetEnvId: string,
  ): Promise<CompareFlagDetailDto | null> {
    const source = await this.tenant.flag(ctx, envId, key);
    return this.compare.detail(ctx.org, source, await this.readableEnv(ctx, targetEnvId));
  }

  @Put(':key/copy-settings-to/:targetEnvId')
  @Permission('CanAccessEnv', Res.env())
  @ApiFlagKey()
  @Operation(
    'copyFeatureFlagSettingsTo',
    'Copy chosen parts of the flag onto the flag of the same key in another environment',
    'Each chosen part needs its permission on the target flag (ToggleFlag, UpdateFlagIndividualTargeting, UpdateFlagTargetingRules, UpdateFlagDefaultRule, UpdateFlagOffVariation). Refused with 422 FlagSettingsNotCopyable and the reasons when a copied rule uses a segment the target environment cannot use or a copied part serves a variation the target flag lacks; nothing is written then.',
  )
  @ApiOkEnvelope('boolean')
  async copy(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @IdParam('envId') envId: string,
    @KeyParam() key: string,
    @IdParam('targetEnvId') targetEnvId: string,
    @Body() body: CopySettingsDto,
  ): Promise<boolean> {
    const flag = await this.tenant.flag(ctx, envId, key);
    const target = await this.readableEnv(ctx, targetEnvId);
    await this.compare.copy(ctx.actor, ctx.org, { env, project, flag }, target, body.options, (action, rn) =>
      ctx.can(action, rn),
    );
    return true;
  }
}
