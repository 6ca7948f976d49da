import { randomUUID } from 'node:crypto';
import { loadAppConfig } from '../../../src/config/load-app-config';
import { silentLogger } from '../../../src/core/ports/logger.port';
import { SdkRateLimiter } from '../../../src/evaluation/http/sdk-rate-limiter';

jest.setTimeout(60_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Two evaluation replicas sharing Redis share one SDK_RATE_LIMIT_PER_MINUTE budget per secret.
describe('SDK rate limits shared through Redis (integration)', () => {
  const config = loadAppConfig(
    {
      DB_PROVIDER: 'pglite',
      MQ_PROVIDER: 'redis',
      CACHE_PROVIDER: 'redis',
      REDIS_URL,
      SDK_RATE_LIMIT_PER_MINUTE: '20',
    },
    ['evaluation'],
  );
  const replicas = [new SdkRateLimiter(config, silentLogger), new SdkRateLimiter(config, silentLogger)];
  beforeAll(async () => {
    while (!replicas.every((r) => r.shared)) await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(() => Promise.all(replicas.map((r) => r.onApplicationShutdown())));

  async function requests(count: number, secret: string) {
    const decisions = await Promise.all(
      Array.from({ length: count }, (_, i) => Promise.resolve(replicas[i % 2].check(secret))),
    );
    return {
      allowed: decisions.filter((d) => d.ok).length,
      refused: decisions.filter((d) => !d.ok).length,
      retryAfter: decisions.flatMap((d) => (d.ok ? [] : [d.retryAfterSeconds])),
    };
  }

  it('counts requests for one secret across both replicas, concurrently', async () => {
    const { allowed, refused, retryAfter } = await requests(50, `secret-${randomUUID()}`);
    expect({ allowed, refused }).toEqual({ allowed: 20, refused: 30 });
    for (const seconds of retryAfter) expect(seconds).toBeGreaterThanOrEqual(1);
    for (const seconds of retryAfter) expect(seconds).toBeLessThanOrEqual(60);
  });

  it('counts requests sent one after another, alternating replicas', async () => {
    const secret = `secret-${randomUUID()}`;
    const seen: boolean[] = [];
    for (let i = 0; i < 24; i++) seen.push((await replicas[i % 2].check(secret)).ok);
    expect(seen.filter(Boolean)).toHaveLength(20);
    expect(seen.slice(20)).toEqual([false, false, false, false]);
  });

  it('keeps the budgets of different secrets apart', async () => {
    const [a, b] = [`secret-${randomUUID()}`, `secret-${randomUUID()}`];
    expect((await requests(20, a)).allowed).toBe(20);
    expect((await requests(20, b)).allowed).toBe(20);
    expect((await requests(2, a)).refused).toBe(2);
  });
});
