import jwt from 'jsonwebtoken';
import type { AppConfig } from '../../config/app-config';
import type { DataStore } from '../../core/ports/data-store.port';
import { JwtService } from './jwt.service';

const AUTH = { issuer: 'featbit-ts', audience: 'featbit-ts-api', accessTokenTtlSeconds: 600 };

function service(jwtSecret: string | null, stored: { value: string | null; calls: number }): JwtService {
  const config = { auth: { ...AUTH, jwtSecret } } as unknown as AppConfig;
  // Only the one settings call the service makes; first writer wins, as in the real store.
  const store = {
    settings: {
      setIfAbsent: (_key: string, value: string) => {
        stored.calls++;
        stored.value ??= value;
        return Promise.resolve(stored.value);
      },
    },
  } as unknown as DataStore;
  return new JwtService(config, store);
}

describe('JwtService', () => {
  it('verifies its own tokens and tokens signed elsewhere with the same configured secret', async () => {
    const jwts = service('a-configured-secret-of-some-length', { value: null, calls: 0 });
    const { token } = await jwts.sign('user-1');
    expect(await jwts.verify(token)).toBe('user-1');
    // A replica (or FeatBit-style tooling) signing with the plain string secret must interoperate.
    const external = jwt.sign({ id: 'user-2' }, 'a-configured-secret-of-some-length', {
      algorithm: 'HS256',
      expiresIn: 60,
      issuer: AUTH.issuer,
      audience: AUTH.audience,
    });
    expect(await jwts.verify(external)).toBe('user-2');
  });

  it('rejects a wrong key, a tampered payload, another audience and an expired token', async () => {
    const jwts = service('secret-one-secret-one-secret-one', { value: null, calls: 0 });
    const other = service('secret-two-secret-two-secret-two', { value: null, calls: 0 });
    const { token } = await other.sign('user-1');
    expect(await jwts.verify(token)).toBeNull();

    const [head, , sig] = (await jwts.sign('user-1')).token.split('.');
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

  it('without a configured secret, generates one once in the store and shares it between replicas', async () => {
    const stored = { value: null as string | null, calls: 0 };
    const a = service(null, stored);
    const b = service(null, stored);
    const { token } = await a.sign('user-1');
    await a.sign('user-1');
    expect(await b.verify(token)).toBe('user-1');
    expect(stored.calls).toBe(2); // once per replica, not per request
    expect(await b.verify(jwt.sign({ id: 'u' }, 'not-the-stored-secret', { algorithm: 'HS256' }))).toBeNull();
  });
});
