import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { Param } from '@nestjs/common';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import { NameQueryDto } from '../http/validators';
import {
  AgentHostQueryDto,
  RelayProxyDto,
  RelayProxyPageDto,
  RelayProxyQueryDto,
  SyncAgentDto,
  SyncAgentQueryDto,
  SyncResultDto,
  UpdateRelayProxyDto,
  UpsertRelayProxyDto,
} from './relay-proxy.dto';
import { RelayProxyService } from './relay-proxy.service';

// FeatBit's RelayProxyController routes (api/v1/relay-proxies), organization-scoped. FeatBit checks
// no permission on them; here reads need ListRelayProxies and everything else ManageRelayProxies,
// on relay-proxy/* (the built-in Owner, Administrator and Developer policies all allow both).

@ManagementController('relay-proxies', 'Relay proxies')
export class RelayProxyController {
  constructor(private readonly proxies: RelayProxyService) {}

  @Get()
  @Permission('ListRelayProxies', Res.relayProxy())
  @Operation('listRelayProxies', 'Relay proxies of the organization with their agents, newest first')
  @ApiPagedEnvelope(RelayProxyDto)
  async list(@Ctx() ctx: ApiContext, @Query() q: RelayProxyQueryDto): Promise<RelayProxyPageDto> {
    const page = await this.proxies.list(ctx.org.id, { ...pageOf(q), name: q.name });
    const serves = await this.proxies.serves(ctx.org.id, page.items);
    return {
      totalCount: page.totalCount,
      items: page.items.map((p) => RelayProxyDto.from(p, serves.get(p.id) ?? [])),
    };
  }

  @Get('is-name-used')
  @Permission('ListRelayProxies', Res.relayProxy())
  @Operation('isRelayProxyNameUsed', 'Whether a relay proxy name is taken in the organization')
  @ApiOkEnvelope('boolean')
  isNameUsed(@Ctx() ctx: ApiContext, @Query() q: NameQueryDto): Promise<boolean> {
    return this.proxies.isNameUsed(ctx.org.id, q.name);
  }

  @Get('agent-availability')
  @Permission('ManageRelayProxies', Res.relayProxy())
  @Operation(
    'checkRelayProxyAgentAvailability',
    "Status code of the agent's /health/liveness (503 when unreachable)",
    'Only http(s) hosts; no redirect followed; 3 s timeout. Private addresses are allowed: agents live next to the apps.',
  )
  @ApiOkEnvelope('number')
  checkAvailability(@Query() q: AgentHostQueryDto): Promise<number> {
    return this.proxies.checkAvailability(q.agentHost);
  }

  @PostOk()
  @Permission('ManageRelayProxies', Res.relayProxy())
  @Operation(
    'createRelayProxy',
    'Create a relay proxy; the answer holds its rp- key, shown this once (only a hash is stored)',
    '400 naming the field for scopes that are not environments of the organization or a bad agent.',
  )
  @ApiOkEnvelope(RelayProxyDto)
  async create(@Ctx() ctx: ApiContext, @Body() body: UpsertRelayProxyDto): Promise<RelayProxyDto> {
    const { proxy, key } = await this.proxies.create(ctx.actor, ctx.org.id, body);
    return RelayProxyDto.from(
      proxy,
      (await this.proxies.serves(ctx.org.id, [proxy])).get(proxy.id) ?? [],
      key,
    );
  }

  @Put(':id')
  @Permission('ManageRelayProxies', Res.relayProxy())
  @Operation('updateRelayProxy', 'Update a relay proxy; open agent connections are resynchronised at once')
  @ApiOkEnvelope('boolean')
  async update(
    @Ctx() ctx: ApiContext,
    @IdParam('id', 'relay proxy') id: string,
    @Body() body: UpdateRelayProxyDto,
  ): Promise<boolean> {
    await this.proxies.update(ctx.actor, ctx.org.id, id, body);
    return true;
  }

  @Delete(':id')
  @Permission('ManageRelayProxies', Res.relayProxy())
  @Operation(
    'deleteRelayProxy',
    'Delete a relay proxy; its key stops working and its agents are disconnected',
  )
  @ApiOkEnvelope('boolean')
  async delete(@Ctx() ctx: ApiContext, @IdParam('id', 'relay proxy') id: string): Promise<boolean> {
    await this.proxies.delete(ctx.actor, ctx.org.id, id);
    return true;
  }

  @Put(':rpId/agents/:agentId/sync')
  @Permission('ManageRelayProxies', Res.relayProxy())
  @Operation(
    'syncRelayProxyAgent',
    "Push every environment in scope to a manual agent's bootstrap endpoint",
    'The key is not stored: the body gives it again. A failed push is answered 200 with success false and the reason, as FeatBit.',
  )
  @ApiOkEnvelope(SyncResultDto)
  sync(
    @Ctx() ctx: ApiContext,
    @IdParam('rpId', 'relay proxy') rpId: string,
    @Param('agentId') agentId: string,
    @Query() q: SyncAgentQueryDto,
    @Body() body: SyncAgentDto,
  ): Promise<SyncResultDto> {
    return this.proxies.syncToAgent(ctx.org.id, rpId, agentId, body.key, q.host);
  }
}
