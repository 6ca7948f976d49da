import { randomUUID } from 'node:crypto';
import { Body, Delete, Put } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { newFeatureFlag } from '../../core/flags/flag-factory';
import { targetingPermissions } from '../../core/flags/flag-instructions';
import { validateTargeting, validateVariations } from '../../core/flags/flag-validation';
import { RN } from '../../core/iam/resource-name';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentFlag, CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ForbiddenError, ResourceNotFoundError, ValidationFailedError } from '../http/api-errors';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { CommentDto } from '../http/validators';
import { FeatureFlagDto } from './flag.dto';
import {
  CreateFlagDto,
  UpdateDescriptionDto,
  UpdateNameDto,
  UpdateOffVariationDto,
  UpdateTagsDto,
  UpdateTargetingDto,
  UpdateVariationsDto,
} from './flag-input.dto';
import { FlagMutations } from './flag-mutation.service';
import { FlagTargeting } from './flag-targeting.service';
import { ApiFlagKey, KeyParam } from './key-param';

const REVISION = { description: 'The new revision of the flag' };

@ManagementController('envs/:envId/feature-flags', 'Feature flags')
export class FlagCommandController {
  constructor(
    private readonly mutations: FlagMutations,
    private readonly targeting: FlagTargeting,
  ) {}

  @PostOk()
  @Permission('CreateFlag', Res.newFlag())
  @Operation('createFeatureFlag', 'Create a flag; the default rule serves the enabled variation to everyone')
  @ApiOkEnvelope(FeatureFlagDto)
  async create(
    @Ctx() ctx: ApiContext,
    @IdParam('envId') envId: string,
    @Body() body: CreateFlagDto,
  ): Promise<FeatureFlag> {
    const variations = body.variations.map((v) => ({
      id: v.id ?? randomUUID(),
      name: v.name.trim(),
      value: v.value,
    }));
    const problems = validateVariations(body.variationType, variations);
    const ids = new Set(variations.map((v) => v.id));
    if (!ids.has(body.enabledVariationId)) {
      problems.push({
        field: 'enabledVariationId',
        code: 'enabledVariationId_is_invalid',
        message: 'not one of the variations',
      });
    }
    if (!ids.has(body.disabledVariationId)) {
      problems.push({
        field: 'disabledVariationId',
        code: 'disabledVariationId_is_invalid',
        message: 'not one of the variations',
      });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const flag = newFeatureFlag({
      id: randomUUID(),
      envId,
      revision: randomUUID(),
      name: body.name.trim(),
      key: body.key,
      description: body.description ?? '',
      isEnabled: body.isEnabled,
      variationType: body.variationType,
      variations,
      enabledVariationId: body.enabledVariationId,
      disabledVariationId: body.disabledVariationId,
      tags: [...new Set(body.tags ?? [])],
      creatorId: ctx.actor.userId,
      now: new Date().toISOString(),
    });
    return this.mutations.create(ctx.actor, ctx.org.id, flag);
  }

  private change(
    ctx: ApiContext,
    env: Environment,
    flag: FeatureFlag,
    change: Parameters<FlagMutations['apply']>[4],
  ): Promise<FeatureFlag> {
    return this.mutations.apply(ctx.actor, ctx.org.id, env, flag, change);
  }

  @Put(':key/name')
  @Permission('UpdateFlagName', Res.flag())
  @ApiFlagKey()
  @Operation('updateFeatureFlagName', 'Rename a flag')
  @ApiOkEnvelope('string', REVISION)
  async updateName(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: UpdateNameDto,
  ): Promise<string> {
    return (
      await this.change(ctx, env, flag, {
        operation: 'Update',
        comment: body.comment,
        changes: { name: body.name.trim() },
      })
    ).revision;
  }

  @Put(':key/description')
  @Permission('UpdateFlagDescription', Res.flag())
  @ApiFlagKey()
  @Operation('updateFeatureFlagDescription', 'Change the description of a flag')
  @ApiOkEnvelope('string', REVISION)
  async updateDescription(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: UpdateDescriptionDto,
  ): Promise<string> {
    return (
      await this.change(ctx, env, flag, {
        operation: 'Update',
        comment: body.comment,
        changes: { description: body.description },
      })
    ).revision;
  }

  @Put(':key/tags')
  @Permission('UpdateFlagTags', Res.flag())
  @ApiFlagKey()
  @Operation('updateFeatureFlagTags', 'Replace the tags of a flag')
  @ApiOkEnvelope('string', REVISION)
  async updateTags(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @CurrentProject() project: Project,
    @Body() body: UpdateTagsDto,
  ): Promise<string> {
    // Tags are part of the flag's resource name: the new tags must be allowed too.
    ctx.require('UpdateFlagTags', RN.flag(project.key, env.key, flag.key, body.tags));
    return (
      await this.change(ctx, env, flag, {
        operation: 'Update',
        comment: body.comment,
        changes: { tags: [...new Set(body.tags)] },
      })
    ).revision;
  }

  @Put(':key/toggle/:status')
  @Permission('ToggleFlag', Res.flag())
  @ApiFlagKey()
  @ApiParam({ name: 'status', enum: ['true', 'false'] })
  @Operation('toggleFeatureFlag', 'Turn a flag on (true) or off (false)')
  @ApiOkEnvelope('string', REVISION)
  async toggle(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @KeyParam('status') status: string,
    @Body() body: CommentDto,
  ): Promise<string> {
    if (status !== 'true' && status !== 'false') throw new ResourceNotFoundError('route');
    return (
      await this.change(ctx, env, flag, {
        operation: 'Update',
        comment: body?.comment,
        changes: { isEnabled: status === 'true' },
      })
    ).revision;
  }

  @Put(':key/archive')
  @Permission('ArchiveFlag', Res.flag())
  @ApiFlagKey()
  @Operation('archiveFeatureFlag', 'Archive a flag (SDKs then get no variation for it)')
  @ApiOkEnvelope('string', REVISION)
  async archive(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: CommentDto,
  ): Promise<string> {
    return (
      await this.change(ctx, env, flag, {
        operation: 'Archive',
        comment: body?.comment,
        changes: { isArchived: true },
      })
    ).revision;
  }

  @Put(':key/restore')
  @Permission('RestoreFlag', Res.flag())
  @ApiFlagKey()
  @Operation('restoreFeatureFlag', 'Restore an archived flag')
  @ApiOkEnvelope('string', REVISION)
  async restore(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: CommentDto,
  ): Promise<string> {
    return (
      await this.change(ctx, env, flag, {
        operation: 'Restore',
        comment: body?.comment,
        changes: { isArchived: false },
      })
    ).revision;
  }

  @Delete(':key')
  @Permission('DeleteFlag', Res.flag())
  @ApiFlagKey()
  @Operation(
    'deleteFeatureFlag',
    'Delete an archived flag for good (422 CannotDeleteUnarchivedFeatureFlag otherwise)',
    'Evaluation servers forget the flag at once; nothing is pushed to SDKs (as FeatBit): they already received the archived flag, which evaluates to no variation, and drop it at their next full sync.',
  )
  @ApiOkEnvelope('boolean')
  async delete(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: CommentDto,
  ): Promise<boolean> {
    await this.mutations.delete(ctx.actor, ctx.org.id, env, flag, body?.comment ?? '');
    return true;
  }

  @Put(':key/off-variation')
  @Permission('UpdateFlagOffVariation', Res.flag())
  @ApiFlagKey()
  @Operation(
    'updateFeatureFlagOffVariation',
    'Choose the variation served when the flag is off (revision checked)',
  )
  @ApiOkEnvelope('string', REVISION)
  async updateOffVariation(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: UpdateOffVariationDto,
  ): Promise<string> {
    if (!flag.variations.some((v) => v.id === body.offVariationId)) {
      throw ValidationFailedError.of(
        'offVariationId',
        'offVariationId_is_invalid',
        'not one of the variations',
      );
    }
    const next = await this.change(ctx, env, flag, {
      operation: 'Update',
      comment: body.comment,
      expectedRevision: body.revision,
      changes: { disabledVariationId: body.offVariationId },
    });
    return next.revision;
  }

  @Put(':key/variations')
  @Permission('UpdateFlagVariations', Res.flag())
  @ApiFlagKey()
  @Operation(
    'updateFeatureFlagVariations',
    'Replace the variations (revision checked)',
    'A variation still used by the off variation, individual targets or rules cannot be removed (400 variations_is_invalid).',
  )
  @ApiOkEnvelope('string', REVISION)
  async updateVariations(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: UpdateVariationsDto,
  ): Promise<string> {
    const variations = body.variations.map((v) => ({
      id: v.id ?? randomUUID(),
      name: v.name.trim(),
      value: v.value,
    }));
    const next = await this.change(ctx, env, flag, {
      operation: 'Update',
      comment: body.comment,
      expectedRevision: body.revision,
      changes: {
        variations,
        ...this.targeting.withoutZeroShares(flag, new Set(variations.map((v) => v.id))),
      },
      validate: (flag) => [
        ...validateVariations(flag.variationType, variations),
        ...this.targeting.referenceProblems(flag),
      ],
    });
    return next.revision;
  }

  @Put(':key/targeting')
  @Permission(
    ['UpdateFlagIndividualTargeting', 'UpdateFlagTargetingRules', 'UpdateFlagDefaultRule'],
    Res.flag(),
  )
  @ApiFlagKey()
  @Operation(
    'updateFeatureFlagTargeting',
    'Replace individual targets, rules, default rule and experiment setting (revision checked)',
    'Each changed part needs its own permission: UpdateFlagIndividualTargeting, UpdateFlagTargetingRules, UpdateFlagDefaultRule.',
  )
  @ApiOkEnvelope('string', REVISION)
  async updateTargeting(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @CurrentProject() project: Project,
    @Body() body: UpdateTargetingDto,
  ): Promise<string> {
    const targeting = this.targeting.normalise(body.targeting);
    const rn = RN.flag(project.key, env.key, flag.key, flag.tags);
    for (const action of targetingPermissions(flag, targeting)) {
      if (!ctx.can(action, rn)) throw new ForbiddenError(`not allowed: ${action} on ${rn}`);
    }
    const segmentIds = await this.targeting.visibleSegmentIds(ctx, env, project);
    const next = await this.change(ctx, env, flag, {
      operation: 'Update',
      comment: body.comment,
      expectedRevision: body.revision,
      changes: targeting,
      validate: (f) => validateTargeting(f.variations, f, segmentIds),
    });
    return next.revision;
  }
}
