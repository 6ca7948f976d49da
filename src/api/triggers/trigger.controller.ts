import { Body, Delete, Get, Param, Put, Query, Req } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../shared/http/route-access';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { ApiOkEnvelope, ErrorEnvelopeDto } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { TriggerRes } from './trigger-access';
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
  async list(@Ctx() ctx: ApiContext, @Query() q: TriggerListQueryDto): Promise<TriggerDto[]> {
    return (await this.triggers.list(ctx, q.targetId)).map((t) => TriggerDto.from(t));
  }

  @PostOk()
  @Permission('ToggleFlag', TriggerRes.flagOfTarget('body'))
  @Operation(
    'createTrigger',
    'Create a trigger on a flag',
    'The answer carries the URL token; it is stored only as a hash and never shown again.',
  )
  @ApiOkEnvelope(TriggerDto)
  async create(@Ctx() ctx: ApiContext, @Body() body: CreateTriggerDto): Promise<TriggerDto> {
    const { trigger, token } = await this.triggers.create(ctx, body);
    return TriggerDto.from(trigger, token);
  }

  @Put(':id')
  @Permission('ToggleFlag', TriggerRes.flagOfTrigger())
  @Operation('updateTrigger', 'Enable or disable a trigger, or change its description')
  @ApiOkEnvelope('boolean')
  update(
    @Ctx() ctx: ApiContext,
    @IdParam('id', 'trigger') id: string,
    @Body() body: UpdateTriggerDto,
  ): Promise<boolean> {
    return this.triggers.update(ctx, id, body);
  }

  @Put(':id/reset-token')
  @Permission('ToggleFlag', TriggerRes.flagOfTrigger())
  @Operation('resetTriggerToken', 'Replace the token (the old URL stops working); answers the new one once')
  @ApiOkEnvelope('string')
  resetToken(@Ctx() ctx: ApiContext, @IdParam('id', 'trigger') id: string): Promise<string> {
    return this.triggers.resetToken(ctx, id);
  }

  @Delete(':id')
  @Permission('ToggleFlag', TriggerRes.flagOfTrigger())
  @Operation('deleteTrigger', 'Delete a trigger')
  @ApiOkEnvelope('boolean')
  delete(@Ctx() ctx: ApiContext, @IdParam('id', 'trigger') id: string): Promise<boolean> {
    return this.triggers.delete(ctx, id);
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
