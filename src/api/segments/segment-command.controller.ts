import { randomUUID } from 'node:crypto';
import { applyDecorators, Body, Delete, Put } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { PermissionAction } from '../../core/iam/permissions';
import { RN } from '../../core/iam/resource-name';
import type { Segment, SegmentRule } from '../../core/segments/segment';
import { segmentTargetingPermissions } from '../../core/segments/segment-instructions';
import { validateSegmentRules, validateSharedScopes } from '../../core/segments/segment-validation';
import { type Environment, environmentResourceName, type Project } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentProject, CurrentSegment } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { requireComment } from '../feature-flags/flag-mutation.service';
import { ApiOkEnvelope } from '../http/api-envelope';
import { BusinessRuleError, ERROR_CODES, ValidationFailedError } from '../http/api-errors';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { CommentDto } from '../http/validators';
import {
  CreateSegmentDto,
  SegmentDto,
  UpdateSegmentDescriptionDto,
  UpdateSegmentNameDto,
  UpdateSegmentTagsDto,
  UpdateSegmentTargetingDto,
} from './segment.dto';
import { type SegmentChange, SegmentMutations } from './segment-mutation.service';
import type { EnvInOrg } from './segment-scope.service';

/** The `:segmentId` the guard resolves (Res.segment); handlers take @CurrentSegment(). */
const ApiSegmentId = () => ApiParam({ name: 'segmentId', type: String });

/**
 * A PUT on one segment (`:segmentId/…`) answering the changed segment. Access is not part of it:
 * each route keeps its own @Permission (the route walk and docs/security-routes.md read them).
 */
function SegmentRoute(path: string, operationId: string, summary: string, description?: string) {
  return applyDecorators(
    Put(path),
    ApiSegmentId(),
    Operation(operationId, summary, description),
    ApiOkEnvelope(SegmentDto),
  );
}

@ManagementController('envs/:envId/segments', 'Segments')
export class SegmentCommandController {
  constructor(private readonly mutations: SegmentMutations) {}

  @PostOk()
  @Permission('CreateSegment', Res.newSegment())
  @Operation('createSegment', 'Create an environment-specific or shared segment')
  @ApiOkEnvelope(SegmentDto)
  async create(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @IdParam('envId') envId: string,
    @Body() body: CreateSegmentDto,
  ): Promise<SegmentDto> {
    const type = body.type ?? 'environment-specific';
    const scopes = type === 'shared' ? [...new Set(body.scopes ?? [])] : [];
    if (type === 'shared') {
      const problems = validateSharedScopes(
        scopes,
        ctx.org.key,
        environmentResourceName(ctx.org.key, project.key, env.key),
      );
      if (problems.length > 0) throw new ValidationFailedError(problems);
    }
    const now = new Date().toISOString();
    const segment: Segment = {
      id: randomUUID(),
      workspaceId: ctx.org.workspaceId,
      envId: type === 'shared' ? '' : envId,
      name: body.name.trim(),
      key: body.key,
      type,
      scopes,
      description: body.description ?? '',
      included: [],
      excluded: [],
      rules: [],
      tags: [...new Set(body.tags ?? [])],
      isArchived: false,
      createdAt: now,
      updatedAt: now,
    };
    const envs = await this.authorizedEnvs(ctx, { env, project }, segment, ['CreateSegment']);
    await this.mutations.create(ctx.actor, ctx.org.id, segment, envs);
    return SegmentDto.from(segment);
  }

  @SegmentRoute(':segmentId/name', 'updateSegmentName', 'Rename a segment')
  @Permission('UpdateSegmentName', Res.segment())
  async updateName(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentSegment() segment: Segment,
    @Body() body: UpdateSegmentNameDto,
  ): Promise<SegmentDto> {
    return this.update(ctx, { env, project }, segment, {
      operation: 'Update',
      comment: body.comment,
      changes: { name: body.name.trim() },
      actions: ['UpdateSegmentName'],
      bumpFlags: false,
    });
  }

  @SegmentRoute(':segmentId/description', 'updateSegmentDescription', 'Change the description of a segment')
  @Permission('UpdateSegmentDescription', Res.segment())
  async updateDescription(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentSegment() segment: Segment,
    @Body() body: UpdateSegmentDescriptionDto,
  ): Promise<SegmentDto> {
    return this.update(ctx, { env, project }, segment, {
      operation: 'Update',
      comment: body.comment,
      changes: { description: body.description },
      actions: ['UpdateSegmentDescription'],
      bumpFlags: false,
    });
  }

  @SegmentRoute(':segmentId/tags', 'updateSegmentTags', 'Replace the tags of a segment')
  @Permission('UpdateSegmentTags', Res.segment())
  async updateTags(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentSegment() segment: Segment,
    @Body() body: UpdateSegmentTagsDto,
  ): Promise<SegmentDto> {
    ctx.require('UpdateSegmentTags', RN.segment(project.key, env.key, segment.key, body.tags));
    return this.update(ctx, { env, project }, segment, {
      operation: 'Update',
      comment: body.comment,
      changes: { tags: [...new Set(body.tags)] },
      actions: ['UpdateSegmentTags'],
      bumpFlags: false,
    });
  }

  @SegmentRoute(
    ':segmentId/targeting',
    'updateSegmentTargeting',
    'Replace included/excluded users and rules',
    'Users need UpdateSegmentTargetingUsers, rules UpdateSegmentRules. Referencing flags get a new revision and one change message is published per environment the segment applies to.',
  )
  @Permission(['UpdateSegmentTargetingUsers', 'UpdateSegmentRules'], Res.segment())
  async updateTargeting(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentSegment() segment: Segment,
    @Body() body: UpdateSegmentTargetingDto,
  ): Promise<SegmentDto> {
    const rules: SegmentRule[] = body.rules.map((r) => ({
      id: r.id ?? randomUUID(),
      name: r.name,
      conditions: r.conditions.map((c) => ({
        id: c.id ?? randomUUID(),
        property: c.property,
        op: c.op ?? null,
        value: c.value,
      })),
    }));
    const changes = { included: [...new Set(body.included)], excluded: [...new Set(body.excluded)], rules };
    return this.update(ctx, { env, project }, segment, {
      operation: 'Update',
      comment: body.comment,
      changes,
      actions: segmentTargetingPermissions(segment, changes),
      bumpFlags: true,
      validate: (s) => validateSegmentRules(s.rules),
    });
  }

  @SegmentRoute(
    ':segmentId/archive',
    'archiveSegment',
    'Archive a segment; refused with SegmentIsBeingUsed (data: the flags) while flags use it',
  )
  @Permission('ArchiveSegment', Res.segment())
  async archive(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentSegment() segment: Segment,
    @Body() body: CommentDto,
  ): Promise<SegmentDto> {
    const refs = await this.mutations.references(ctx.org, { env, project }, segment);
    if (refs.length > 0) {
      throw new BusinessRuleError(
        ERROR_CODES.segmentIsBeingUsed,
        `the segment is used by ${refs.map((r) => r.key).join(', ')}`,
        refs,
      );
    }
    return this.update(ctx, { env, project }, segment, {
      operation: 'Archive',
      comment: body?.comment,
      changes: { isArchived: true },
      actions: ['ArchiveSegment'],
      bumpFlags: false,
    });
  }

  @SegmentRoute(':segmentId/restore', 'restoreSegment', 'Restore an archived segment')
  @Permission('RestoreSegment', Res.segment())
  async restore(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentSegment() segment: Segment,
    @Body() body: CommentDto,
  ): Promise<SegmentDto> {
    return this.update(ctx, { env, project }, segment, {
      operation: 'Restore',
      comment: body?.comment,
      changes: { isArchived: false },
      actions: ['RestoreSegment'],
      bumpFlags: false,
    });
  }

  @Delete(':segmentId')
  @Permission('DeleteSegment', Res.segment())
  @ApiSegmentId()
  @Operation('deleteSegment', 'Delete an archived segment (422 CannotDeleteUnArchivedSegment otherwise)')
  @ApiOkEnvelope('boolean')
  async delete(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentSegment() segment: Segment,
    @Body() body: CommentDto,
  ): Promise<boolean> {
    if (!segment.isArchived) {
      throw new BusinessRuleError(
        ERROR_CODES.cannotDeleteUnArchivedSegment,
        'archive the segment before deleting it',
      );
    }
    requireComment(env, body?.comment);
    const envs = await this.authorizedEnvs(ctx, { env, project }, segment, ['DeleteSegment']);
    const refs = await this.mutations.references(ctx.org, { env, project }, segment);
    if (refs.length > 0) {
      throw new BusinessRuleError(
        ERROR_CODES.segmentIsBeingUsed,
        `the segment is used by ${refs.map((r) => r.key).join(', ')}`,
        refs,
      );
    }
    await this.mutations.delete(ctx.actor, ctx.org.id, segment, envs, body?.comment ?? '');
    return true;
  }

  /** Applies the change as the caller, whose policies decide in every environment the segment reaches. */
  private async update(
    ctx: ApiContext,
    at: EnvInOrg,
    segment: Segment,
    change: SegmentChange,
  ): Promise<SegmentDto> {
    const can = (action: PermissionAction, rn: string) => ctx.can(action, rn);
    return SegmentDto.from(await this.mutations.apply(ctx.actor, ctx.org, at, segment, change, can));
  }

  private authorizedEnvs(
    ctx: ApiContext,
    at: EnvInOrg,
    segment: Segment,
    actions: PermissionAction[],
  ): Promise<EnvInOrg[]> {
    return this.mutations.authorizedEnvs(ctx.org, at, segment, actions, (action, rn) => ctx.can(action, rn));
  }
}
