import jwt from 'jsonwebtoken';
import type { AppConfig } from '../../config/app-config';
import type { DataStore } from '../../core/ports/data-store.port';
import { JwtService } from './jwt.service';

const AUTH = { issuer: 'featbit-ts', audience: 'featbit-ts-api', accessTokenTtlSeconds: 600 };
const SECRET = 'secret-one-secret-one-secret-one';

function service(jwtSecret: string | null, stored: { value: string | null; calls: number }): JwtService {
  const config = {
    auth: { ...AUTH, jwtSecret },
    database: { provider: 'postgres' },
  } as unknown as AppConfig;
  // The settings calls the service makes, over one stored value (a key of an earlier version).
  const store = {
    settings: {
      get: () => Promise.resolve(stored.value),
      delete: () => {
        stored.calls++;
        stored.value = null;
        return Promise.resolve();
      },
    },
  } as unknown as DataStore;
  return new JwtService(config, store);
}

describe('JwtService', () => {
  it('verifies its own tokens and tokens signed elsewhere with the same configured secret', async () => {
    const jwts = service('a-configured-secret-of-some-length', { value: null, calls: 0 });
    const { token } = await jwts.sign('user-1', 'session-1');
    expect(await jwts.verify(token)).toEqual({ userId: 'user-1', sessionId: 'session-1' });
    // A replica (or FeatBit-style tooling) signing with the plain string secret must interoperate.
    const external = jwt.sign({ id: 'user-2' }, 'a-configured-secret-of-some-length', {
      algorithm: 'HS256',
      expiresIn: 60,
      issuer: AUTH.issuer,
      audience: AUTH.audience,
    });
    expect(await jwts.verify(external)).toEqual({ userId: 'user-2', sessionId: null });
  });

  it('rejects a wrong key, a tampered payload, another audience and an expired token', async () => {
    const jwts = service('secret-one-secret-one-secret-one', { value: null, calls: 0 });
    const other = service('secret-two-secret-two-secret-two', { value: null, calls: 0 });
    const { token } = await other.sign('user-1', 's');
    expect(await jwts.verify(token)).toBeNull();

    const [head, , sig] = (await jwts.sign('user-1', 's')).token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ id: 'admin', iss: AUTH.issuer, aud: AUTH.audience }),
    ).toString('base64url');
    expect(await jwts.verify(`${head}.${forged}.${sig}`)).toBeNull();

    const opts = { algorithm: 'HS256' as const, issuer: AUTH.issuer };
    const wrongAudience = jwt.sign({ id: 'u' }, 'secret-one-secret-one-secret-one', {
      ...opts,
      audience: 'x',
    });
    expect(await jwts.verify(wrongAudience)).toBeNull();
    const expired = jwt.sign(
      { id: 'u', exp: Math.floor(Date.now() / 1000) - 10 },
      'secret-one-secret-one-secret-one',
      { ...opts, audience: AUTH.audience },
    );
    expect(await jwts.verify(expired)).toBeNull();
  });

  it('rejects a validly signed token without an expiry or an issue time', async () => {
    const jwts = service(SECRET, { value: null, calls: 0 });
    const opts = { algorithm: 'HS256' as const, issuer: AUTH.issuer, audience: AUTH.audience };
    const noExpiry = jwt.sign({ id: 'u', sid: 's' }, SECRET, opts);
    expect(await jwts.verify(noExpiry)).toBeNull();
    const noIssuedAt = jwt.sign({ id: 'u', sid: 's', exp: Math.floor(Date.now() / 1000) + 60 }, SECRET, {
      ...opts,
      noTimestamp: true,
    });
    expect(await jwts.verify(noIssuedAt)).toBeNull();
  });

  it('on a server database, signs only with the configured secret and deletes a stored key', async () => {
    const stored = { value: 'a-key-an-earlier-version-stored' as string | null, calls: 0 };
    const a = service(SECRET, stored);
    const { token } = await a.sign('user-1', 's');
    await a.sign('user-1', 's');
    expect(stored).toEqual({ value: null, calls: 1 });
    expect(jwt.verify(token, SECRET, { algorithms: ['HS256'] })).toMatchObject({ id: 'user-1' });
    await expect(service(null, { value: null, calls: 0 }).sign('user-1', 's')).rejects.toThrow(
      'JWT_SECRET is required on a server database',
    );
  });
});
