import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { COPY_MODES, type CopyMode } from '../../core/flags/flag-compare';
import { FallthroughDto, FeatureFlagDto, TargetRuleDto, VariationDto } from './flag.dto';
import { FlagListQueryDto } from './flag-input.dto';

// Request and response shapes of flag comparison (FeatBit's compare-overview, compare-with and
// copy-settings-to; Application/FeatureFlags/CompareFlagDetail.cs, FlagDiffOverview.cs).

export const MAX_COMPARE_TARGETS = 20;

export class CompareOverviewDto {
  @ApiProperty({ type: [String], maxItems: MAX_COMPARE_TARGETS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPARE_TARGETS)
  @IsUUID('all', { each: true })
  targetEnvIds!: string[];

  @ApiProperty({
    type: FlagListQueryDto,
    required: false,
    description: 'The flag list filter of the source env',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FlagListQueryDto)
  filter?: FlagListQueryDto;
}

export class CopyPartOptionDto {
  @ApiProperty() @IsBoolean() copy!: boolean;
  @ApiProperty({ enum: COPY_MODES }) @IsIn(COPY_MODES) mode!: CopyMode;
}

export class FlagCopyOptionsDto {
  @ApiProperty() @IsBoolean() onOffState!: boolean;

  @ApiProperty({ type: CopyPartOptionDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CopyPartOptionDto)
  individualTargeting!: CopyPartOptionDto;

  @ApiProperty({ type: CopyPartOptionDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CopyPartOptionDto)
  targetingRule!: CopyPartOptionDto;

  @ApiProperty() @IsBoolean() defaultRule!: boolean;
  @ApiProperty() @IsBoolean() offVariation!: boolean;
}

export class CopySettingsDto {
  @ApiProperty({ type: FlagCopyOptionsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => FlagCopyOptionsDto)
  options!: FlagCopyOptionsDto;
}

export class FlagDiffOverviewDto {
  @ApiProperty() targetEnvId!: string;
  @ApiProperty() onOffState!: boolean;
  @ApiProperty() individualTargeting!: boolean;
  @ApiProperty() targetingRule!: boolean;
  @ApiProperty() defaultRule!: boolean;
  @ApiProperty() offVariation!: boolean;
}

export class CompareFlagOverviewDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() key!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({
    type: [FlagDiffOverviewDto],
    description: 'One entry per target environment holding a flag of this key; none: the flag is not there',
  })
  diffs!: FlagDiffOverviewDto[];
}

export class CompareFlagOverviewPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [CompareFlagOverviewDto] }) items!: CompareFlagOverviewDto[];
}

export class OnOffDiffDto {
  @ApiProperty() source!: boolean;
  @ApiProperty() target!: boolean;
  @ApiProperty() isDifferent!: boolean;
}

export class VariationUsersDto {
  @ApiProperty({ type: VariationDto }) variation!: VariationDto;
  @ApiProperty({ type: [String] }) users!: string[];
}

export class IndividualTargetingDiffDto {
  @ApiProperty({ type: VariationUsersDto, nullable: true }) source!: VariationUsersDto | null;
  @ApiProperty({ type: VariationUsersDto, nullable: true }) target!: VariationUsersDto | null;
  @ApiProperty() isDifferent!: boolean;
}

export class TargetingRuleDiffDto {
  @ApiProperty({ type: TargetRuleDto, nullable: true }) source!: TargetRuleDto | null;
  @ApiProperty({ type: TargetRuleDto, nullable: true }) target!: TargetRuleDto | null;
  @ApiProperty() isDifferent!: boolean;
}

export class DefaultRuleDiffDto {
  @ApiProperty({ type: FallthroughDto }) source!: FallthroughDto;
  @ApiProperty({ type: FallthroughDto }) target!: FallthroughDto;
  @ApiProperty() isDifferent!: boolean;
}

export class OffVariationDiffDto {
  @ApiProperty({ type: VariationDto, nullable: true }) source!: VariationDto | null;
  @ApiProperty({ type: VariationDto, nullable: true }) target!: VariationDto | null;
  @ApiProperty() isDifferent!: boolean;
}

export class FlagDiffDto {
  @ApiProperty({ type: OnOffDiffDto }) onOffState!: OnOffDiffDto;
  @ApiProperty({ type: [IndividualTargetingDiffDto] }) individualTargeting!: IndividualTargetingDiffDto[];
  @ApiProperty({ type: [TargetingRuleDiffDto] }) targetingRule!: TargetingRuleDiffDto[];
  @ApiProperty({ type: DefaultRuleDiffDto }) defaultRule!: DefaultRuleDiffDto;
  @ApiProperty({ type: OffVariationDiffDto }) offVariation!: OffVariationDiffDto;
}

export class RelatedSegmentDto {
  @ApiProperty({ description: 'Segment id' }) key!: string;
  @ApiProperty({ description: 'Segment name' }) value!: string;
}

export class CompareFlagDetailDto {
  @ApiProperty({ type: FeatureFlagDto }) source!: FeatureFlagDto;
  @ApiProperty({ type: FeatureFlagDto }) target!: FeatureFlagDto;
  @ApiProperty({ type: FlagDiffDto }) diff!: FlagDiffDto;
  @ApiProperty({ type: [RelatedSegmentDto] }) relatedSegments!: RelatedSegmentDto[];
  @ApiProperty({ description: 'Every segment the source rules use can be used in the target env' })
  isRulesCopyable!: boolean;
}
