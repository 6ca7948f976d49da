import { randomUUID } from 'node:crypto';
import { applyDecorators, Body, Delete, Put } from '@nestjs/common';
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
import { type FlagChange, FlagMutations } from './flag-mutation.service';
import { FlagTargeting } from './flag-targeting.service';
import { ApiFlagKey, KeyParam } from './key-param';

const REVISION = { description: 'The new revision of the flag' };

/**
 * A PUT on one flag (`:key/…`) answering the flag's new revision. Access is not part of it: each
 * route keeps its own @Permission (the route walk and docs/security-routes.md read them).
 */
function FlagRevisionRoute(
  path: string,
  operationId: string,
  summary: string,
  description?: string,
): MethodDecorator {
  return applyDecorators(
    Put(path),
    ApiFlagKey(),
    Operation(operationId, summary, description),
    ApiOkEnvelope('string', REVISION),
  );
}

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

  /** Applies the change as the caller; the route answers the flag's new revision. */
  private async revise(
    ctx: ApiContext,
    env: Environment,
    flag: FeatureFlag,
    change: FlagChange,
  ): Promise<string> {
    return (await this.mutations.apply(ctx.actor, ctx.org.id, env, flag, change)).revision;
  }

  @FlagRevisionRoute(':key/name', 'updateFeatureFlagName', 'Rename a flag')
  @Permission('UpdateFlagName', Res.flag())
  async updateName(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: UpdateNameDto,
  ): Promise<string> {
    return this.revise(ctx, env, flag, {
      operation: 'Update',
      comment: body.comment,
      changes: { name: body.name.trim() },
    });
  }

  @FlagRevisionRoute(':key/description', 'updateFeatureFlagDescription', 'Change the description of a flag')
  @Permission('UpdateFlagDescription', Res.flag())
  async updateDescription(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: UpdateDescriptionDto,
  ): Promise<string> {
    return this.revise(ctx, env, flag, {
      operation: 'Update',
      comment: body.comment,
      changes: { description: body.description },
    });
  }

  @FlagRevisionRoute(':key/tags', 'updateFeatureFlagTags', 'Replace the tags of a flag')
  @Permission('UpdateFlagTags', Res.flag())
  async updateTags(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @CurrentProject() project: Project,
    @Body() body: UpdateTagsDto,
  ): Promise<string> {
    // Tags are part of the flag's resource name: the new tags must be allowed too.
    ctx.require('UpdateFlagTags', RN.flag(project.key, env.key, flag.key, body.tags));
    return this.revise(ctx, env, flag, {
      operation: 'Update',
      comment: body.comment,
      changes: { tags: [...new Set(body.tags)] },
    });
  }

  @FlagRevisionRoute(':key/toggle/:status', 'toggleFeatureFlag', 'Turn a flag on (true) or off (false)')
  @Permission('ToggleFlag', Res.flag())
  @ApiParam({ name: 'status', enum: ['true', 'false'] })
  async toggle(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @KeyParam('status') status: string,
    @Body() body: CommentDto,
  ): Promise<string> {
    if (status !== 'true' && status !== 'false') throw new ResourceNotFoundError('route');
    return this.revise(ctx, env, flag, {
      operation: 'Update',
      comment: body?.comment,
      changes: { isEnabled: status === 'true' },
    });
  }

  @FlagRevisionRoute(
    ':key/archive',
    'archiveFeatureFlag',
    'Archive a flag (SDKs then get no variation for it)',
  )
  @Permission('ArchiveFlag', Res.flag())
  async archive(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: CommentDto,
  ): Promise<string> {
    return this.revise(ctx, env, flag, {
      operation: 'Archive',
      comment: body?.comment,
      changes: { isArchived: true },
    });
  }

  @FlagRevisionRoute(':key/restore', 'restoreFeatureFlag', 'Restore an archived flag')
  @Permission('RestoreFlag', Res.flag())
  async restore(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: CommentDto,
  ): Promise<string> {
    return this.revise(ctx, env, flag, {
      operation: 'Restore',
      comment: body?.comment,
      changes: { isArchived: false },
    });
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

  @FlagRevisionRoute(
    ':key/off-variation',
    'updateFeatureFlagOffVariation',
    'Choose the variation served when the flag is off (revision checked)',
  )
  @Permission('UpdateFlagOffVariation', Res.flag())
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
    return this.revise(ctx, env, flag, {
      operation: 'Update',
      comment: body.comment,
      expectedRevision: body.revision,
      changes: { disabledVariationId: body.offVariationId },
    });
  }

  @FlagRevisionRoute(
    ':key/variations',
    'updateFeatureFlagVariations',
    'Replace the variations (revision checked)',
    'A variation still used by the off variation, individual targets or rules cannot be removed (400 variations_is_invalid).',
  )
  @Permission('UpdateFlagVariations', Res.flag())
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
    return this.revise(ctx, env, flag, {
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
  }

  @FlagRevisionRoute(
    ':key/targeting',
    'updateFeatureFlagTargeting',
    'Replace individual targets, rules, default rule and experiment setting (revision checked)',
    'Each changed part needs its own permission: UpdateFlagIndividualTargeting, UpdateFlagTargetingRules, UpdateFlagDefaultRule.',
  )
  @Permission(
    ['UpdateFlagIndividualTargeting', 'UpdateFlagTargetingRules', 'UpdateFlagDefaultRule'],
    Res.flag(),
  )
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
    const segmentIds = await this.targeting.visibleSegmentIds(ctx.org, env, project);
    return this.revise(ctx, env, flag, {
      operation: 'Update',
      comment: body.comment,
      expectedRevision: body.revision,
      changes: targeting,
      validate: (f) => validateTargeting(f.variations, f, segmentIds),
    });
  }
}
