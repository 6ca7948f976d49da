import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { type Policy, POLICY_EFFECTS } from '../../core/iam/iam';
import { RESOURCE_TYPES } from '../../core/iam/permissions';

export class PolicyStatementDto {
  @ApiProperty({ required: false, description: 'Generated when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  id?: string;

  @ApiProperty({ enum: RESOURCE_TYPES })
  @IsString()
  @IsIn(RESOURCE_TYPES)
  resourceType!: string;

  @ApiProperty({ enum: POLICY_EFFECTS })
  @IsString()
  @IsIn(POLICY_EFFECTS)
  effect!: 'allow' | 'deny';

  @ApiProperty({ type: [String], example: ['ToggleFlag'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(64, { each: true })
  actions!: string[];

  @ApiProperty({ type: [String], example: ['project/*:env/*:flag/*'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(512, { each: true })
  resources!: string[];
}

export class PolicyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['SysManaged', 'CustomerManaged'] }) type!: string;
  @ApiProperty({ type: [PolicyStatementDto] }) statements!: PolicyStatementDto[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(p: Policy): PolicyDto {
    return {
      id: p.id,
      name: p.name,
      key: p.key,
      description: p.description,
      type: p.type,
      statements: p.statements,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}
