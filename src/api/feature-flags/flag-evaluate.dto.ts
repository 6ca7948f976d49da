import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

// Request shapes of the management API's evaluate-a-flag route and of user properties.

export class UserPropertyInputDto {
  @ApiProperty({ maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name!: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 4096 })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  value!: string | null;
}

export class EvaluationUserDto {
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
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => UserPropertyInputDto)
  customizedProperties?: UserPropertyInputDto[];
}

export class EvaluateFlagDto {
  @ApiProperty({ type: EvaluationUserDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => EvaluationUserDto)
  user!: EvaluationUserDto;
}
