import { randomUUID } from 'node:crypto';
import { LoginRateLimiter } from '../../../src/api/auth/login-rate-limiter';
import { TooManyRequestsError } from '../../../src/api/http/api-errors';
import { loadAppConfig } from '../../../src/config/load-app-config';
import { silentLogger } from '../../../src/core/ports/logger.port';

jest.setTimeout(60_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Two api replicas sharing Redis share one sign-in budget per account and per address.
describe('login limits shared through Redis (integration)', () => {
  const config = loadAppConfig(
    {
      DB_PROVIDER: 'pglite',
      MQ_PROVIDER: 'redis',
      CACHE_PROVIDER: 'redis',
      REDIS_URL,
      LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '10',
      LOGIN_MAX_ATTEMPTS_PER_IP: '100',
    },
    ['api'],
  );
  const replicas = [new LoginRateLimiter(config, silentLogger), new LoginRateLimiter(config, silentLogger)];
  beforeAll(async () => {
    while (!replicas.every((r) => r.shared)) await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(() => Promise.all(replicas.map((r) => r.onApplicationShutdown())));

  async function attempts(count: number, email: (i: number) => string, ip: string) {
    const results = await Promise.allSettled(
      Array.from({ length: count }, (_, i) => replicas[i % 2].reserve(email(i), ip)),
    );
    const refused = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof TooManyRequestsError,
    ).length;
    return { allowed: results.filter((r) => r.status === 'fulfilled').length, refused };
  }

  it('counts attempts for one account across both replicas', async () => {
    const email = `${randomUUID()}@example.com`;
    expect(await attempts(30, () => email, `ip-${randomUUID()}`)).toEqual({ allowed: 10, refused: 20 });
  });

  it('counts attempts from one address across both replicas', async () => {
    const ip = `ip-${randomUUID()}`;
    const prefix = randomUUID();
    expect(await attempts(150, (i) => `${prefix}-${i}@example.com`, ip)).toEqual({
      allowed: 100,
      refused: 50,
    });
  });

  it('a successful sign-in on one replica clears the account counter on the other', async () => {
    const email = `${randomUUID()}@example.com`;
    const ip = `ip-${randomUUID()}`;
    expect(await attempts(10, () => email, ip)).toEqual({ allowed: 10, refused: 0 });
    await expect(replicas[0].reserve(email, ip)).rejects.toBeInstanceOf(TooManyRequestsError);
    await replicas[0].recordSuccess(email, ip);
    await expect(replicas[1].reserve(email, ip)).resolves.toBeUndefined();
  });
});
