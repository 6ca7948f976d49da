import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { AppConfig } from '../../config/app-config';
import { DataStore } from '../../core/ports/data-store.port';

const SECRET_SETTING = 'auth.jwt-secret';

/**
 * Short-lived access tokens for console sessions (HS256, claims `id`, iss, aud, exp). Without
 * JWT_SECRET the key is generated once and kept in the database so every api replica shares it.
 */
@Injectable()
export class JwtService {
  private secret: Promise<KeyObject> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly store: DataStore,
  ) {}

  // A KeyObject, built once: given a string, jsonwebtoken first tries (and fails) to parse it as a
  // public key on every verify, which cost about a quarter of a millisecond per request.
  private key(): Promise<KeyObject> {
    const configured = this.config.auth.jwtSecret;
    this.secret ??= (
      configured
        ? Promise.resolve(configured)
        : this.store.settings.setIfAbsent(SECRET_SETTING, randomBytes(48).toString('base64url'))
    )
      .then((secret) => createSecretKey(Buffer.from(secret, 'utf8')))
      .catch((err: unknown) => {
        this.secret = null; // retry on the next request (database not ready yet)
        throw err;
      });
    return this.secret;
  }

  async sign(userId: string): Promise<{ token: string; expiresIn: number }> {
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const token = jwt.sign({ id: userId }, await this.key(), {
      algorithm: 'HS256',
      expiresIn,
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
    });
    return { token, expiresIn };
  }

  /** The user id of a valid token, or null (bad signature, expired, wrong issuer/audience). */
  async verify(token: string): Promise<string | null> {
    const key = await this.key();
    try {
      const claims = jwt.verify(token, key, {
        algorithms: ['HS256'],
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        clockTolerance: 0,
      });
      if (typeof claims !== 'object' || typeof claims.id !== 'string') return null;
      return claims.id;
    } catch {
      return null;
    }
  }
}
