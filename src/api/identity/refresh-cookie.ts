import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';

// The refresh token travels only as an HttpOnly cookie scoped to /api/v1/identity (FeatBit's
// `refresh-token` cookie), SameSite=Lax, Secure on HTTPS (COOKIE_SECURE=auto) or as configured.

export const REFRESH_COOKIE = 'refresh-token';
const COOKIE_PATH = '/api/v1/identity';

function secure(config: AppConfig, req: FastifyRequest): boolean {
  if (config.auth.cookieSecure === 'true') return true;
  if (config.auth.cookieSecure === 'false') return false;
  return req.protocol === 'https';
}

export function setRefreshCookie(
  config: AppConfig,
  req: FastifyRequest,
  reply: FastifyReply,
  value: string,
): void {
  void reply.setCookie(REFRESH_COOKIE, value, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(config, req),
    maxAge: config.auth.refreshTokenTtlDays * 24 * 3600,
  });
}

export function clearRefreshCookie(config: AppConfig, req: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(config, req),
  });
}

export function refreshCookieOf(req: FastifyRequest): string | undefined {
  const value = req.cookies?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
