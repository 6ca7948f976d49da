import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsName, KEY_MAX, KEY_PATTERN, NAME_MAX } from '../http/validators';

/** FeatBit's onboarding body (Application/Organizations/Onboarding.cs); keys are derived when absent. */
export class OnboardingDto {
  @IsName() organizationName!: string;
  @IsName() projectName!: string;

  @ApiPropertyOptional({
    pattern: KEY_PATTERN.source,
    maxLength: KEY_MAX,
    description: 'Derived from projectName when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(KEY_MAX)
  @Matches(KEY_PATTERN, { message: 'projectKey may only contain letters, digits, ".", "_" and "-"' })
  projectKey?: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 10,
    example: ['Dev', 'Prod'],
    description: 'Environment names; keys are derived from them',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(NAME_MAX, { each: true })
  environments!: string[];
}
