import { randomUUID } from 'node:crypto';
import { Body } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { type CopyPrecheck, copyFlagTo, precheckCopy } from '../../core/flags/flag-copy';
import { RN } from '../../core/iam/resource-name';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { environmentResourceName } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentFlag, CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { isUuid, TenantLookup } from '../auth/tenant-lookup.service';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ValidationFailedError } from '../http/api-errors';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { CopyPrecheckDto, CopyResultDto, FeatureFlagDto } from './flag.dto';
import { CloneFlagDto, CopyToEnvDto } from './flag-input.dto';
import { FlagMutations } from './flag-mutation.service';
import { FlagQueries } from './flag-query.service';
import { ApiFlagKey } from './key-param';

@ManagementController('envs/:envId/feature-flags', 'Feature flags')
export class FlagCopyController {
  constructor(
    private readonly tenant: TenantLookup,
    private readonly mutations: FlagMutations,
    private readonly queries: FlagQueries,
  ) {}

  @PostOk('clone/:key')
  @Permission('CloneFlag', Res.flag())
  @ApiFlagKey()
  @Operation('cloneFeatureFlag', 'Clone a flag with its variations and targeting under a new key')
  @ApiOkEnvelope(FeatureFlagDto)
  async clone(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentFlag() source: FeatureFlag,
    @Body() body: CloneFlagDto,
  ): Promise<FeatureFlag> {
    const tags = [...new Set(body.tags ?? source.tags)];
    ctx.require('CreateFlag', RN.flag(project.key, env.key, body.key, tags));
    const now = new Date().toISOString();
    const clone: FeatureFlag = {
      ...structuredClone(source),
      id: randomUUID(),
      revision: randomUUID(),
      key: body.key,
      name: body.name.trim(),
      description: body.description ?? source.description,
      tags,
      rules: source.rules.map((r) => ({ ...r, id: randomUUID() })),
      isArchived: false,
      creatorId: ctx.actor.userId,
      updatorId: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    return this.mutations.create(ctx.actor, ctx.org.id, clone, `cloned from ${source.key}`);
  }

  /** The flags `flagIds` of the route's environment `envId`, each of which the caller may copy. */
  private async flagsToCopy(
    ctx: ApiContext,
    envId: string,
    from: { env: Environment; project: Project },
    flagIds: unknown,
  ): Promise<FeatureFlag[]> {
    if (!Array.isArray(flagIds) || flagIds.length === 0 || flagIds.length > 500 || !flagIds.every(isUuid)) {
      throw ValidationFailedError.of('flagIds', 'flagIds_is_invalid', 'a list of 1 to 500 flag ids');
    }
    const flags = await this.queries.inEnvironment(envId, flagIds);
    for (const flag of flags)
      ctx.require('CopyFlagTo', RN.flag(from.project.key, from.env.key, flag.key, flag.tags));
    return flags;
  }

  private targetFacts(ctx: ApiContext, target: { env: Environment; project: Project }, flags: FeatureFlag[]) {
    return this.queries.copyTargetFacts(
      {
        envId: target.env.id,
        workspaceId: ctx.org.workspaceId,
        envResourceName: environmentResourceName(ctx.org.key, target.project.key, target.env.key),
      },
      flags,
    );
  }

  @PostOk('copy-to-env-precheck/:targetEnvId')
  @Permission('CanAccessEnv', Res.env())
  @ApiBody({ schema: { type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 500 } })
  @Operation('precheckCopyFeatureFlags', 'What copying these flags to another environment would find there')
  @ApiOkEnvelope(CopyPrecheckDto, { isArray: true })
  async precheck(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @IdParam('envId') envId: string,
    @IdParam('targetEnvId') targetEnvId: string,
    @Body() flagIds: unknown,
  ): Promise<CopyPrecheck[]> {
    const flags = await this.flagsToCopy(ctx, envId, { env, project }, flagIds);
    const target = await this.tenant.otherEnv(ctx, targetEnvId);
    ctx.require('CanAccessEnv', RN.env(target.project.key, target.env.key));
    const facts = await this.targetFacts(ctx, target, flags);
    return flags.map((f) => precheckCopy(f, facts));
  }

  @PostOk('copy-to-env/:targetEnvId')
  @Permission('CanAccessEnv', Res.env())
  @Operation(
    'copyFeatureFlagsToEnv',
    'Copy flags to another environment (switched off there)',
    'Flags whose key exists in the target are skipped (listed in `ignored`); rules that reference segments missing in the target are dropped. Needs CopyFlagTo on each source flag and CreateFlag in the target.',
  )
  @ApiOkEnvelope(CopyResultDto)
  async copy(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @IdParam('envId') envId: string,
    @IdParam('targetEnvId') targetEnvId: string,
    @Body() body: CopyToEnvDto,
  ): Promise<CopyResultDto> {
    const flags = await this.flagsToCopy(ctx, envId, { env, project }, body.flagIds);
    const target = await this.tenant.otherEnv(ctx, targetEnvId);
    for (const flag of flags)
      ctx.require('CreateFlag', RN.flag(target.project.key, target.env.key, flag.key, flag.tags));
    const facts = await this.targetFacts(ctx, target, flags);
    const ignored: string[] = [];
    let copiedCount = 0;
    for (const flag of flags) {
      if (facts.usedKeys.has(flag.key)) {
        ignored.push(flag.key);
        continue;
      }
      const copy = copyFlagTo(
        flag,
        { envId: target.env.id, segmentIds: facts.segmentIds },
        {
          id: randomUUID(),
          revision: randomUUID(),
          creatorId: ctx.actor.userId,
          now: new Date().toISOString(),
          newRuleId: randomUUID,
        },
      );
      await this.mutations.create(ctx.actor, ctx.org.id, copy, `copied from ${project.key}/${env.key}`);
      copiedCount++;
    }
    return { copiedCount, ignored };
  }
}
