import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import type { Group } from '../../core/iam/iam';
import { PageQueryDto, toBoolean } from '../http/paging.dto';
import { IsDescription, IsKey, IsName } from '../http/validators';

export class GroupRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) invitorId!: string | null;
  @ApiProperty({ type: [GroupRefDto] }) groups!: GroupRefDto[];
  @ApiProperty() createdAt!: string;
}

export class AddedMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'Whether a new account was created' }) created!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Shown once for a new account; null for existing accounts',
  })
  initialPassword!: string | null;
}

export class AddMemberDto {
  @ApiProperty({ maxLength: 254 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  @IsEmail({}, { context: { code: 'email_is_invalid' } })
  email!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  policyIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  groupIds?: string[];
}

export class SearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  searchText?: string;
}

export class NameSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;
}

export class GroupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(g: Group): GroupDto {
    return {
      id: g.id,
      name: g.name,
      description: g.description,
      createdAt: g.createdAt,
      updatedAt: g.updatedAt,
    };
  }
}

export class MemberGroupDto extends GroupDto {
  @ApiProperty() isGroupMember!: boolean;
}

export class GroupMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() isGroupMember!: boolean;
}

export class GroupPolicyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty() description!: string;
  @ApiProperty() type!: string;
  @ApiProperty() isGroupPolicy!: boolean;
}

export class InheritedPolicyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: [GroupRefDto] }) groups!: GroupRefDto[];
}

export class GroupMembersQueryDto extends SearchQueryDto {
  @ApiPropertyOptional({
    description: 'true: every org member with an isGroupMember flag; false: only group members',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  getAllMembers?: boolean;
}

export class MemberGroupsQueryDto extends NameSearchQueryDto {
  @ApiPropertyOptional({
    description: 'true: every group with an isGroupMember flag; false: only the member’s groups',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  getAllGroups?: boolean;
}

export class CreateGroupDto {
  @IsName() name!: string;
  @IsDescription() description?: string;
}

export class CreatePolicyDto {
  @IsName() name!: string;
  @IsKey() key!: string;
  @IsDescription() description?: string;
}

export class UpdatePolicySettingsDto {
  @IsName() name!: string;
  @IsDescription() description?: string;
}

export class MemberRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}
