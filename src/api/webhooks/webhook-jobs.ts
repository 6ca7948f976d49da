// The two durable job kinds of webhooks (docs/webhooks.md#delivery-retries-and-disabling): one per
// audited change, which fans out into one delivery job per webhook that hears it.

export const WEBHOOK_EVENT_JOB = 'webhook-event';
export const WEBHOOK_DELIVERY_JOB = 'webhook-delivery';

/** A rendered request, fixed when the change happened: every attempt sends the same bytes. */
export interface WebhookDeliveryJob {
  webhookId: string;
  /** FeatBit's X-FeatBit-Delivery: the same for every attempt of one delivery. */
  deliveryId: string;
  events: string;
  payload: string;
}

export function isDeliveryJob(
  payload: Record<string, unknown>,
): payload is Record<string, unknown> & WebhookDeliveryJob {
  return (
    typeof payload.webhookId === 'string' &&
    typeof payload.deliveryId === 'string' &&
    typeof payload.events === 'string' &&
    typeof payload.payload === 'string'
  );
}
