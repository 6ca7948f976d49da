import { Global, Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { WebhookController } from './webhook.controller';
import { WebhookDeliveryHandler } from './webhook-delivery.handler';
import { WebhookEventHandler } from './webhook-event.handler';
import { WebhookEventQueue } from './webhook-event-queue';
import { WebhookSender } from './webhook-sender.service';
import { WebhookService } from './webhook.service';

/**
 * Webhooks (FeatBit's webhooks routes) and their two job handlers. Global so that AuditTrail, which
 * every module shares, finds the WebhookEventQueue it hands flag and segment changes to.
 */
@Global()
@Module({
  imports: [JobsModule],
  controllers: [WebhookController],
  providers: [WebhookService, WebhookSender, WebhookEventQueue, WebhookEventHandler, WebhookDeliveryHandler],
  exports: [WebhookEventQueue],
})
export class WebhooksModule {}
