import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { RevisionDto, TargetingInputDto } from '../feature-flags/flag-input.dto';
import { COMMENT_MAX, IsComment, IsName } from '../http/validators';

/** A change proposed on a revision of the flag: new targeting, a new on/off state, or both. */
export class ProposalDto extends RevisionDto {
  @ApiPropertyOptional({ type: TargetingInputDto, description: "The flag's targeting as it should become" })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetingInputDto)
  targeting?: TargetingInputDto;

  @ApiPropertyOptional({
    description: 'Turn the flag on or off (not in FeatBit, whose proposals carry targeting only)',
  })
  @IsOptional()
  @IsBoolean({ context: { code: 'isEnabled_is_invalid' } })
  isEnabled?: boolean;
}

export class CreateChangeRequestDto extends ProposalDto {
  @ApiProperty({ maxLength: COMMENT_MAX })
  @IsString({ context: { code: 'reason_is_invalid' } })
  @MaxLength(COMMENT_MAX, { context: { code: 'reason_is_invalid' } })
  reason!: string;

  @ApiProperty({ type: [String], description: 'Member ids; empty: every reviewer the environment allows' })
  @IsArray({ context: { code: 'reviewers_is_invalid' } })
  @ArrayMaxSize(50, { context: { code: 'reviewers_is_invalid' } })
  @IsUUID('all', { each: true, context: { code: 'reviewers_is_invalid' } })
  reviewers!: string[];
}

export class CreateScheduleDto extends ProposalDto {
  @IsName() title!: string;

  @ApiProperty({ description: 'When to apply the change (ISO 8601, in the future)' })
  @IsDateString({}, { context: { code: 'scheduledTime_is_invalid' } })
  scheduledTime!: string;

  @ApiProperty({ description: 'The schedule waits for a change request to be approved' })
  @IsBoolean({ context: { code: 'withChangeRequest_is_invalid' } })
  withChangeRequest!: boolean;

  @ApiPropertyOptional({ maxLength: COMMENT_MAX })
  @IsOptional()
  @IsString({ context: { code: 'reason_is_invalid' } })
  @MaxLength(COMMENT_MAX, { context: { code: 'reason_is_invalid' } })
  reason?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ context: { code: 'reviewers_is_invalid' } })
  @ArrayMaxSize(50, { context: { code: 'reviewers_is_invalid' } })
  @IsUUID('all', { each: true, context: { code: 'reviewers_is_invalid' } })
  reviewers?: string[];
}

export class ReviewDto {
  @IsComment() comment?: string;
}

export class ReviewerDto {
  @ApiProperty() memberId!: string;
  @ApiProperty() memberName!: string;
  @ApiProperty({ enum: ['Empty', 'Approve', 'Decline'] }) action!: string;
  @ApiProperty({ type: String, nullable: true }) timestamp!: string | null;
  @ApiProperty() comment!: string;
}

export class InstructionDto {
  @ApiProperty() kind!: string;
  @ApiProperty({ description: 'The instruction value (shape depends on the kind)' }) value!: unknown;
  @ApiProperty() text!: string;
}

/** FeatBit's PendingChangesVm, plus status, failure, base revision and current conflicts. */
export class PendingChangeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) flagId!: string;
  @ApiProperty() flagKey!: string;
  @ApiProperty() flagName!: string;
  @ApiProperty({ description: 'previous/current JSON of the flag' }) dataChange!: {
    previous: string;
    current: string;
  };
  @ApiProperty() creatorId!: string;
  @ApiProperty() creatorName!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [InstructionDto] }) instructions!: InstructionDto[];
  @ApiProperty({ enum: ['schedule', 'change-request'] }) type!: string;
  @ApiPropertyOptional() scheduleTitle?: string;
  @ApiPropertyOptional() scheduledTime?: string;
  @ApiPropertyOptional({ enum: ['PendingReview', 'PendingExecution', 'Applied', 'Declined', 'Failed'] })
  scheduleStatus?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why a failed schedule was not applied' })
  scheduleError?: string | null;
  @ApiProperty({ type: String, nullable: true }) changeRequestId!: string | null;
  @ApiPropertyOptional() changeRequestReason?: string;
  @ApiPropertyOptional({ enum: ['PendingReview', 'Approved', 'Declined', 'Applied'] })
  changeRequestStatus?: string;
  @ApiProperty({ type: [ReviewerDto] }) reviewers!: ReviewerDto[];
  @ApiProperty({ description: 'The flag revision the change was proposed on' }) baseRevision!: string;
  @ApiProperty({
    type: [String],
    description: 'Parts of the flag changed since by someone else in another way: applying now is refused',
  })
  conflicts!: string[];
}
