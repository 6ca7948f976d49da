import { createHmac, timingSafeEqual } from 'node:crypto';

/** FeatBit's signature header (modules/back-end/src/Domain/Webhooks/WebhookHeaders.cs). */
export const WEBHOOK_SIGNATURE_HEADER = 'X-FeatBit-Signature-256';

/** `sha256=` and the hex HMAC-SHA256 of the body keyed by the webhook's secret, as FeatBit sends it. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifyWebhookSignature(secret: string, body: string, header: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
