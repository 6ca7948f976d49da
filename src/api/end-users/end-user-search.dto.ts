import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import type { StoredEndUser } from '../../core/end-users/end-user';
import type { EndUserQuery } from '../../core/ports/users-and-events.repositories';
import { pageOf, PageQueryDto } from '../http/paging.dto';
import { EndUserDto } from './end-user.dto';

/** An end user with its owner: an environment, or the workspace for a global user (FeatBit's EndUser). */
export class ScopedEndUserDto extends EndUserDto {
  @ApiProperty({ nullable: true, type: String, description: 'Set for global users only' })
  workspaceId!: string | null;

  static fromStored(u: StoredEndUser): ScopedEndUserDto {
    return { ...EndUserDto.from(u), workspaceId: u.workspaceId };
  }
}

export class ScopedEndUserPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [ScopedEndUserDto] }) items!: ScopedEndUserDto[];
}

const BUILT_IN = ['keyid', 'name'];

/** FeatBit's SearchEndUser body (Application/EndUsers/SearchEndUser.cs and EndUserFilter.cs). */
export class SearchEndUsersDto extends PageQueryDto {
  @ApiPropertyOptional({
    maxLength: 256,
    description: 'Substring searched in keyId and name, or in `properties`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  searchText?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description:
      'Where searchText is looked for: keyId, name and customized property names (default keyId and name)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(128, { each: true })
  properties?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 1000, description: 'keyIds left out (already picked)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(512, { each: true })
  excludedKeyIds?: string[];

  @ApiPropertyOptional({ default: false, description: 'Also the workspace’s global users' })
  @IsOptional()
  @IsBoolean()
  includeGlobalUser?: boolean;

  /** The repository query for an environment of a workspace (FeatBit's EndUserFilter rules). */
  toQuery(envId: string, workspaceId: string): EndUserQuery {
    const text = this.searchText?.trim() || undefined;
    const props = this.properties ?? [];
    const lower = props.map((p) => p.toLowerCase());
    return {
      ...pageOf(this),
      envId,
      globalOfWorkspace: this.includeGlobalUser ? workspaceId : null,
      searchText: text,
      searchKeyId: props.length === 0 || lower.includes('keyid'),
      searchName: props.length === 0 || lower.includes('name'),
      searchProperties: props.filter((p) => !BUILT_IN.includes(p.toLowerCase())),
      excludedKeyIds: [...new Set(this.excludedKeyIds ?? [])],
    };
  }
}
