import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { EndUserPropertyDefinition, StoredEndUser } from '../../core/end-users/end-user';
import { VariationDto } from '../feature-flags/flag.dto';
import { UserPropertyInputDto } from '../feature-flags/flag-evaluate.dto';

export const MAX_USER_PROPERTIES = 200;

export class UserPropertyDto {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) value!: string | null;
}

export class EndUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) envId!: string | null;
  @ApiProperty() keyId!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ type: [UserPropertyDto] }) customizedProperties!: UserPropertyDto[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(u: StoredEndUser): EndUserDto {
    return {
      id: u.id,
      envId: u.envId,
      keyId: u.keyId,
      name: u.name,
      customizedProperties: u.customizedProperties,
      createdAt: u.createdAt,
      updatedAt: u.updatedAt,
    };
  }
}

export class CursorDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty()
  @IsDateString()
  updatedAt!: string;

  @ApiProperty({ enum: ['forward', 'backward'] })
  @IsIn(['forward', 'backward'])
  direction!: 'forward' | 'backward';
}

export class EndUserSearchDto {
  @ApiPropertyOptional({ maxLength: 256, description: 'Substring of keyId or name' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  searchText?: string;

  @ApiPropertyOptional({ type: CursorDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CursorDto)
  cursor?: CursorDto | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class EndUserPageDto {
  @ApiProperty({ type: [EndUserDto] }) items!: EndUserDto[];
  @ApiProperty({ type: CursorDto, nullable: true }) previousCursor!: CursorDto | null;
  @ApiProperty({ type: CursorDto, nullable: true }) nextCursor!: CursorDto | null;
}

export class UpsertEndUserDto {
  @ApiProperty({ maxLength: 512 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  keyId!: string;

  @ApiPropertyOptional({ maxLength: 512, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  name?: string | null;

  @ApiPropertyOptional({ type: [UserPropertyInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_USER_PROPERTIES)
  @ValidateNested({ each: true })
  @Type(() => UserPropertyInputDto)
  customizedProperties?: UserPropertyInputDto[];
}

export class EvaluatedFlagDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty() variationType!: string;
  @ApiProperty({ type: [VariationDto] }) variations!: VariationDto[];
  @ApiProperty({ type: VariationDto, nullable: true }) matchVariation!: VariationDto | null;
  @ApiProperty({ description: "'flag disabled' | 'targeted' | <rule name> | 'default' | 'malformed flag'" })
  matchReason!: string;
}

export class MatchedSegmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty() type!: string;
  @ApiProperty() updatedAt!: string;
}

export class ImportResultDto {
  @ApiProperty({ description: 'Users read from the file' }) totalCount!: number;
  @ApiProperty({ description: 'Users created or changed' }) writtenCount!: number;
  @ApiProperty({ description: 'Users skipped because they were invalid' }) skippedCount!: number;
  @ApiProperty({ type: [String], description: 'Property names added to the catalogue' })
  newProperties!: string[];
  @ApiProperty({ type: [String], description: 'The first problems found (index and reason)' })
  errors!: string[];
}

export class ExportQueryDto {
  @ApiPropertyOptional({ maxLength: 256 })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  searchText?: string;
}

export class PresetValueDto {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  id?: string;

  @ApiProperty({ maxLength: 512 })
  @IsString()
  @MaxLength(512)
  value!: string;

  @ApiProperty({ maxLength: 512 })
  @IsString()
  @MaxLength(512)
  description!: string;
}

export class EndUserPropertyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [PresetValueDto] }) presetValues!: PresetValueDto[];
  @ApiProperty() usePresetValuesOnly!: boolean;
  @ApiProperty() isBuiltIn!: boolean;
  @ApiProperty() isDigestField!: boolean;
  @ApiProperty() remark!: string;

  static from(p: EndUserPropertyDefinition): EndUserPropertyDto {
    return {
      id: p.id,
      name: p.name,
      presetValues: p.presetValues,
      usePresetValuesOnly: p.usePresetValuesOnly,
      isBuiltIn: p.isBuiltIn,
      isDigestField: p.isDigestField,
      remark: p.remark,
    };
  }
}

export class UpsertPropertyDto {
  @ApiProperty({ maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name!: string;

  @ApiPropertyOptional({ type: [PresetValueDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PresetValueDto)
  presetValues?: PresetValueDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  usePresetValuesOnly?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isDigestField?: boolean;

  @ApiPropertyOptional({ maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  remark?: string;
}
