import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { RefreshTokenRepository } from '../../core/ports/iam.repositories';
import { UserRepository, WorkspaceRepository } from '../../core/ports/tenancy.repositories';
import { passwordLoginAllowed } from '../../core/tenancy/oidc-settings';
import type { UserAccount } from '../../core/tenancy/tenancy';
import { Logger } from '../../core/ports/logger.port';
import { hashPassword, verifyPassword } from '../../shared/crypto/password-hasher';
import { JwtService } from '../auth/jwt.service';
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import { newRefreshTokenValue, sha256Hex } from '../auth/token-hash';
import { BusinessRuleError, ERROR_CODES, UnauthorizedError } from '../http/api-errors';

export interface Session {
  token: string;
  expiresIn: number;
  refreshToken: string;
}

/** A rotated refresh token presented again within this window is a parallel refresh, not theft. */
const REUSE_GRACE_MS = 10_000;

// A fixed hash to verify against when the account does not exist, so both paths cost the same.
let dummyHash: Promise<string> | null = null;

/** Sign-in, rotating refresh tokens (reuse of a revoked token revokes every session of the user), sign-out. */
@Injectable()
export class SessionService {
  private readonly log: Logger;

  constructor(
    private readonly users: UserRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly jwt: JwtService,
    private readonly limiter: LoginRateLimiter,
    private readonly config: AppConfig,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'identity' });
  }

  /**
   * A session for an account an identity provider has vouched for (single sign-on); the caller has
   * checked the account may sign in that way.
   */
  startExternal(user: UserAccount, ip: string): Promise<Session> {
    return this.issue(user, ip, randomUUID());
  }

  async login(emailInput: string, password: string, ip: string): Promise<Session> {
    const email = emailInput.trim().toLowerCase();
    // The attempt is counted before the password is checked (parallel attempts cannot overrun).
    await this.limiter.reserve(email, ip);
    const user = await this.users.findByEmail(email);
    dummyHash ??= hashPassword('not-a-real-password');
    const valid =
      user && user.origin === 'Local' && user.passwordHash
        ? await verifyPassword(password, user.passwordHash)
        : (await verifyPassword(password, await dummyHash)) && false;
    if (!user || !valid) {
      throw new BusinessRuleError(ERROR_CODES.emailPasswordMismatch, 'the e-mail or password is wrong');
    }
    await this.refuseWhenSsoOnly(user);
    await this.limiter.recordSuccess(email, ip);
    return this.issue(user, ip, randomUUID());
  }

  /**
   * Refused (after a correct password, so nothing leaks) while a workspace of the account allows
   * only single sign-on; the first-boot admin (ADMIN_EMAIL) keeps password sign-in as the break-glass
   * for a broken identity provider (docs/security.md#single-sign-on).
   */
  private async refuseWhenSsoOnly(user: UserAccount): Promise<void> {
    if (user.email === this.config.auth.adminEmail.trim().toLowerCase()) return;
    const workspaces = await this.workspaces.listForUser(user.id);
    if (workspaces.some((w) => !passwordLoginAllowed(w.sso))) {
      throw new BusinessRuleError(
        'PasswordLoginDisabled',
        'password sign-in is disabled for this workspace: sign in with single sign-on (SSO)',
      );
    }
  }

  async refresh(raw: string | undefined, ip: string): Promise<Session> {
    if (!raw) throw new UnauthorizedError('no refresh token');
    const now = new Date().toISOString();
    const stored = await this.refreshTokens.findByHash(sha256Hex(raw));
    if (!stored) throw new UnauthorizedError('unknown refresh token');
    if (stored.isRevoked) {
      // Signed out (not rotated): simply invalid.
      if (!stored.replacedByTokenHash) throw new UnauthorizedError('the refresh token was revoked');
      // Rotated moments ago: a parallel refresh of the same session (two tabs, retried request).
      const rotatedMs = Date.parse(stored.revokedAt ?? '');
      if (Date.now() - rotatedMs > REUSE_GRACE_MS) {
        // A rotated token came back later: assume it was stolen and end every session of the account.
        await this.refreshTokens.revokeAllForUser(stored.userId, now);
        this.log.warn('revoked refresh token reused; all sessions of the user revoked', {
          userId: stored.userId,
        });
        throw new UnauthorizedError('the refresh token was already used');
      }
      const user = await this.users.findById(stored.userId);
      if (!user) throw new UnauthorizedError('the account no longer exists');
      return this.issue(user, ip, stored.sessionId ?? randomUUID());
    }
    if (stored.expiresAt <= now) throw new UnauthorizedError('the refresh token has expired');
    const user = await this.users.findById(stored.userId);
    if (!user) throw new UnauthorizedError('the account no longer exists');
    // The session goes on through rotation (tokens from before sessions start one here).
    const next = await this.issue(user, ip, stored.sessionId ?? randomUUID());
    await this.refreshTokens.update({
      ...stored,
      isRevoked: true,
      revokedAt: now,
      revokedByIp: ip,
      lastUsedAt: now,
      replacedByTokenHash: sha256Hex(next.refreshToken),
    });
    return next;
  }

  /** Ends the caller's session (its access tokens stop working) and the cookie's, if another. */
  async logout(sessionId: string | null, raw: string | undefined, ip: string): Promise<void> {
    const now = new Date().toISOString();
    if (sessionId) await this.refreshTokens.revokeSession(sessionId, now, ip);
    if (!raw) return;
    const stored = await this.refreshTokens.findByHash(sha256Hex(raw));
    if (!stored || stored.isRevoked) return;
    if (stored.sessionId) await this.refreshTokens.revokeSession(stored.sessionId, now, ip);
    else await this.refreshTokens.update({ ...stored, isRevoked: true, revokedAt: now, revokedByIp: ip });
  }

  /** Change the own password; every other session ends, the caller gets a fresh one. */
  async changePassword(user: UserAccount, current: string, next: string, ip: string): Promise<Session> {
    if (user.origin !== 'Local') {
      throw new BusinessRuleError(
        ERROR_CODES.externalUserCannotChangePassword,
        'this account signs in externally',
      );
    }
    if (!user.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
      throw new BusinessRuleError(ERROR_CODES.passwordMismatch, 'the current password is wrong');
    }
    const now = new Date().toISOString();
    await this.users.update({ ...user, passwordHash: await hashPassword(next), updatedAt: now });
    await this.refreshTokens.revokeAllForUser(user.id, now);
    return this.issue(user, ip, randomUUID());
  }

  private async issue(user: UserAccount, ip: string, sessionId: string): Promise<Session> {
    const { token, expiresIn } = await this.jwt.sign(user.id, sessionId);
    const refreshToken = newRefreshTokenValue();
    const now = new Date();
    await this.refreshTokens.create({
      id: randomUUID(),
      tokenHash: sha256Hex(refreshToken),
      userId: user.id,
      sessionId,
      isRevoked: false,
      replacedByTokenHash: null,
      createdByIp: ip || null,
      revokedByIp: null,
      expiresAt: new Date(now.getTime() + this.config.auth.refreshTokenTtlDays * 86_400_000).toISOString(),
      revokedAt: null,
      lastUsedAt: null,
      createdAt: now.toISOString(),
    });
    return { token, expiresIn, refreshToken };
  }
}
