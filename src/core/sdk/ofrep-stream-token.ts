import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SecretContext, SecretType } from '../tenancy/tenancy';

// The credential of an OFREP event stream (docs/evaluation-server.md#push-event-streams). An EventSource
// cannot send headers, so it travels in the URL's query: never the SDK secret itself (URLs land in
// logs and browser history) but `v1.<payload>.<signature>`, both base64url, the signature being the
// HMAC-SHA256 of the payload under a server-side key. The payload names the environment (enough to
// load it on any replica sharing the key), a keyed fingerprint of the secret it was issued for
// (so a revoked secret can end the stream) and the expiry.

const VERSION = 'v1';
const FINGERPRINT_BYTES = 16;

export interface StreamTokenClaims {
  context: SecretContext;
  /** Keyed fingerprint of the secret the token was issued for (see secretFingerprint). */
  fingerprint: string;
  /** Unix ms after which the token is refused. */
  expiresAt: number;
}

export type StreamTokenCheck =
  { ok: true; claims: StreamTokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/** Payload field order is fixed: the signature covers the exact bytes. */
type Payload = [string, SecretType, string, string, string, string, string, string, string, number];

function sign(key: string | Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`${VERSION}.${payload}`, 'utf8').digest();
}

/** A secret's fingerprint under the key: not reversible, and useless without the key. */
export function secretFingerprint(key: string | Buffer, secret: string): string {
  return createHmac('sha256', key)
    .update(`secret:${secret}`, 'utf8')
    .digest()
    .subarray(0, FINGERPRINT_BYTES)
    .toString('base64url');
}

export function issueStreamToken(key: string | Buffer, claims: StreamTokenClaims): string {
  const c = claims.context;
  const payload: Payload = [
    c.envId,
    c.type,
    c.envKey,
    c.projectId,
    c.projectKey,
    c.organizationId,
    c.organizationKey,
    c.workspaceId,
    claims.fingerprint,
    Math.floor(claims.expiresAt),
  ];
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${VERSION}.${body}.${sign(key, body).toString('base64url')}`;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 2048;

export function verifyStreamToken(key: string | Buffer, token: unknown, now: number): StreamTokenCheck {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: 'malformed' };
  const [, body, signature] = parts;
  if (!BASE64URL.test(body) || !BASE64URL.test(signature)) return { ok: false, reason: 'malformed' };
  // The canonical text is compared, not decoded bytes: base64url's last character carries unused
  // bits, so another spelling of the same signature would otherwise pass as a different token.
  const expected = Buffer.from(sign(key, body).toString('base64url'), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // Checked before the payload is parsed: nothing unsigned is ever interpreted.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature' };
  }
  const claims = parsePayload(Buffer.from(body, 'base64url').toString('utf8'));
  if (claims === null) return { ok: false, reason: 'malformed' };
  if (claims.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function parsePayload(text: string): StreamTokenClaims | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 10) return null;
  const p = value as unknown[];
  if (!p.slice(0, 9).every((v) => typeof v === 'string') || typeof p[9] !== 'number') return null;
  const [envId, type, envKey, projectId, projectKey, organizationId, organizationKey, workspaceId, fp, exp] =
    p as Payload;
  if (type !== 'client' && type !== 'server') return null;
  return {
    context: { type, envId, envKey, projectId, projectKey, organizationId, organizationKey, workspaceId },
    fingerprint: fp,
    expiresAt: exp,
  };
}
