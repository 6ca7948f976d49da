import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../http/paging.dto';
import { IsDescription, IsName } from '../http/validators';
import type { MetricView } from './experiment-metric.service';

export class TargetUrlDto {
  @ApiProperty({ maxLength: 64 }) @IsString() @MaxLength(64) id!: string;
  @ApiProperty({ enum: [1], description: '1: substring of the page URL' }) @IsIn([1]) matchType!: number;
  @ApiProperty({ maxLength: 2048 }) @IsString() @IsNotEmpty() @MaxLength(2048) url!: string;
}

/** FeatBit's CreateExperimentMetric / UpdateExperimentMetric body. */
export class ExperimentMetricInputDto {
  @IsName() name!: string;
  @IsDescription() description?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { code: 'maintainerUserId_is_required' } })
  maintainerUserId!: string;

  @ApiPropertyOptional({ maxLength: 256, description: 'The event name the code sends (required for Custom)' })
  @ValidateIf((o: ExperimentMetricInputDto) => o.eventType === 1 || o.eventName !== undefined)
  @IsString()
  @IsNotEmpty({ context: { code: 'eventName_is_required' } })
  @MaxLength(256)
  eventName?: string;

  @ApiProperty({ enum: [1, 2, 3], description: '1 Custom, 2 PageView, 3 Click' })
  @IsIn([1, 2, 3], { context: { code: 'eventType_is_required' } })
  eventType!: number;

  @ApiPropertyOptional({ enum: [0, 1, 2], description: '1 Conversion, 2 Numeric (Custom only)' })
  @IsOptional()
  @IsIn([0, 1, 2])
  customEventTrackOption?: number;

  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @MaxLength(64) customEventUnit?: string;

  @ApiPropertyOptional({ enum: [0, 1, 2], description: '1 higher is better, 2 lower is better' })
  @IsOptional()
  @IsIn([0, 1, 2])
  customEventSuccessCriteria?: number;

  @ApiPropertyOptional({ maxLength: 2048, description: 'CSS selectors (Click)' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  elementTargets?: string;

  @ApiPropertyOptional({ type: [TargetUrlDto], description: 'Pages (PageView, Click)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TargetUrlDto)
  targetUrls?: TargetUrlDto[];

  @ApiPropertyOptional({ description: "FeatBit's create accepts it; a new metric is never archived" })
  @IsOptional()
  @IsBoolean()
  isArvhived?: boolean;
}

export class ExperimentMetricQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 128, description: 'Case-insensitive part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  metricName?: string;

  @ApiPropertyOptional({ enum: [1, 2, 3] })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsIn([1, 2, 3])
  eventType?: number;
}

export class ExperimentMetricDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) envId!: string;
  @ApiProperty() description!: string;
  @ApiProperty() maintainerUserId!: string;
  @ApiProperty({ nullable: true, type: String }) maintainerName!: string | null;
  @ApiProperty({ nullable: true, type: String }) maintainerEmail!: string | null;
  @ApiProperty() eventName!: string;
  @ApiProperty({ enum: [1, 2, 3] }) eventType!: number;
  @ApiProperty({ enum: [0, 1, 2] }) customEventTrackOption!: number;
  @ApiProperty() customEventUnit!: string;
  @ApiProperty({ enum: [0, 1, 2] }) customEventSuccessCriteria!: number;
  @ApiProperty() elementTargets!: string;
  @ApiProperty({ type: [TargetUrlDto] }) targetUrls!: TargetUrlDto[];
  @ApiProperty({ description: "FeatBit's spelling" }) isArvhived!: boolean;
  @ApiProperty() isArchived!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(view: MetricView): ExperimentMetricDto {
    return Object.assign(new ExperimentMetricDto(), view);
  }
}

export class ExperimentMetricPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [ExperimentMetricDto] }) items!: ExperimentMetricDto[];
}
