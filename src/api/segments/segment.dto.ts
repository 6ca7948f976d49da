import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SEGMENT_TYPES, type Segment, type SegmentType } from '../../core/segments/segment';
import { ConditionDto } from '../feature-flags/flag.dto';
import { ConditionInputDto, IsOptionalTags, TAG_PATTERN } from '../feature-flags/flag-input.dto';
import { PageQueryDto, toArray, toBoolean } from '../http/paging.dto';
import { IsComment, IsDescription, IsKey, IsName } from '../http/validators';

export const MAX_SEGMENT_USERS = 10_000;

export class SegmentRuleDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [ConditionDto] }) conditions!: ConditionDto[];
}

export class SegmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty({ description: 'The environment of an environment-specific segment; "" for shared ones' })
  envId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ enum: SEGMENT_TYPES }) type!: string;
  @ApiProperty({ type: [String], description: 'Resource names a shared segment applies to' })
  scopes!: string[];
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) included!: string[];
  @ApiProperty({ type: [String] }) excluded!: string[];
  @ApiProperty({ type: [SegmentRuleDto] }) rules!: SegmentRuleDto[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() isArchived!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(s: Segment): SegmentDto {
    return { ...s };
  }
}

export class FlagReferenceDto {
  @ApiProperty({ format: 'uuid' }) envId!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
}

export class SegmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  isArchived?: boolean;
}

export class SegmentIdsQueryDto {
  @ApiProperty({ type: [String], maxItems: 200 })
  @Transform(toArray)
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class SegmentKeyQueryDto {
  @ApiProperty({ maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  key!: string;

  @ApiPropertyOptional({ enum: SEGMENT_TYPES, default: 'environment-specific' })
  @IsOptional()
  @IsIn(SEGMENT_TYPES)
  type?: SegmentType;
}

export class SegmentRuleInputDto {
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

  @ApiProperty({ type: [ConditionInputDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ConditionInputDto)
  conditions!: ConditionInputDto[];
}

const IsUserList = () =>
  applyDecorators(
    ApiProperty({ type: [String], maxItems: MAX_SEGMENT_USERS }),
    IsArray(),
    ArrayMaxSize(MAX_SEGMENT_USERS),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(512, { each: true }),
  );

export class CreateSegmentDto {
  @ApiPropertyOptional({ enum: SEGMENT_TYPES, default: 'environment-specific' })
  @IsOptional()
  @IsIn(SEGMENT_TYPES)
  type?: SegmentType;

  @IsName() name!: string;
  @IsKey() key!: string;
  @IsDescription() description?: string;

  @ApiPropertyOptional({ type: [String], description: 'Shared segments: e.g. organization/acme:project/web' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(512, { each: true })
  scopes?: string[];

  @IsOptionalTags() tags?: string[];
}

export class UpdateSegmentNameDto {
  @IsName() name!: string;
  @IsComment() comment?: string;
}

export class UpdateSegmentDescriptionDto {
  @ApiProperty({ maxLength: 1024 })
  @IsString()
  @MaxLength(1024)
  description!: string;
  @IsComment() comment?: string;
}

export class UpdateSegmentTagsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(TAG_PATTERN, { each: true, message: "tags are 1-64 characters without ';', ',' or ':'" })
  tags!: string[];
  @IsComment() comment?: string;
}

export class UpdateSegmentTargetingDto {
  @IsUserList() included!: string[];
  @IsUserList() excluded!: string[];

  @ApiProperty({ type: [SegmentRuleInputDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SegmentRuleInputDto)
  rules!: SegmentRuleInputDto[];

  @IsComment() comment?: string;
}
