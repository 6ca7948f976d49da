import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { Logger } from '../../core/ports/logger.port';
import { RateLimitStore } from '../../shared/rate-limit/rate-limit-store';

// Per-secret fixed-window limit for the SDK REST endpoints (SDK_RATE_LIMIT_PER_MINUTE, 0 = off).
// Counted only for secrets that exist, so unknown secrets cannot grow the table.
// With Redis configured (CACHE_PROVIDER or MQ_PROVIDER redis) the counters live there, so the limit
// holds across evaluation replicas (rate-limiter-flexible, as the login limits). Without Redis the
// counters stay in this process and the check stays synchronous: a promise per SDK request would cost
// several times the check itself and the SDK routes' synchronous hot path (sdk-auth.ts).

const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

const ALLOWED: RateDecision = { ok: true };

@Injectable()
export class SdkRateLimiter implements OnApplicationShutdown {
  private readonly limit: number;
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly store: RateLimitStore | null = null;
  private readonly redisLimiter: RateLimiterAbstract | null = null;

  constructor(config: AppConfig, logger: Logger) {
    this.limit = config.evaluation.sdkRateLimitPerMinute;
    if (this.limit <= 0) return;
    const store = new RateLimitStore(config, logger.child({ component: 'evaluation' }), 'featbit-sdk-limits');
    if (!store.usesRedis) return;
    this.store = store;
    this.redisLimiter = store.limiter({
      keyPrefix: 'featbit:sdk',
      points: this.limit,
      duration: WINDOW_MS / 1000,
      inMemoryBlockOnConsumed: this.limit + 1,
    });
  }

  get enabled(): boolean {
    return this.limit > 0;
  }

  /** Whether the counters are currently shared through Redis. */
  get shared(): boolean {
    return this.store?.shared ?? false;
  }

  /** Takes one request from the key's budget: synchronous in memory, a promise when the counters live in Redis. */
  check(key: string): RateDecision | Promise<RateDecision> {
    if (this.redisLimiter) return this.redisLimiter.consume(key).then(() => ALLOWED, refused);
    return this.hit(key);
  }

  /** The in-process counters. */
  hit(key: string, now = Date.now()): RateDecision {
    if (this.limit <= 0) return ALLOWED;
    let window = this.windows.get(key);
    if (window === undefined || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (++window.count <= this.limit) return ALLOWED;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)) };
  }

  sweep(now = Date.now()): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= WINDOW_MS) this.windows.delete(key);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store?.close();
  }
}

/** Over the limit: when to retry. Any other failure lets the request through (a limiter must not fail SDKs). */
function refused(err: unknown): RateDecision {
  if (!(err instanceof RateLimiterRes)) return ALLOWED;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
}
