import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VARIATION_TYPES } from '../../core/flags/feature-flag';
import {
  FLAG_LIFECYCLE_STATUSES,
  type FlagLifecycleStatus,
  LIFECYCLE_REASON_CODES,
  type LifecycleReasonCode,
} from '../../core/flags/flag-lifecycle';

// Response shapes: the flag exactly as FeatBit stores it (docs/reference/data-model.md#feature-flag).

/** A nullable timestamp of SDK evaluations (flag list items and the usage route). */
const EvaluatedAt = (description: string) =>
  ApiProperty({ nullable: true, type: String, format: 'date-time', description });

export class VariationDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Always a string ("true", "42", JSON text …)' }) value!: string;
}

export class TargetUserDto {
  @ApiProperty({ type: [String] }) keyIds!: string[];
  @ApiProperty() variationId!: string;
}

export class ConditionDto {
  @ApiPropertyOptional() id?: string;
  @ApiProperty({ description: 'User attribute, or "User is in segment" / "User is not in segment"' })
  property!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Equal' }) op!: string | null;
  @ApiProperty({ description: 'A string; JSON array text for list operators and segment conditions' })
  value!: string;
}

export class RolloutVariationDto {
  @ApiProperty({ description: 'Variation id' }) id!: string;
  @ApiProperty({ type: [Number], example: [0, 1], description: 'Bucket interval [from, to] within [0, 1]' })
  rollout!: [number, number];
  @ApiProperty({ example: 1 }) exptRollout!: number;
}

export class TargetRuleDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) dispatchKey!: string | null;
  @ApiProperty() includedInExpt!: boolean;
  @ApiProperty({ type: [ConditionDto] }) conditions!: ConditionDto[];
  @ApiProperty({ type: [RolloutVariationDto] }) variations!: RolloutVariationDto[];
}

export class FallthroughDto {
  @ApiProperty({ nullable: true, type: String }) dispatchKey!: string | null;
  @ApiProperty() includedInExpt!: boolean;
  @ApiProperty({ type: [RolloutVariationDto] }) variations!: RolloutVariationDto[];
}

export class FeatureFlagDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) envId!: string;
  @ApiProperty({
    format: 'uuid',
    description: 'Send back on targeting/variation/off-variation updates (409 when stale)',
  })
  revision!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ enum: VARIATION_TYPES }) variationType!: string;
  @ApiProperty({ type: [VariationDto] }) variations!: VariationDto[];
  @ApiProperty({ type: [TargetUserDto] }) targetUsers!: TargetUserDto[];
  @ApiProperty({ type: [TargetRuleDto] }) rules!: TargetRuleDto[];
  @ApiProperty() isEnabled!: boolean;
  @ApiProperty() disabledVariationId!: string;
  @ApiProperty({ type: FallthroughDto }) fallthrough!: FallthroughDto;
  @ApiProperty() exptIncludeAllTargets!: boolean;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() isArchived!: boolean;
  @ApiPropertyOptional({ description: 'Marked to stay in the code (flag lifecycle); absent means false' })
  isPermanent?: boolean;
  @ApiProperty() creatorId!: string;
  @ApiProperty() updatorId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class LifecycleReasonArgsDto {
  @ApiPropertyOptional({ description: 'The look-back window, or the days since the last evaluation' })
  days?: number;
  @ApiPropertyOptional({ description: 'The variation everyone gets' }) variation?: string;
  @ApiPropertyOptional({ description: 'The flag is off (it serves its off variation)' }) off?: boolean;
}

export class FlagLifecycleDto {
  @ApiProperty({ enum: FLAG_LIFECYCLE_STATUSES }) status!: FlagLifecycleStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the status began, where known',
  })
  since!: string | null;
  @ApiProperty({ description: 'Why the flag has this status (one sentence, English)' }) reason!: string;
  @ApiProperty({
    enum: LIFECYCLE_REASON_CODES,
    description: '`reason` as a code, for clients that word it themselves',
  })
  reasonCode!: LifecycleReasonCode;
  @ApiProperty({ type: () => LifecycleReasonArgsDto, description: 'What `reason` fills in' })
  reasonArgs!: LifecycleReasonArgsDto;
}

/** One flag with its lifecycle status (the flag detail route). */
export class FlagDetailDto extends FeatureFlagDto {
  @ApiProperty({ type: FlagLifecycleDto }) lifecycle!: FlagLifecycleDto;
}

export class ActorDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class ServesDto {
  @ApiProperty({ type: [String], description: 'Variation names served by the default rule when on' })
  enabledVariations!: string[];
  @ApiProperty({ description: 'Variation name served when off' }) disabledVariation!: string;
}

export class LastChangeDto {
  @ApiProperty({ description: 'Who made the last change' }) operator!: string;
  @ApiProperty() happenedAt!: string;
  @ApiProperty() comment!: string;
}

export class FlagListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() key!: string;
  @ApiProperty() isEnabled!: boolean;
  @ApiProperty() isArchived!: boolean;
  @ApiProperty({ enum: VARIATION_TYPES }) variationType!: string;
  @ApiProperty({ type: [VariationDto] }) variations!: VariationDto[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: ActorDto }) creator!: ActorDto;
  @ApiProperty({ type: ServesDto }) serves!: ServesDto;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: LastChangeDto, nullable: true }) lastChange!: LastChangeDto | null;
  @EvaluatedAt('Latest evaluation reported by an SDK; null when never evaluated')
  lastEvaluatedAt!: string | null;
  @ApiProperty({ description: 'Marked to stay in the code (flag lifecycle)' }) isPermanent!: boolean;
  @ApiProperty({ type: FlagLifecycleDto }) lifecycle!: FlagLifecycleDto;
}

export class CopyPrecheckDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The key is free in the target environment' }) keyCheck!: boolean;
  @ApiProperty({ description: 'Every targeted user exists in the target environment' })
  targetUserCheck!: boolean;
  @ApiProperty({ description: 'Every referenced segment is visible in the target environment' })
  targetRuleCheck!: boolean;
  @ApiProperty({ type: [String] }) newProperties!: string[];
}

export class CopyResultDto {
  @ApiProperty() copiedCount!: number;
  @ApiProperty({ type: [String], description: 'Keys not copied because they exist in the target' })
  ignored!: string[];
}

export class EvaluationDto {
  @ApiProperty({ nullable: true, type: String }) variationId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Name of the served variation' }) variationName!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) value!: string | null;
  @ApiProperty({
    example: 'default',
    description:
      "'flag archived' | 'flag disabled' | 'targeted' | <rule name> | 'default' | 'malformed flag'",
  })
  reason!: string;
  @ApiProperty() sendToExperiment!: boolean;
  @ApiPropertyOptional() error?: string;
}

export class FlagUsageDto {
  @EvaluatedAt('First evaluation reported by an SDK (its own clock); null when never evaluated')
  firstEvaluatedAt!: string | null;
  @EvaluatedAt('Latest evaluation reported by an SDK; null when never evaluated')
  lastEvaluatedAt!: string | null;
}
