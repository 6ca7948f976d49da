import { createHash, randomBytes } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** FeatBit's access-token form `api-<random>`; 30 random bytes → 40 URL-safe characters. */
export function newAccessTokenValue(): string {
  return `api-${randomBytes(30).toString('base64url')}`;
}

/** The part of a token shown in listings so people can recognise it (never enough to use it). */
export function tokenPrefixOf(value: string): string {
  return value.slice(0, 8);
}

export function newRefreshTokenValue(): string {
  return randomBytes(32).toString('base64url');
}
