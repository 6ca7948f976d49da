import { randomUUID } from 'node:crypto';
import { Body, Patch } from '@nestjs/common';
import { ApiBody, ApiParam } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  validateSync,
} from 'class-validator';
import type { PermissionAction } from '../../core/iam/permissions';
import { RN } from '../../core/iam/resource-name';
import { JsonPatchError, type JsonPatchOperation } from '../../core/json/json-patch';
import type { Segment, SegmentRule } from '../../core/segments/segment';
import {
  applySegmentPatch,
  PATCHABLE_SEGMENT_FIELDS,
  segmentPatchPermissions,
} from '../../core/segments/segment-patch';
import { validateSegmentRules } from '../../core/segments/segment-validation';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentProject, CurrentSegment } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { TAG_PATTERN } from '../feature-flags/flag-input.dto';
import { PatchOperationDto } from '../feature-flags/flag-patch.controller';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ConflictError, ForbiddenError, ValidationFailedError } from '../http/api-errors';
import { flattenValidationErrors } from '../http/api-validation.pipe';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { MAX_SEGMENT_USERS, SegmentRuleInputDto } from './segment.dto';
import { SegmentMutations } from './segment-mutation.service';

/** The editable fields after the patch, checked with the same bounds as the dedicated routes. */
class PatchedSegmentDto {
  @IsString() @IsNotEmpty() @MaxLength(128) name!: string;
  @IsString() @MaxLength(1024) description!: string;
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(TAG_PATTERN, { each: true })
  tags!: string[];
  @IsArray()
  @ArrayMaxSize(MAX_SEGMENT_USERS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(512, { each: true })
  included!: string[];
  @IsArray()
  @ArrayMaxSize(MAX_SEGMENT_USERS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(512, { each: true })
  excluded!: string[];
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SegmentRuleInputDto)
  rules!: SegmentRuleInputDto[];
}

/** A JSON Patch body: 1 to 100 operations, each checked like PatchOperationDto (400 naming `[i].field`). */
function parseOperations(body: unknown): JsonPatchOperation[] {
  if (!Array.isArray(body) || body.length === 0 || body.length > 100) {
    throw ValidationFailedError.of(
      'body',
      'patch_is_invalid',
      'a JSON Patch: an array of 1 to 100 operations',
    );
  }
  const problems = body.flatMap((item, i) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? flattenValidationErrors(
          validateSync(plainToInstance(PatchOperationDto, item), {
            whitelist: true,
            forbidNonWhitelisted: true,
          }),
          `[${i}]`,
        )
      : [{ field: `[${i}]`, code: 'patch_is_invalid', message: 'an operation is an object' }],
  );
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return body as JsonPatchOperation[];
}

const ALL_PATCH_ACTIONS = [...new Set(Object.values(PATCHABLE_SEGMENT_FIELDS))] as PermissionAction[];

@ManagementController('envs/:envId/segments', 'Segments')
export class SegmentPatchController {
  constructor(private readonly mutations: SegmentMutations) {}

  @Patch(':segmentId')
  @Permission(ALL_PATCH_ACTIONS, Res.segment())
  @ApiParam({ name: 'segmentId', type: String })
  @ApiBody({ type: [PatchOperationDto] })
  @Operation(
    'patchSegment',
    'Change a segment with a JSON Patch (RFC 6902), as FeatBit’s PATCH segments/{id}',
    'Editable: name, description, tags, included, excluded, rules. `{"op":"test","path":"/updatedAt","value":…}` makes it conditional (409 when stale). Each changed field needs its own permission in every environment the segment reaches; the change is audited and pushed to SDKs like the dedicated routes.',
  )
  @ApiOkEnvelope('boolean')
  async patch(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentSegment() segment: Segment,
    @Body() body: unknown,
  ): Promise<boolean> {
    const operations = parseOperations(body);
    let patched;
    try {
      patched = applySegmentPatch(segment, operations);
    } catch (err) {
      if (!(err instanceof JsonPatchError)) throw err;
      if (err.conflict)
        throw new ConflictError(`segment ${segment.key} was changed by someone else; reload and retry`);
      throw ValidationFailedError.of('body', 'patch_is_invalid', err.message);
    }
    const shape = plainToInstance(PatchedSegmentDto, patched);
    const problems = flattenValidationErrors(
      validateSync(shape, { whitelist: true, forbidNonWhitelisted: true }),
    );
    if (problems.length > 0) throw new ValidationFailedError(problems);

    const rules: SegmentRule[] = shape.rules.map((r) => ({
      id: r.id ?? randomUUID(),
      name: r.name,
      conditions: r.conditions.map((c) => ({
        id: c.id ?? randomUUID(),
        property: c.property,
        op: c.op ?? null,
        value: c.value,
      })),
    }));
    const changes = {
      name: shape.name.trim(),
      description: shape.description,
      tags: [...new Set(shape.tags)],
      included: [...new Set(shape.included)],
      excluded: [...new Set(shape.excluded)],
      rules,
    };
    const actions = segmentPatchPermissions(segment, changes);
    if (actions.length === 0) return true;
    // A tag change must be allowed under the new tags as well (as PUT tags checks).
    for (const action of actions) {
      const rn = RN.segment(project.key, env.key, segment.key, changes.tags);
      if (!ctx.can(action, rn)) throw new ForbiddenError(`not allowed: ${action} on ${rn}`);
    }
    const targetingChanged = actions.some(
      (a) => a === 'UpdateSegmentTargetingUsers' || a === 'UpdateSegmentRules',
    );
    await this.mutations.apply(
      ctx.actor,
      ctx.org,
      { env, project },
      segment,
      {
        operation: 'Update',
        changes,
        actions,
        bumpFlags: targetingChanged,
        validate: (s) => validateSegmentRules(s.rules),
      },
      (action, rn) => ctx.can(action, rn),
    );
    return true;
  }
}
