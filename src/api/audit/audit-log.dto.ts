import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AUDIT_REF_TYPES, type AuditRefType } from '../../core/audit/audit-log';
import { PageQueryDto, toBoolean } from '../http/paging.dto';
import { IsOptionalTimestamp } from '../http/validators';

export class DataChangeDto {
  @ApiProperty({ description: 'JSON text of the object before ("" on create)', maxLength: 1_000_000 })
  @IsString()
  @MaxLength(1_000_000)
  previous!: string;

  @ApiProperty({ description: 'JSON text of the object after ("" on delete)', maxLength: 1_000_000 })
  @IsString()
  @MaxLength(1_000_000)
  current!: string;
}

export class InstructionDto {
  @ApiProperty({ example: 'TurnFlagOn' }) kind!: string;
  @ApiProperty({
    description: 'Kind-specific value (a string, a list, or an object)',
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'array', items: {} },
      { type: 'object' },
    ],
    nullable: true,
  })
  value!: unknown;
  @ApiProperty({ example: 'turned the flag on' }) text!: string;
}

export class AuditLogDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() envId!: string;
  @ApiProperty() refId!: string;
  @ApiProperty({ enum: AUDIT_REF_TYPES }) refType!: string;
  @ApiProperty({ example: 'Update' }) operation!: string;
  @ApiProperty() keyword!: string;
  @ApiProperty({ type: DataChangeDto }) dataChange!: DataChangeDto;
  @ApiProperty() comment!: string;
  @ApiProperty({ description: 'A member id, an access-token id, or the empty GUID for the system' })
  creatorId!: string;
  @ApiProperty() creatorName!: string;
  @ApiProperty({ description: 'The member e-mail, "Access token" or "System"' }) creatorEmail!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [InstructionDto] }) instructions!: InstructionDto[];
}

export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 256, description: 'Text in keyword (key, name) or comment' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  query?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  creatorId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  refId?: string;

  @ApiPropertyOptional({ enum: AUDIT_REF_TYPES })
  @IsOptional()
  @IsIn(AUDIT_REF_TYPES)
  refType?: AuditRefType;

  @IsOptionalTimestamp()
  from?: string;

  @IsOptionalTimestamp()
  to?: string;

  @ApiPropertyOptional({ description: 'With refId: the history of a shared segment across environments' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  crossEnvironment?: boolean;
}

export class CompareDto {
  @ApiProperty({ enum: AUDIT_REF_TYPES })
  @IsIn(AUDIT_REF_TYPES)
  refType!: AuditRefType;

  @ApiProperty({ type: DataChangeDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => DataChangeDto)
  dataChange!: DataChangeDto;
}

export class OrgAuditLogQueryDto extends AuditLogQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries of this environment' })
  @IsOptional()
  @IsUUID()
  envId?: string;
}

export class AuditLogPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [AuditLogDto] }) items!: AuditLogDto[];
}
