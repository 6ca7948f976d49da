import { EntitySchema } from 'typeorm';
import type { Webhook, WebhookDelivery } from '../../../../core/integrations/integrations';
import {
  bool,
  integer,
  jsonb,
  nullable,
  nullableText,
  primaryId,
  stamps,
  text,
  textArray,
  timestamptz,
} from './column-types';
import type { EntityDefinition } from './entity-definition';

export const WEBHOOK_ENTITY: EntityDefinition<Webhook> = {
  schema: new EntitySchema<Webhook>({
    name: 'Webhook',
    tableName: 'webhooks',
    columns: {
      id: primaryId,
      organizationId: text('organization_id'),
      name: text(),
      url: text(),
      scopes: textArray(),
      events: textArray(),
      headers: jsonb(),
      payloadTemplateType: text('payload_template_type'),
      payloadTemplate: text('payload_template'),
      secret: text(),
      isActive: bool('is_active'),
      preventEmptyPayloads: bool('prevent_empty_payloads'),
      lastDelivery: nullable(jsonb('last_delivery')),
      consecutiveFailures: integer('consecutive_failures'),
      disabledReason: nullableText('disabled_reason'),
      creatorId: text('creator_id'),
      updatorId: text('updator_id'),
      ...stamps,
    },
    indices: [{ name: 'uq_webhooks_organization_name', columns: ['organizationId', 'name'], unique: true }],
  }),
  mongo: {
    collection: 'Webhooks',
    indexes: [
      [
        { organizationId: 1, name: 1 },
        { unique: true, name: 'uq_webhooks_organization_name' },
      ],
    ],
  },
};

export const WEBHOOK_DELIVERY_ENTITY: EntityDefinition<WebhookDelivery> = {
  schema: new EntitySchema<WebhookDelivery>({
    name: 'WebhookDelivery',
    tableName: 'webhook_deliveries',
    columns: {
      id: primaryId,
      webhookId: text('webhook_id'),
      success: bool(),
      events: text(),
      request: jsonb(),
      response: nullable(jsonb()),
      error: nullable(jsonb()),
      startedAt: timestamptz('started_at'),
      endedAt: timestamptz('ended_at'),
    },
    indices: [{ name: 'ix_webhook_deliveries_webhook', columns: ['webhookId', 'startedAt'] }],
  }),
  mongo: {
    collection: 'WebhookDeliveries',
    indexes: [[{ webhookId: 1, startedAt: -1 }, { name: 'ix_webhook_deliveries_webhook' }]],
  },
};
