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

  /**
   * @param claimed told the user id of a session token as soon as its signature checks out, before
   *   the session and the account are read, so that the caller's own reads can go out with them
   *   (the access guard's tenant reads: one round trip instead of two).
   */
  async authenticate(
    header: string | string[] | undefined,
    claimed?: (userId: string) => void,
  ): Promise<Principal> {
    const value = typeof header === 'string' ? header.trim() : '';
    if (!value) throw new UnauthorizedError();
    if (/^bearer\s+/i.test(value)) return this.fromJwt(value.replace(/^bearer\s+/i, ''), claimed);
    if (value.startsWith('api-')) return this.fromAccessToken(value);
    throw new UnauthorizedError('unsupported Authorization header');
  }

  private async fromJwt(token: string, claimed?: (userId: string) => void): Promise<Principal> {
    const claims = await this.jwt.verify(token);
    if (!claims) throw new UnauthorizedError('the access token is invalid or expired');
    // Sign-out, a password change and refresh-token theft revoke the session: refused at once.
    const { userId, sessionId } = claims;
    if (!sessionId) throw new UnauthorizedError('the session has ended');
    // Read together; the account is used only once the session is known to be live.
    const active = this.refreshTokens.isSessionActive(sessionId, new Date().toISOString());
    const account = this.users.findById(userId);
    account.catch(() => undefined);
    claimed?.(userId);
    if (!(await active)) throw new UnauthorizedError('the session has ended');
    const user = await account;
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
