import { createHash, randomBytes } from 'node:crypto';

// Relay-proxy keys (docs/relay-proxies.md#keys). FeatBit's keys read `rp-<token>` and are stored as
// they are; here only the SHA-256 of the key is stored, so the key is shown once, at creation.

export const RELAY_PROXY_KEY_PREFIX = 'rp-';
/** Longer than any key this product makes; anything longer is not looked up. */
const MAX_KEY_LENGTH = 128;

/** A new key: `rp-` and 32 random bytes in URL-safe base64 (43 characters). */
export function newRelayProxyKey(): string {
  return `${RELAY_PROXY_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Whether the text has a relay-proxy key's shape (worth a lookup). */
export function isRelayProxyKey(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.startsWith(RELAY_PROXY_KEY_PREFIX) &&
    value.length > RELAY_PROXY_KEY_PREFIX.length &&
    value.length <= MAX_KEY_LENGTH &&
    /^[A-Za-z0-9_-]+$/.test(value.slice(RELAY_PROXY_KEY_PREFIX.length))
  );
}

/** What the store keeps and looks keys up by. */
export function relayProxyKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** FeatBit's list shows the key's first 15 characters and asterisks; without the key, its prefix. */
export function maskedRelayProxyKey(): string {
  return `${RELAY_PROXY_KEY_PREFIX}**************`;
}
