import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { SECRET_TYPES } from '../../core/tenancy/tenancy';
import { IsDescription, IsKey, IsName, IsOptionalName } from '../http/validators';

export class UpdateWorkspaceDto {
  @IsName() name!: string;
  @IsKey() key!: string;
}

export class CreateOrganizationDto {
  @IsName() name!: string;
  @IsKey() key!: string;
}

export class DefaultPermissionsInputDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  policyIds!: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  groupIds!: string[];
}

export class OrganizationSettingsInputDto {
  @ApiPropertyOptional({ enum: ['created_at', 'updated_at', 'key'] })
  @IsOptional()
  @IsString()
  @IsIn(['created_at', 'updated_at', 'key'])
  flagSortedBy?: string;
}

export class UpdateOrganizationDto {
  @IsOptionalName() name?: string;

  @ApiPropertyOptional({ type: DefaultPermissionsInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DefaultPermissionsInputDto)
  defaultPermissions?: DefaultPermissionsInputDto;

  @ApiPropertyOptional({ type: OrganizationSettingsInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationSettingsInputDto)
  settings?: OrganizationSettingsInputDto;
}

export class CreateProjectDto {
  @IsName() name!: string;
  @IsKey() key!: string;
}

export class UpdateProjectDto {
  @IsName() name!: string;
}

export class ChangeApprovalInputDto {
  @ApiProperty({ description: 'Serving changes (targeting, on/off, variations) go through change requests' })
  @IsBoolean()
  required!: boolean;

  @ApiProperty({
    type: [String],
    description: 'Members who may review; with no member or group, any member but the requester',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  reviewerMemberIds!: string[];

  @ApiProperty({ type: [String], description: 'Groups whose members may review' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  reviewerGroupIds!: string[];

  @ApiProperty({ description: 'An approved request applies at once (a scheduled one waits for its time)' })
  @IsBoolean()
  applyOnApproval!: boolean;
}

export class EnvironmentSettingsInputDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  requireChangeComment?: boolean;

  @ApiPropertyOptional({ type: ChangeApprovalInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChangeApprovalInputDto)
  changeApproval?: ChangeApprovalInputDto;
}

export class CreateEnvironmentDto {
  @IsName() name!: string;
  @IsKey() key!: string;
  @IsDescription() description?: string;

  @ApiPropertyOptional({ type: EnvironmentSettingsInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnvironmentSettingsInputDto)
  settings?: EnvironmentSettingsInputDto;
}

export class UpdateEnvironmentDto {
  @IsOptionalName() name?: string;
  @IsDescription() description?: string;

  @ApiPropertyOptional({ type: EnvironmentSettingsInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnvironmentSettingsInputDto)
  settings?: EnvironmentSettingsInputDto;
}

export class CreateSecretDto {
  @IsName() name!: string;

  @ApiProperty({ enum: SECRET_TYPES })
  @IsString()
  @IsIn(SECRET_TYPES)
  type!: 'server' | 'client';
}

export class UpdateSecretDto {
  @IsName() name!: string;
}

export class OrgMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}
