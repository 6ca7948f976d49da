import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { utcDate } from '../../core/analytics/usage';

// GET /api/v1/workspaces/usages: FeatBit's WorkspaceUsageFilter and WorkspaceUsageVm
// (modules/back-end/src/Application/Workspaces/WorkspaceUsage*.cs).

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date, `YYYY-MM-DD`; missing or wrong is `<field>_is_invalid`. */
const IsUsageDate = (description: string) =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date', example: '2026-11-01', description }),
    ValidateBy({
      name: 'usageDate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && DATE.test(value) && utcDate(Date.parse(value)) === value,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date, YYYY-MM-DD`,
      },
    }),
  );

export class WorkspaceUsageQueryDto {
  @IsUsageDate('First day of the range (UTC), inclusive') startDate!: string;
  @IsUsageDate('Last day of the range (UTC), inclusive') endDate!: string;
  @IsUsageDate('First day of the comparison range, inclusive') prevStartDate!: string;
  @IsUsageDate('Last day of the comparison range, inclusive') prevEndDate!: string;
}

export class UsageSummaryDto {
  @ApiProperty({ description: 'Users first seen in their month within the range' }) uniqueUsers!: number;
  @ApiProperty() totalFlagEvaluations!: number;
  @ApiProperty() totalCustomMetrics!: number;
  @ApiProperty() prevUniqueUsers!: number;
  @ApiProperty() prevFlagEvaluations!: number;
  @ApiProperty() prevCustomMetrics!: number;
}

export class DailyTrendItemDto {
  @ApiProperty({ type: String, format: 'date' }) date!: string;
  @ApiProperty() newUsers!: number;
  @ApiProperty() flagEvaluations!: number;
  @ApiProperty() customMetrics!: number;
}

export class EnvironmentUsageDto {
  @ApiProperty() orgName!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty() envName!: string;
  @ApiProperty({ format: 'uuid' }) envId!: string;
  @ApiProperty() uniqueUsers!: number;
  @ApiProperty() flagEvaluations!: number;
  @ApiProperty() customMetrics!: number;
}

export class WorkspaceUsageDto {
  @ApiProperty({ type: UsageSummaryDto }) summary!: UsageSummaryDto;
  @ApiProperty({ type: [DailyTrendItemDto] }) dailyTrend!: DailyTrendItemDto[];
  @ApiProperty({
    type: [EnvironmentUsageDto],
    description: 'Every environment of the workspace, most users first',
  })
  environmentUsages!: EnvironmentUsageDto[];
}
