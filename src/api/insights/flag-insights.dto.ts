import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { INSIGHT_INTERVALS, type InsightInterval } from '../../core/analytics/insight-interval';
import { IsKey } from '../http/validators';

/** Milliseconds since the epoch, as FeatBit's console sends `from` and `to`. */
const IsEpochMs = (field: string) => (target: object, property: string) => {
  ApiProperty({ description: `${field}: milliseconds since the Unix epoch`, type: 'integer', minimum: 1 })(
    target,
    property,
  );
  Type(() => Number)(target, property);
  IsInt({ context: { code: `${field}_is_invalid` } })(target, property);
  Min(1, { context: { code: `${field}_is_invalid` } })(target, property);
  Max(8_640_000_000_000, { context: { code: `${field}_is_invalid` } })(target, property);
};

class RangeQueryDto {
  @IsEpochMs('from') from!: number;
  @IsEpochMs('to') to!: number;
}

export class InsightsRangeQueryDto extends RangeQueryDto {
  @ApiProperty({ enum: INSIGHT_INTERVALS, description: 'Bucket size; each allows a longest range' })
  @IsIn(INSIGHT_INTERVALS, { context: { code: 'intervalType_is_invalid' } })
  intervalType!: InsightInterval;

  @ApiPropertyOptional({
    maxLength: 64,
    example: 'Europe/Paris',
    description: 'IANA time zone the buckets start in (FeatBit buckets in UTC whatever is sent); default UTC',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64, { context: { code: 'timezone_is_invalid' } })
  timezone?: string;
}

/** FeatBit's `feature-flags/insights` query: the flag comes by key in the query string. */
export class FlagInsightsQueryDto extends InsightsRangeQueryDto {
  @IsKey('featureFlagKey') featureFlagKey!: string;
}

export const FLAG_USERS_MAX_PAGE_SIZE = 100;

export class FlagUsersQueryDto extends RangeQueryDto {
  @IsKey('featureFlagKey') featureFlagKey!: string;

  @ApiPropertyOptional({
    maxLength: 128,
    description: 'Only this variation (its id); empty: every variation',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  variationId?: string;

  @ApiPropertyOptional({ maxLength: 128, description: 'Substring of the keyId or name, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  query?: string;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  pageIndex?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: FLAG_USERS_MAX_PAGE_SIZE, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FLAG_USERS_MAX_PAGE_SIZE)
  pageSize?: number;
}

export class VariationCountDto {
  @ApiProperty({ description: "The variation's name (its id when the flag no longer has it)" })
  variation!: string;
  @ApiProperty() variationId!: string;
  @ApiProperty({ description: 'Evaluations' }) count!: number;
  @ApiProperty({ description: 'Distinct end users evaluated' }) users!: number;
}

export class InsightTotalDto {
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Distinct end users, each counted once across variations' }) users!: number;
}

export class InsightBucketDto {
  @ApiProperty({ example: '2026-12-06T10:00:00Z', description: 'Bucket start, UTC' }) time!: string;
  @ApiProperty({ type: [VariationCountDto] }) variations!: VariationCountDto[];
  @ApiProperty({ type: InsightTotalDto }) total!: InsightTotalDto;
}

export class InsightsSummaryDto {
  @ApiProperty({ type: [VariationCountDto] }) variations!: VariationCountDto[];
  @ApiProperty({ type: InsightTotalDto }) total!: InsightTotalDto;
}

export class FlagInsightsDto {
  @ApiProperty({ type: [InsightBucketDto] }) series!: InsightBucketDto[];
  @ApiProperty({ type: InsightsSummaryDto }) summary!: InsightsSummaryDto;
}

export class FlagUserDto {
  @ApiProperty({ description: 'Variation name' }) variation!: string;
  @ApiProperty() variationId!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ example: '2026-12-06T10:11:12.000Z' }) lastEvaluatedAt!: string;
}

export class FlagUserPageDto {
  @ApiProperty({ description: 'Distinct (variation, user) pairs' }) totalCount!: number;
  @ApiProperty({ type: [FlagUserDto] }) items!: FlagUserDto[];
}
