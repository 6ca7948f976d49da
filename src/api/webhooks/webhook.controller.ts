import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import { NameQueryDto } from '../http/validators';
import {
  SendWebhookDto,
  UpsertWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDeliveryQueryDto,
  WebhookDto,
  WebhookPageDto,
  WebhookQueryDto,
} from './webhook.dto';
import { WebhookService } from './webhook.service';

// FeatBit's WebhookController routes (api/v1/webhooks), organization-scoped. FeatBit checks no
// permission on them; here listing needs ListWebhooks and every change ManageWebhooks (both on
// organization/*: administrators and owners manage, developers read).

@ManagementController('webhooks', 'Webhooks')
export class WebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  @Get()
  @Permission('ListWebhooks', Res.organization())
  @Operation('listWebhooks', 'Webhooks of the organization with their last delivery, newest first')
  @ApiPagedEnvelope(WebhookDto)
  async list(@Ctx() ctx: ApiContext, @Query() q: WebhookQueryDto): Promise<WebhookPageDto> {
    const page = await this.webhooks.list(ctx.org.id, {
      ...pageOf(q),
      name: q.name,
      projectId: q.projectId,
      envId: q.envId,
    });
    return { totalCount: page.totalCount, items: page.items.map((h) => WebhookDto.from(h)) };
  }

  @Get('is-name-used')
  @Permission('ListWebhooks', Res.organization())
  @Operation('isWebhookNameUsed', 'Whether a webhook name is taken in the organization')
  @ApiOkEnvelope('boolean')
  isNameUsed(@Ctx() ctx: ApiContext, @Query() q: NameQueryDto): Promise<boolean> {
    return this.webhooks.isNameUsed(ctx.org.id, q.name);
  }

  @PostOk()
  @Permission('ManageWebhooks', Res.organization())
  @Operation(
    'createWebhook',
    'Create a webhook',
    '400 naming the field for a URL that is not http(s) or resolves to a loopback, link-local or private address (unless WEBHOOK_ALLOWED_HOSTS allows it), an unknown event, a bad scope or a template that does not compile.',
  )
  @ApiOkEnvelope(WebhookDto)
  async create(@Ctx() ctx: ApiContext, @Body() body: UpsertWebhookDto): Promise<WebhookDto> {
    return WebhookDto.from(await this.webhooks.create(ctx.actor, ctx.org.id, body));
  }

  @PostOk('send')
  @Permission('ManageWebhooks', Res.organization())
  @Operation(
    'sendWebhook',
    'Test send: deliver a payload (or a rendered sample event) at once and answer the attempt',
  )
  @ApiOkEnvelope(WebhookDeliveryDto)
  async send(@Ctx() ctx: ApiContext, @Body() body: SendWebhookDto): Promise<WebhookDeliveryDto> {
    return WebhookDeliveryDto.from(await this.webhooks.send(ctx.org.id, body));
  }

  @Put(':id')
  @Permission('ManageWebhooks', Res.organization())
  @Operation('updateWebhook', 'Update a webhook; switching it on clears a disabled reason')
  @ApiOkEnvelope(WebhookDto)
  async update(
    @Ctx() ctx: ApiContext,
    @IdParam('id', 'webhook') id: string,
    @Body() body: UpsertWebhookDto,
  ): Promise<WebhookDto> {
    return WebhookDto.from(await this.webhooks.update(ctx.actor, ctx.org.id, id, body));
  }

  @Delete(':id')
  @Permission('ManageWebhooks', Res.organization())
  @Operation('deleteWebhook', 'Delete a webhook')
  @ApiOkEnvelope('boolean')
  async delete(@Ctx() ctx: ApiContext, @IdParam('id', 'webhook') id: string): Promise<boolean> {
    await this.webhooks.delete(ctx.actor, ctx.org.id, id);
    return true;
  }

  @Get(':id/deliveries')
  @Permission('ListWebhooks', Res.organization())
  @Operation('listWebhookDeliveries', 'Delivery log of a webhook, newest first: one row per attempt')
  @ApiPagedEnvelope(WebhookDeliveryDto)
  async deliveries(
    @Ctx() ctx: ApiContext,
    @IdParam('id', 'webhook') id: string,
    @Query() q: WebhookDeliveryQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    const page = await this.webhooks.deliveries(ctx.org.id, id, {
      ...pageOf(q),
      event: q.event,
      success: q.success,
      notBefore: q.notBefore,
    });
    return { totalCount: page.totalCount, items: page.items.map((d) => WebhookDeliveryDto.from(d)) };
  }
}
