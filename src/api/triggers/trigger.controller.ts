import { Body, Delete, Get, Param, Put, Query, Req } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/iam/actor';
import { Public } from '../../shared/http/route-access';
import { Permission } from '../auth/access.decorators';
import { CurrentActor } from '../auth/request-state.decorators';
import { ApiOkEnvelope, ErrorEnvelopeDto } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { TriggerRes, type TriggerRouteState, TriggerState } from './trigger-access';
import { CreateTriggerDto, TriggerDto, TriggerListQueryDto, UpdateTriggerDto } from './trigger.dto';
import { TriggerService } from './trigger.service';

// FeatBit's TriggerController routes. Managing a trigger needs the right to toggle its flag (a
// trigger is a standing toggle); listing needs access to the flag's environment.

@ManagementController('triggers', 'Flag triggers')
export class TriggerController {
  constructor(private readonly triggers: TriggerService) {}

  @Get()
  @Permission('CanAccessEnv', TriggerRes.envOfTarget('query'))
  @Operation('listTriggers', "A flag's triggers, newest first (tokens masked)")
  @ApiOkEnvelope(TriggerDto, { isArray: true })
  async list(
    @TriggerState() route: TriggerRouteState,
    @Query() q: TriggerListQueryDto,
  ): Promise<TriggerDto[]> {
    return (await this.triggers.list(route.target(q.targetId).flag.id)).map((t) => TriggerDto.from(t));
  }

  @PostOk()
  @Permission('ToggleFlag', TriggerRes.flagOfTarget('body'))
  @Operation(
    'createTrigger',
    'Create a trigger on a flag',
    'The answer carries the URL token; it is stored only as a hash and never shown again.',
  )
  @ApiOkEnvelope(TriggerDto)
  async create(
    @CurrentActor() actor: Actor,
    @TriggerState() route: TriggerRouteState,
    @Body() body: CreateTriggerDto,
  ): Promise<TriggerDto> {
    const { flag, project } = route.target(body.targetId);
    const { trigger, token } = await this.triggers.create(actor, project.organizationId, flag, body);
    return TriggerDto.from(trigger, token);
  }

  @Put(':id')
  @Permission('ToggleFlag', TriggerRes.flagOfTrigger())
  @Operation('updateTrigger', 'Enable or disable a trigger, or change its description')
  @ApiOkEnvelope('boolean')
  update(
    @CurrentActor() actor: Actor,
    @TriggerState() route: TriggerRouteState,
    @IdParam('id', 'trigger') id: string,
    @Body() body: UpdateTriggerDto,
  ): Promise<boolean> {
    const { trigger, target } = route.trigger(id);
    return this.triggers.update(actor, target.project.organizationId, target.flag, trigger, body);
  }

  @Put(':id/reset-token')
  @Permission('ToggleFlag', TriggerRes.flagOfTrigger())
  @Operation('resetTriggerToken', 'Replace the token (the old URL stops working); answers the new one once')
  @ApiOkEnvelope('string')
  resetToken(
    @CurrentActor() actor: Actor,
    @TriggerState() route: TriggerRouteState,
    @IdParam('id', 'trigger') id: string,
  ): Promise<string> {
    const { trigger, target } = route.trigger(id);
    return this.triggers.resetToken(actor, target.project.organizationId, target.flag, trigger);
  }

  @Delete(':id')
  @Permission('ToggleFlag', TriggerRes.flagOfTrigger())
  @Operation('deleteTrigger', 'Delete a trigger')
  @ApiOkEnvelope('boolean')
  delete(
    @CurrentActor() actor: Actor,
    @TriggerState() route: TriggerRouteState,
    @IdParam('id', 'trigger') id: string,
  ): Promise<boolean> {
    const { trigger, target } = route.trigger(id);
    return this.triggers.delete(actor, target.project.organizationId, target.flag, trigger);
  }

  @PostOk('run/:token')
  @Public()
  @Operation(
    'runTrigger',
    'Run a trigger: turn its flag on or off (no other credential)',
    'The token is the credential. 404 for an unknown or disabled token; rate limited per token and per address (429 with Retry-After).',
  )
  @ApiOkEnvelope('boolean')
  @ApiResponse({ status: 429, description: 'Too many runs; see Retry-After', type: ErrorEnvelopeDto })
  run(@Param('token') token: string, @Req() req: FastifyRequest): Promise<boolean> {
    return this.triggers.run(token, req.ip);
  }
}
