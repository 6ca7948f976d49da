import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import type { Environment } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentFlag } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { ExperimentViewDto } from './experiment.dto';
import type { ExperimentView } from './experiment.service';
import { GuardedRolloutService } from './guarded-rollout.service';

export class GuardInputDto {
  @ApiProperty({ format: 'uuid', description: 'The guardrail metric' })
  @IsUUID('all', { context: { code: 'metricId_is_invalid' } })
  metricId!: string;

  @ApiProperty({ maxLength: 128, description: 'The variation served to everyone on a regression' })
  @IsString()
  @IsNotEmpty({ context: { code: 'baselineVariationId_is_required' } })
  @MaxLength(128)
  baselineVariationId!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The guarded rule; null: the default rule',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(128)
  ruleId?: string | null;

  @ApiPropertyOptional({ description: '1 − confidence level, in (0, 1); default 0.05' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { context: { code: 'alpha_is_invalid' } })
  @Min(1e-6, { context: { code: 'alpha_is_invalid' } })
  @Max(0.999999, { context: { code: 'alpha_is_invalid' } })
  alpha?: number;
}

export class GuardQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { code: 'metricId_is_invalid' } })
  metricId!: string;
}

/** Not in FeatBit: a percentage rollout watched by a guardrail metric, rolled back on a regression. */
@ManagementController('envs/:envId/feature-flags/:key/guarded-rollout', 'Experiments')
export class GuardedRolloutController {
  constructor(private readonly guards: GuardedRolloutService) {}

  @Get()
  @Permission('CanAccessEnv', Res.flag())
  @Operation('listGuardedRollouts', "The flag's guarded rollouts (watching, rolled back or stopped)")
  @ApiOkEnvelope(ExperimentViewDto, { isArray: true })
  list(@CurrentEnv() env: Environment, @CurrentFlag() flag: FeatureFlag): Promise<ExperimentView[]> {
    return this.guards.list(env.id, flag);
  }

  @Put()
  @Permission('UpdateFlagDefaultRule', Res.flag())
  @Operation(
    'watchGuardedRollout',
    "Watch a rule's percentage rollout with a guardrail metric (sequential test); a significant regression serves the baseline to everyone",
  )
  @ApiOkEnvelope(ExperimentViewDto)
  watch(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Body() body: GuardInputDto,
  ): Promise<ExperimentView> {
    return this.guards.watch(ctx.actor, ctx.org.id, env, flag, body);
  }

  @Delete()
  @Permission('UpdateFlagDefaultRule', Res.flag())
  @Operation('unwatchGuardedRollout', 'Stop watching the rollout with that metric (its results are kept)')
  @ApiOkEnvelope('boolean')
  unwatch(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() env: Environment,
    @CurrentFlag() flag: FeatureFlag,
    @Query() q: GuardQueryDto,
  ): Promise<boolean> {
    return this.guards.unwatch(ctx.actor, ctx.org.id, env.id, flag, q.metricId);
  }
}
