import type { KeyObject } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { AppConfig } from '../../config/app-config';

// The PKCE verifier, state and nonce of one sign-in attempt live in a short-lived cookie, not on the
// server: any api replica can finish the login. It is an encrypted JWT (A256GCM, key derived from the
// session key), so the browser can neither read nor forge it; HttpOnly, SameSite=Lax (it must come
// back after the provider's top-level redirect), scoped to /api/v1/sso, cleared once used
// (docs/security.md#single-sign-on).

export const SSO_STATE_COOKIE = 'sso-oidc';
const COOKIE_PATH = '/api/v1/sso';
/** Time the user has at the identity provider. */
export const SSO_STATE_TTL_SECONDS = 600;

export interface SsoAttempt {
  workspaceKey: string;
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

function secure(config: AppConfig, req: FastifyRequest): boolean {
  if (config.auth.cookieSecure === 'true') return true;
  if (config.auth.cookieSecure === 'false') return false;
  return req.protocol === 'https';
}

export async function setAttemptCookie(
  config: AppConfig,
  key: KeyObject,
  req: FastifyRequest,
  reply: FastifyReply,
  attempt: SsoAttempt,
): Promise<void> {
  const value = await new EncryptJWT({ ...attempt })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(`${SSO_STATE_TTL_SECONDS}s`)
    .encrypt(key);
  void reply.setCookie(SSO_STATE_COOKIE, value, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(config, req),
    maxAge: SSO_STATE_TTL_SECONDS,
  });
}

export function clearAttemptCookie(config: AppConfig, req: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SSO_STATE_COOKIE, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(config, req),
  });
}

/** The attempt of this browser, or null (no cookie, tampered, expired). */
export async function readAttemptCookie(key: KeyObject, req: FastifyRequest): Promise<SsoAttempt | null> {
  const raw = req.cookies?.[SSO_STATE_COOKIE];
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  try {
    const { payload } = await jwtDecrypt(raw, key, { keyManagementAlgorithms: ['dir'] });
    const fields = ['workspaceKey', 'redirectUri', 'state', 'nonce', 'codeVerifier'] as const;
    if (!fields.every((f) => typeof payload[f] === 'string')) return null;
    return {
      workspaceKey: payload.workspaceKey as string,
      redirectUri: payload.redirectUri as string,
      state: payload.state as string,
      nonce: payload.nonce as string,
      codeVerifier: payload.codeVerifier as string,
    };
  } catch {
    return null;
  }
}
