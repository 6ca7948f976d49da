import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ANALYSIS_METHODS, type AnalysisMethod } from '../../core/experiments/experiment-results';
import { EXPERIMENT_STATUSES, GUARD_STATUSES } from '../../core/experiments/experiments';

export class CreateExperimentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { code: 'featureFlagId_is_invalid' } })
  featureFlagId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { code: 'metricId_is_invalid' } })
  metricId!: string;

  @ApiProperty({ description: 'A variation id of the flag (FeatBit spells it baseLine)', maxLength: 128 })
  @IsString()
  @IsNotEmpty({ context: { code: 'baseLineVariationId_is_required' } })
  @MaxLength(128)
  baseLineVariationId!: string;

  @ApiPropertyOptional({
    description: '1 − confidence level, in (0, 1); default 0.05',
    minimum: 0,
    maximum: 1,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { context: { code: 'alpha_is_invalid' } })
  @Min(1e-6, { message: 'alpha must be above 0', context: { code: 'alpha_is_invalid' } })
  @Max(0.999999, { message: 'alpha must be below 1', context: { code: 'alpha_is_invalid' } })
  alpha?: number;

  @ApiPropertyOptional({
    enum: ANALYSIS_METHODS,
    description:
      "Not in FeatBit. fixed: FeatBit's fixed-horizon t-test; sequential: safe to look at any time",
  })
  @IsOptional()
  @IsIn(ANALYSIS_METHODS, { context: { code: 'method_is_invalid' } })
  method?: AnalysisMethod;
}

export class ExperimentQueryDto {
  @ApiPropertyOptional({ maxLength: 128 }) @IsOptional() @IsString() @MaxLength(128) featureFlagName?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() featureFlagId?: string;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  pageIndex?: number;

  @ApiPropertyOptional({ minimum: -1, maximum: 1000, default: 10, description: '-1: all of them' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  @Max(1000)
  pageSize?: number;
}

export class VariationReferencesQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { context: { code: 'flagId_is_invalid' } }) flagId!: string;
  @ApiProperty({ maxLength: 128 }) @IsString() @IsNotEmpty() @MaxLength(128) variationId!: string;
}

/** FeatBit's ExperimentIterationParam: only the two ids are read; the rest comes from storage. */
export class IterationResultsRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { context: { code: 'exptId_is_invalid' } }) exptId!: string;
  @ApiProperty({ maxLength: 64 }) @IsString() @IsNotEmpty() @MaxLength(64) iterationId!: string;
}

export class VariationDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() value!: string;
}

export class VariationResultDto {
  @ApiProperty() variationId!: string;
  @ApiPropertyOptional() uniqueUsers?: number;
  @ApiPropertyOptional() conversion?: number;
  @ApiPropertyOptional() conversionRate?: string;
  @ApiPropertyOptional() totalEvents?: number;
  @ApiPropertyOptional() average?: string;
  @ApiProperty({ type: [String], nullable: true }) confidenceInterval!: string[] | null;
  @ApiProperty({ nullable: true, type: String }) pValue!: string | null;
  @ApiProperty({ nullable: true, type: String }) effectSize!: string | null;
  @ApiProperty() isBaseline!: boolean;
  @ApiProperty() isWinner!: boolean;
  @ApiProperty() isInvalid!: boolean;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional() exposedUsers?: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) requiredSampleSize?: number | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'chanceToBeatBaseline, expectedLoss, credibleInterval [lo, hi] of the relative lift',
  })
  bayesian?: object | null;
}

export class ExperimentIterationDto {
  @ApiProperty() id!: string;
  @ApiProperty() startTime!: string;
  @ApiProperty({ nullable: true, type: String }) endTime!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty() isArchived!: boolean;
  @ApiProperty() isFinish!: boolean;
  @ApiPropertyOptional() eventType?: number;
  @ApiPropertyOptional() eventName?: string;
  @ApiPropertyOptional() customEventTrackOption?: number;
  @ApiPropertyOptional() customEventUnit?: string;
  @ApiPropertyOptional() customEventSuccessCriteria?: number;
  @ApiProperty({ type: [VariationResultDto] }) results!: VariationResultDto[];
  @ApiPropertyOptional({ description: 'method, alpha, power, correction and the sample-ratio check' })
  analysis?: object;
  @ApiPropertyOptional({ type: [Object], description: 'Lift and interval over time (about hourly)' })
  history?: object[];
}

export class ExperimentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) envId!: string;
  @ApiProperty({ format: 'uuid' }) metricId!: string;
  @ApiProperty({ format: 'uuid' }) featureFlagId!: string;
  @ApiProperty() isArchived!: boolean;
  @ApiProperty({ enum: EXPERIMENT_STATUSES }) status!: string;
  @ApiProperty() baselineVariationId!: string;
  @ApiProperty() alpha!: number;
  @ApiProperty({ enum: ANALYSIS_METHODS }) method!: string;
  @ApiProperty({ type: [ExperimentIterationDto] }) iterations!: ExperimentIterationDto[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class RolloutGuardDto {
  @ApiProperty({ nullable: true, type: String, description: 'The guarded rule; null: the default rule' })
  ruleId!: string | null;
  @ApiProperty({ enum: GUARD_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) checkedAt!: string | null;
  @ApiProperty({ description: 'Why it rolled back (metric, variation, lift, interval, p) or stopped' })
  reason!: string;
  @ApiProperty({ nullable: true, type: String }) rolledBackAt!: string | null;
}

export class ExperimentViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() baselineVariationId!: string;
  @ApiProperty({ type: VariationDto, nullable: true }) baselineVariation!: VariationDto | null;
  @ApiProperty({ type: [VariationDto] }) variations!: VariationDto[];
  @ApiProperty({ format: 'uuid' }) featureFlagId!: string;
  @ApiProperty() featureFlagKey!: string;
  @ApiProperty() featureFlagName!: string;
  @ApiProperty({ format: 'uuid' }) metricId!: string;
  @ApiProperty() metricName!: string;
  @ApiProperty() metricEventName!: string;
  @ApiProperty() metricEventType!: number;
  @ApiProperty() metricCustomEventTrackOption!: number;
  @ApiProperty() metricCustomEventSuccessCriteria!: number;
  @ApiProperty() metricCustomEventUnit!: string;
  @ApiProperty({ enum: EXPERIMENT_STATUSES }) status!: string;
  @ApiProperty({ type: [ExperimentIterationDto] }) iterations!: ExperimentIterationDto[];
  @ApiProperty() alpha!: number;
  @ApiProperty({ enum: ANALYSIS_METHODS }) method!: string;
  @ApiProperty({
    type: RolloutGuardDto,
    nullable: true,
    description: 'Set on a guarded rollout (not in FeatBit)',
  })
  guard!: RolloutGuardDto | null;
  @ApiProperty() createdAt!: string;
}

export class ExperimentPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [ExperimentViewDto] }) items!: ExperimentViewDto[];
}

export class StatusCountDto {
  @ApiProperty({ enum: EXPERIMENT_STATUSES }) status!: string;
  @ApiProperty() count!: number;
}

export class IterationResultsDto {
  @ApiProperty() id!: string;
  @ApiProperty() isUpdated!: boolean;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty() isFinish!: boolean;
  @ApiProperty({ type: [VariationResultDto] }) results!: VariationResultDto[];
  @ApiProperty({ nullable: true, type: Object }) analysis!: object | null;
  @ApiProperty({ type: [Object] }) history!: object[];
}
