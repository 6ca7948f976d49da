import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { Trigger } from '../../core/integrations/integrations';
import {
  MASKED_TRIGGER_TOKEN,
  TRIGGER_ACTIONS,
  TRIGGER_TYPES,
  type TriggerAction,
  type TriggerType,
} from '../../core/integrations/trigger-rules';
import { IsDescription } from '../http/validators';

/** FeatBit's GetTriggerList query. */
export class TriggerListQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The flag id' })
  @IsUUID('all', { context: { code: 'targetId_is_invalid' } })
  targetId!: string;
}

/** FeatBit's CreateTrigger body. */
export class CreateTriggerDto {
  @ApiProperty({ format: 'uuid', description: 'The flag id' })
  @IsUUID('all', { context: { code: 'targetId_is_invalid' } })
  targetId!: string;

  @ApiProperty({ enum: TRIGGER_TYPES })
  @IsIn(TRIGGER_TYPES, { context: { code: 'type_is_invalid' } })
  type!: TriggerType;

  @ApiProperty({ enum: TRIGGER_ACTIONS })
  @IsIn(TRIGGER_ACTIONS, { context: { code: 'action_is_invalid' } })
  action!: TriggerAction;

  @IsDescription() description?: string;
}

/** FeatBit's UpdateTrigger body (isEnabled), plus the description. */
export class UpdateTriggerDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isEnabled?: boolean;
  @IsDescription() description?: string;
}

/** FeatBit's Trigger: `token` is the real one only in the create answer, masked everywhere else. */
export class TriggerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The flag id' }) targetId!: string;
  @ApiProperty({ enum: TRIGGER_TYPES }) type!: string;
  @ApiProperty({ enum: TRIGGER_ACTIONS }) action!: string;
  @ApiProperty({ description: 'The URL token in the create answer only; masked otherwise' }) token!: string;
  @ApiProperty() description!: string;
  @ApiProperty() isEnabled!: boolean;
  @ApiProperty() triggeredTimes!: number;
  @ApiProperty({ nullable: true, type: String }) lastTriggeredAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(trigger: Trigger, token = MASKED_TRIGGER_TOKEN): TriggerDto {
    // Listed field by field so the stored hash can never leak into an answer.
    return Object.assign(new TriggerDto(), {
      id: trigger.id,
      targetId: trigger.targetId,
      type: trigger.type,
      action: trigger.action,
      token,
      description: trigger.description,
      isEnabled: trigger.isEnabled,
      triggeredTimes: trigger.triggeredTimes,
      lastTriggeredAt: trigger.lastTriggeredAt,
      createdAt: trigger.createdAt,
      updatedAt: trigger.updatedAt,
    });
  }
}
