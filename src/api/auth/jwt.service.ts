import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { AppConfig } from '../../config/app-config';
import { DataStore } from '../../core/ports/data-store.port';

const SECRET_SETTING = 'auth.jwt-secret';
/** Generated signing key of the embedded database, beside it in DATA_DIR. */
export const JWT_SECRET_FILE = 'jwt-secret';

/** What a valid access token says. */
export interface AccessClaims {
  userId: string;
  /** The sign-in session (refresh-token family); null on tokens from before sessions. */
  sessionId: string | null;
}

/**
 * Short-lived access tokens for console sessions (HS256, claims `id`, `sid`, iss, aud, iat, exp).
 * On a server database the key is JWT_SECRET (the config loader refuses to start without it), and a
 * key earlier versions generated into the database is deleted. Without JWT_SECRET on the embedded
 * database the key is generated once into DATA_DIR/jwt-secret (mode 0600), never the database.
 */
@Injectable()
export class JwtService implements OnApplicationBootstrap {
  private secret: Promise<KeyObject> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly store: DataStore,
  ) {}

  onApplicationBootstrap(): void {
    // Loads the key at start, which removes a stored one; a failure is retried on the first request.
    void this.store
      .whenReady()
      .then(() => this.key())
      .catch(() => undefined);
  }

  // A KeyObject, built once: given a string, jsonwebtoken first tries (and fails) to parse it as a
  // public key on every verify, which cost about a quarter of a millisecond per request.
  private key(): Promise<KeyObject> {
    this.secret ??= this.loadSecret()
      .then((secret) => createSecretKey(Buffer.from(secret, 'utf8')))
      .catch((err: unknown) => {
        this.secret = null; // retry on the next request (database not ready yet)
        throw err;
      });
    return this.secret;
  }

  private async loadSecret(): Promise<string> {
    const configured = this.config.auth.jwtSecret;
    if (configured) {
      // Anyone who could read a stored key could sign sessions; it is not needed any more.
      if ((await this.store.settings.get(SECRET_SETTING)) !== null)
        await this.store.settings.delete(SECRET_SETTING);
      return configured;
    }
    if (this.config.database.provider !== 'pglite') {
      throw new Error('JWT_SECRET is required on a server database'); // refused by the config loader
    }
    return this.fileSecret(join(this.config.server.dataDir, JWT_SECRET_FILE));
  }

  /** Reads or creates the key file; a key an earlier version stored in the database moves there. */
  private async fileSecret(file: string): Promise<string> {
    const existing = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    const legacy = await this.store.settings.get(SECRET_SETTING);
    const secret = existing?.trim() || legacy || randomBytes(48).toString('base64url');
    if (!existing?.trim()) {
      await mkdir(this.config.server.dataDir, { recursive: true });
      await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'w' });
    }
    if (legacy !== null) await this.store.settings.delete(SECRET_SETTING);
    return secret;
  }

  async sign(userId: string, sessionId: string): Promise<{ token: string; expiresIn: number }> {
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const token = jwt.sign({ id: userId, sid: sessionId }, await this.key(), {
      algorithm: 'HS256',
      expiresIn,
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
    });
    return { token, expiresIn };
  }

  /**
   * A 256-bit key for another purpose (e.g. the SSO state cookie), derived from the session key so
   * every api replica has it too, yet never usable to sign access tokens.
   */
  async derivedKey(purpose: string): Promise<KeyObject> {
    const base = (await this.key()).export();
    return createSecretKey(createHmac('sha256', base).update(`featbit-ts:${purpose}`).digest());
  }

  /** The claims of a valid token, or null (bad signature, expired or no expiry, wrong issuer/audience). */
  async verify(token: string): Promise<AccessClaims | null> {
    const key = await this.key();
    try {
      const claims = jwt.verify(token, key, {
        algorithms: ['HS256'],
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        clockTolerance: 0,
      });
      if (typeof claims !== 'object' || typeof claims.id !== 'string') return null;
      // jsonwebtoken accepts a token without exp: it would never expire.
      if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return null;
      const sid: unknown = claims.sid;
      return { userId: claims.id, sessionId: typeof sid === 'string' && sid ? sid : null };
    } catch {
      return null;
    }
  }
}
