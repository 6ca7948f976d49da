import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
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
  @ApiProperty({ description: 'Kind-specific value' }) value!: unknown;
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

  @ApiPropertyOptional({ description: 'ISO timestamp or epoch milliseconds, inclusive' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? new Date(Number(value)).toISOString() : value,
  )
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO timestamp or epoch milliseconds, inclusive' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? new Date(Number(value)).toISOString() : value,
  )
  @IsDateString()
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
