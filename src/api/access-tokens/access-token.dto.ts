import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ACCESS_TOKEN_TYPES } from '../../core/iam/iam';
import { ActorDto } from '../feature-flags/flag.dto';
import { PageQueryDto } from '../http/paging.dto';
import { IsName, IsOptionalName } from '../http/validators';
import { PolicyStatementDto } from '../iam/policy.dto';

export class AccessTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ACCESS_TOKEN_TYPES }) type!: string;
  @ApiProperty({ enum: ['Active', 'Inactive'] }) status!: string;
  @ApiProperty({
    description: 'The first characters followed by "…"; the full value is shown only on creation',
  })
  token!: string;
  @ApiProperty({ type: [PolicyStatementDto], description: 'Service tokens only' })
  permissions!: PolicyStatementDto[];
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ type: ActorDto }) creator!: ActorDto;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CreatedAccessTokenDto extends AccessTokenDto {
  @ApiProperty({ description: 'The full token value, shown only in this response: `Authorization: <token>`' })
  declare token: string;
}

export class AccessTokenQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  creatorId?: string;

  @ApiPropertyOptional({ enum: ACCESS_TOKEN_TYPES })
  @IsOptional()
  @IsIn(ACCESS_TOKEN_TYPES)
  type?: string;
}

export class CreateAccessTokenDto {
  @IsName() name!: string;

  @ApiProperty({ enum: ACCESS_TOKEN_TYPES })
  @IsIn(ACCESS_TOKEN_TYPES)
  type!: 'Personal' | 'Service';

  @ApiPropertyOptional({
    type: [PolicyStatementDto],
    description: 'Required for Service tokens; ignored for Personal ones',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PolicyStatementDto)
  permissions?: PolicyStatementDto[];
}

export class UpdateAccessTokenDto {
  @IsOptionalName() name?: string;

  @ApiPropertyOptional({ type: [PolicyStatementDto], description: 'Service tokens only' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PolicyStatementDto)
  permissions?: PolicyStatementDto[];
}
