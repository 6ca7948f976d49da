import { randomUUID } from 'node:crypto';
import { Body, Patch } from '@nestjs/common';
import { ApiBody, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  validateSync,
} from 'class-validator';
import {
  applyFlagPatch,
  PATCHABLE_FLAG_FIELDS,
  PatchError,
  type PatchOperation,
  patchPermissions,
} from '../../core/flags/flag-patch';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { validateTargeting, validateVariations } from '../../core/flags/flag-validation';
import type { PermissionAction } from '../../core/iam/permissions';
import { RN } from '../../core/iam/resource-name';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentFlag, CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ConflictError, ForbiddenError, ValidationFailedError } from '../http/api-errors';
import { flattenValidationErrors } from '../http/api-validation.pipe';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import {
  FallthroughInputDto,
  MAX_TAGS,
  MAX_VARIATIONS,
  RuleInputDto,
  TAG_PATTERN,
  TargetUserInputDto,
  VariationInputDto,
} from './flag-input.dto';
import { FlagMutations } from './flag-mutation.service';
import { FlagTargeting } from './flag-targeting.service';
import { ApiFlagKey } from './key-param';

export class PatchOperationDto {
  @ApiProperty({ enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'] })
  @IsIn(['add', 'remove', 'replace', 'move', 'copy', 'test'])
  op!: PatchOperation['op'];

  @ApiProperty({ example: '/fallthrough/variations', maxLength: 512 })
  @IsString()
  @MaxLength(512)
  path!: string;

  @ApiPropertyOptional({ description: 'The value for add, replace and test' })
  @Allow()
  value?: unknown;

  @ApiPropertyOptional({ maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  from?: string;
}

/** The editable fields after the patch, checked with the same rules as the dedicated routes. */
class PatchedFlagDto {
  @IsString() @IsNotEmpty() @MaxLength(128) name!: string;
  @IsString() @MaxLength(1024) description!: string;
  @IsBoolean() isEnabled!: boolean;
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @Matches(TAG_PATTERN, { each: true })
  tags!: string[];
  @IsArray()
  @ArrayMaxSize(MAX_VARIATIONS)
  @ValidateNested({ each: true })
  @Type(() => VariationInputDto)
  variations!: VariationInputDto[];
  @IsString() @IsNotEmpty() @MaxLength(64) disabledVariationId!: string;
  @IsArray()
  @ArrayMaxSize(MAX_VARIATIONS)
  @ValidateNested({ each: true })
  @Type(() => TargetUserInputDto)
  targetUsers!: TargetUserInputDto[];
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RuleInputDto)
  rules!: RuleInputDto[];
  @ValidateNested() @Type(() => FallthroughInputDto) fallthrough!: FallthroughInputDto;
  @IsBoolean() exptIncludeAllTargets!: boolean;
}

function parseOperations(body: unknown): PatchOperation[] {
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
  return body as PatchOperation[];
}

const ALL_PATCH_ACTIONS = [...new Set(Object.values(PATCHABLE_FLAG_FIELDS))] as PermissionAction[];

@ManagementController('envs/:envId/feature-flags', 'Feature flags')
export class FlagPatchController {
  constructor(
    private readonly mutations: FlagMutations,
    private readonly targeting: FlagTargeting,
  ) {}

  @Patch(':key')
  @Permission(ALL_PATCH_ACTIONS, Res.flag())
  @ApiFlagKey()
  @ApiBody({ type: [PatchOperationDto] })
  @Operation(
    'patchFeatureFlag',
    'Change a flag with a JSON Patch (RFC 6902), as FeatBit’s CLI does',
    'Editable: name, description, isEnabled, tags, variations, disabledVariationId, targetUsers, rules, fallthrough, exptIncludeAllTargets. `{"op":"test","path":"/revision","value":…}` makes it conditional (409 when stale). Each changed field needs its own permission; the result is validated like the dedicated routes.',
  )
  @ApiOkEnvelope('string', { description: 'The new revision of the flag' })
  async patch(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: unknown,
  ): Promise<string> {
    const operations = parseOperations(body);
    let patched;
    try {
      patched = applyFlagPatch(flag, operations);
    } catch (err) {
      if (!(err instanceof PatchError)) throw err;
      if (err.revisionConflict)
        throw new ConflictError(`flag ${flag.key} was changed by someone else; reload and retry`);
      throw ValidationFailedError.of('body', 'patch_is_invalid', err.message);
    }
    const shape = plainToInstance(PatchedFlagDto, patched);
    const problems = flattenValidationErrors(
      validateSync(shape, { whitelist: true, forbidNonWhitelisted: true }),
    );
    if (problems.length > 0) throw new ValidationFailedError(problems);

    const targeting = this.targeting.normalise(shape);
    const changes = {
      name: shape.name.trim(),
      description: shape.description,
      isEnabled: shape.isEnabled,
      tags: [...new Set(shape.tags)],
      variations: shape.variations.map((v) => ({
        id: v.id ?? randomUUID(),
        name: v.name.trim(),
        value: v.value,
      })),
      disabledVariationId: shape.disabledVariationId,
      ...targeting,
    };
    for (const action of patchPermissions(flag, changes)) {
      for (const tags of [flag.tags, changes.tags]) {
        const rn = RN.flag(project.key, env.key, flag.key, tags);
        if (!ctx.can(action, rn)) throw new ForbiddenError(`not allowed: ${action} on ${rn}`);
      }
    }
    const segmentIds = await this.targeting.visibleSegmentIds(ctx.org, env, project);
    const next = await this.mutations.apply(ctx.actor, ctx.org.id, env, flag, {
      operation: 'Update',
      changes,
      validate: (f) => [
        ...validateVariations(f.variationType, f.variations),
        ...validateTargeting(f.variations, f, segmentIds),
        ...this.targeting.referenceProblems(f),
      ],
    });
    return next.revision;
  }
}
