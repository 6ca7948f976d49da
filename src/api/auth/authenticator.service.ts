import { Injectable } from '@nestjs/common';
import { AccessTokenRepository, RefreshTokenRepository } from '../../core/ports/iam.repositories';
import { UserRepository } from '../../core/ports/tenancy.repositories';
import { Logger } from '../../core/ports/logger.port';
import { UnauthorizedError } from '../http/api-errors';
import type { Principal } from './api-context';
import { JwtService } from './jwt.service';
import { sha256Hex } from './token-hash';

const TOUCH_INTERVAL_MS = 60_000;

/**
 * `Authorization: Bearer <jwt>` (console session) or `Authorization: <access token>` (no scheme,
 * as FeatBit). Anything else is 401.
 */
@Injectable()
export class Authenticator {
  private readonly lastTouched = new Map<string, number>();
  private readonly log: Logger;

  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly accessTokens: AccessTokenRepository,
    private readonly jwt: JwtService,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'auth' });
  }

  async authenticate(header: string | string[] | undefined): Promise<Principal> {
    const value = typeof header === 'string' ? header.trim() : '';
    if (!value) throw new UnauthorizedError();
    if (/^bearer\s+/i.test(value)) return this.fromJwt(value.replace(/^bearer\s+/i, ''));
    if (value.startsWith('api-')) return this.fromAccessToken(value);
    throw new UnauthorizedError('unsupported Authorization header');
  }

  private async fromJwt(token: string): Promise<Principal> {
    const claims = await this.jwt.verify(token);
    if (!claims) throw new UnauthorizedError('the access token is invalid or expired');
    // Sign-out, a password change and refresh-token theft revoke the session: refused at once.
    const { userId, sessionId } = claims;
    if (!sessionId || !(await this.refreshTokens.isSessionActive(sessionId, new Date().toISOString())))
      throw new UnauthorizedError('the session has ended');
    const user = await this.users.findById(userId);
    if (!user) throw new UnauthorizedError('the account no longer exists');
    return { kind: 'user', user, sessionId };
  }

  private async fromAccessToken(value: string): Promise<Principal> {
    if (value.length > 200) throw new UnauthorizedError('the access token is invalid');
    const token = await this.accessTokens.findByHash(sha256Hex(value));
    if (!token || token.status !== 'Active')
      throw new UnauthorizedError('the access token is invalid or inactive');
    const creator = await this.users.findById(token.creatorId);
    this.touch(token.id);
    return { kind: 'access-token', token, creator };
  }

  /** lastUsedAt, written at most once a minute per token and never on the request's critical path. */
  private touch(tokenId: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(tokenId) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(tokenId, now);
    if (this.lastTouched.size > 10_000) this.lastTouched.clear();
    this.accessTokens.touchLastUsed(tokenId, new Date(now).toISOString()).catch((err: unknown) => {
      this.log.warn('could not record access-token use', { error: String(err) });
    });
  }
}
