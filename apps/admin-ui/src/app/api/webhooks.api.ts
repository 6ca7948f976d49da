import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import {
  createWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  sendWebhook,
  updateWebhook,
  type ListWebhookDeliveries$Params,
} from './generated/functions';
import type { SendWebhookDto, UpsertWebhookDto, WebhookDeliveryDto, WebhookDto } from './generated/models';

export type Webhook = WebhookDto;
export type WebhookDelivery = WebhookDeliveryDto;
export type WebhookInput = UpsertWebhookDto;

/** A text field of a delivery's free-form request/response/error object ('' when absent). */
export function deliveryField(record: object | null | undefined, key: string): string {
  const value = record ? (record as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** FeatBit's webhook events, grouped as the editor shows them. */
export const WEBHOOK_EVENT_GROUPS: { label: string; events: string[] }[] = [
  {
    label: $localize`:webhook event group:Feature flags`,
    events: [
      'feature_flag.created',
      'feature_flag.toggled',
      'feature_flag.archived',
      'feature_flag.restored',
      'feature_flag.variation_changed',
      'feature_flag.off_variation_changed',
      'feature_flag.default_rule_changed',
      'feature_flag.target_users_changed',
      'feature_flag.targeting_rules_changed',
      'feature_flag.basic_info_updated',
      'feature_flag.deleted',
    ],
  },
  {
    label: $localize`:webhook event group:Segments`,
    events: [
      'segment.created',
      'segment.archived',
      'segment.restored',
      'segment.rules_changed',
      'segment.target_users_changed',
      'segment.basic_info_updated',
      'segment.deleted',
    ],
  },
];

@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly api = inject(ApiClient);

  list() {
    return this.api.call(listWebhooks, { pageIndex: 0, pageSize: 200 });
  }

  create(body: WebhookInput): Observable<Webhook> {
    return this.api.call(createWebhook, { body });
  }

  update(id: string, body: WebhookInput): Observable<Webhook> {
    return this.api.call(updateWebhook, { id, body });
  }

  remove(id: string): Observable<unknown> {
    return this.api.call(deleteWebhook, { id });
  }

  /** Delivers a rendered sample event at once and answers the attempt. */
  send(body: SendWebhookDto): Observable<WebhookDelivery> {
    return this.api.call(sendWebhook, { body });
  }

  deliveries(id: string, filter: Omit<ListWebhookDeliveries$Params, 'id'> = {}) {
    return this.api.call(listWebhookDeliveries, { id, pageIndex: 0, pageSize: 50, ...filter });
  }
}
