import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { VARIATION_TYPES, type VariationType } from '../../core/flags/feature-flag';
import { FLAG_LIFECYCLE_STATUSES, type FlagLifecycleStatus } from '../../core/flags/flag-lifecycle';
import { PageQueryDto, toArray, toBoolean } from '../http/paging.dto';
import { IsComment, IsDescription, IsKey, IsName } from '../http/validators';

// Request shapes of the flag routes (FeatBit's bodies), with explicit size limits.

export const MAX_VARIATIONS = 100;
export const MAX_VARIATION_VALUE = 32_768;
export const MAX_TAGS = 50;
export const TAG_PATTERN = /^[^;,:]{1,64}$/;

export const IsOptionalTags = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: MAX_TAGS }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_TAGS),
    IsString({ each: true }),
    Matches(TAG_PATTERN, { each: true, message: "tags are 1-64 characters without ';', ',' or ':'" }),
  );

export class VariationInputDto {
  @ApiPropertyOptional({ maxLength: 64, description: 'Generated when absent' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  id?: string;

  @IsName() name!: string;

  @ApiProperty({
    maxLength: MAX_VARIATION_VALUE,
    description: 'A string: "true"/"false", a number, JSON text or any text',
  })
  @IsString()
  @MaxLength(MAX_VARIATION_VALUE)
  value!: string;
}

export class FlagListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 128, description: 'Substring of name or key' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ type: [String], description: 'Every listed tag must be present' })
  @IsOptional()
  @Transform(toArray)
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  tags?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  isEnabled?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  isArchived?: boolean;

  @ApiPropertyOptional({ enum: ['created_at', 'updated_at', 'key'], default: 'created_at' })
  @IsOptional()
  @IsIn(['created_at', 'updated_at', 'key'])
  sortBy?: 'created_at' | 'updated_at' | 'key';

  @ApiPropertyOptional({
    type: String,
    example: 'launched,inactive',
    description: `Comma list of lifecycle statuses (${FLAG_LIFECYCLE_STATUSES.join(', ')}); filters before paging`,
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(FLAG_LIFECYCLE_STATUSES, { each: true })
  lifecycle?: FlagLifecycleStatus[];
}

/** `a,b` or repeated parameters, as one list without blanks. */
function commaList({ value }: { value: unknown }): unknown {
  const values = toArray({ value });
  if (!Array.isArray(values)) return values;
  const items: unknown[] = values.flatMap((v: unknown) => (typeof v === 'string' ? v.split(',') : [v]));
  return items.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');
}

export class CreateFlagDto {
  @IsName() name!: string;
  @IsKey() key!: string;
  @IsDescription() description?: string;

  @ApiProperty()
  @IsBoolean()
  isEnabled!: boolean;

  @ApiProperty({ enum: VARIATION_TYPES })
  @IsIn(VARIATION_TYPES)
  variationType!: VariationType;

  @ApiProperty({ type: [VariationInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VARIATIONS)
  @ValidateNested({ each: true })
  @Type(() => VariationInputDto)
  variations!: VariationInputDto[];

  @ApiProperty({ description: 'Variation served by the default rule (100%)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  enabledVariationId!: string;

  @ApiProperty({ description: 'Variation served when the flag is off' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  disabledVariationId!: string;

  @IsOptionalTags() tags?: string[];
}

export class UpdateNameDto {
  @IsName() name!: string;
  @IsComment() comment?: string;
}

export class UpdateDescriptionDto {
  @ApiProperty({ maxLength: 1024 })
  @IsString()
  @MaxLength(1024)
  description!: string;
  @IsComment() comment?: string;
}

export class UpdateTagsDto {
  @ApiProperty({ type: [String], maxItems: MAX_TAGS })
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @Matches(TAG_PATTERN, { each: true, message: "tags are 1-64 characters without ';', ',' or ':'" })
  tags!: string[];
  @IsComment() comment?: string;
}

export class RevisionDto {
  @ApiProperty({ format: 'uuid', description: 'The revision the change is based on (409 when stale)' })
  @IsUUID('all', { context: { code: 'revision_is_invalid' } })
  revision!: string;
}

export class UpdateOffVariationDto extends RevisionDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  offVariationId!: string;
  @IsComment() comment?: string;
}

export class UpdateVariationsDto extends RevisionDto {
  @ApiProperty({ type: [VariationInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VARIATIONS)
  @ValidateNested({ each: true })
  @Type(() => VariationInputDto)
  variations!: VariationInputDto[];
  @IsComment() comment?: string;
}

export class ConditionInputDto {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  id?: string;

  @ApiProperty({ maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  property!: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  op!: string | null;

  @ApiProperty({ maxLength: 65_536 })
  @IsString()
  @MaxLength(65_536)
  value!: string;
}

export class RolloutInputDto {
  @ApiProperty({ description: 'Variation id' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  id!: string;

  @ApiProperty({ type: [Number], example: [0, 1] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  rollout!: [number, number];

  @ApiProperty({ example: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  exptRollout!: number;
}

export class RuleInputDto {
  @ApiPropertyOptional({ maxLength: 64, description: 'Generated when absent' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  id?: string;

  @ApiProperty({ maxLength: 128 })
  @IsString()
  @MaxLength(128)
  name!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    maxLength: 128,
    description: 'Attribute to split by; null = keyId',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  dispatchKey!: string | null;

  @ApiProperty()
  @IsBoolean()
  includedInExpt!: boolean;

  @ApiProperty({ type: [ConditionInputDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ConditionInputDto)
  conditions!: ConditionInputDto[];

  @ApiProperty({ type: [RolloutInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_VARIATIONS)
  @ValidateNested({ each: true })
  @Type(() => RolloutInputDto)
  variations!: RolloutInputDto[];
}

export class TargetUserInputDto {
  @ApiProperty({ type: [String], maxItems: 10_000 })
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(512, { each: true })
  keyIds!: string[];

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  variationId!: string;
}

export class FallthroughInputDto {
  @ApiProperty({ nullable: true, type: String, maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  dispatchKey!: string | null;

  @ApiProperty()
  @IsBoolean()
  includedInExpt!: boolean;

  @ApiProperty({ type: [RolloutInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_VARIATIONS)
  @ValidateNested({ each: true })
  @Type(() => RolloutInputDto)
  variations!: RolloutInputDto[];
}

export class TargetingInputDto {
  @ApiProperty({ type: [TargetUserInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_VARIATIONS)
  @ValidateNested({ each: true })
  @Type(() => TargetUserInputDto)
  targetUsers!: TargetUserInputDto[];

  @ApiProperty({ type: [RuleInputDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RuleInputDto)
  rules!: RuleInputDto[];

  @ApiProperty({ type: FallthroughInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => FallthroughInputDto)
  fallthrough!: FallthroughInputDto;

  @ApiProperty()
  @IsBoolean()
  exptIncludeAllTargets!: boolean;
}

export class UpdateTargetingDto extends RevisionDto {
  @ApiProperty({ type: TargetingInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => TargetingInputDto)
  targeting!: TargetingInputDto;
  @IsComment() comment?: string;
}

export class CloneFlagDto {
  @IsKey() key!: string;
  @IsName() name!: string;
  @IsDescription() description?: string;
  @IsOptionalTags() tags?: string[];
}

export class CopyToEnvDto {
  @ApiProperty({ type: [String], maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  flagIds!: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description: 'Ignored: checks are recomputed server-side',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  precheckResults?: unknown[];
}
