import type { AppConfig } from '../../config/app-config';
import { silentLogger } from '../../core/ports/logger.port';
import { SdkRateLimiter } from './sdk-rate-limiter';

// No Redis configured: the in-process counters.
const limiter = (perMinute: number) =>
  new SdkRateLimiter(
    { evaluation: { sdkRateLimitPerMinute: perMinute }, cache: {}, mq: {} } as AppConfig,
    silentLogger,
  );

describe('SdkRateLimiter', () => {
  it('allows the limit per key per fixed minute, then says when to retry', () => {
    const l = limiter(2);
    expect(l.hit('a', 0)).toEqual({ ok: true });
    expect(l.hit('a', 1_000)).toEqual({ ok: true });
    expect(l.hit('a', 10_000)).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(l.hit('b', 10_000)).toEqual({ ok: true });
    expect(l.hit('a', 60_000)).toEqual({ ok: true });
  });

  it('is off at 0 and forgets finished windows', () => {
    const off = limiter(0);
    for (let i = 0; i < 1000; i++) expect(off.hit('a').ok).toBe(true);
    const l = limiter(1);
    l.hit('a', 0);
    l.sweep(60_000);
    expect(l.hit('a', 60_001)).toEqual({ ok: true });
  });
});
