import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { AppConfig } from '../../config/app-config';
import type { Logger } from '../../core/ports/logger.port';
import { TrackedRedis } from '../../infrastructure/mq/redis/redis-connection';

export interface RateLimitOptions {
  keyPrefix: string;
  points: number;
  duration: number;
  /**
   * With Redis: from this many points the key is refused from memory until its window ends, so a
   * client far over its limit costs no Redis round trip.
   */
  inMemoryBlockOnConsumed?: number;
}

/**
 * Where rate-limit counters live: Redis when one is configured (CACHE_PROVIDER or MQ_PROVIDER redis),
 * so every replica shares them; this process's memory otherwise. While Redis is unreachable each
 * replica falls back to its own memory (the library's insurance limiter) instead of failing requests.
 */
export class RateLimitStore {
  private readonly redis: TrackedRedis | null;

  /** @param name the Redis connection's name (CLIENT LIST). */
  constructor(config: AppConfig, logger: Logger, name: string) {
    const url = config.cache.redisUrl ?? config.mq.redisUrl;
    this.redis = url
      ? new TrackedRedis({
          url,
          name,
          logger,
          // Fail fast to the in-memory insurance limiter instead of queueing requests during an outage.
          redis: { enableOfflineQueue: false, maxRetriesPerRequest: 1 },
        })
      : null;
  }

  /** Whether counters are currently shared through Redis. */
  get shared(): boolean {
    return this.redis?.ready ?? false;
  }

  /** Whether a Redis store is configured (counters are shared whenever it is reachable). */
  get usesRedis(): boolean {
    return this.redis !== null;
  }

  limiter({ inMemoryBlockOnConsumed, ...options }: RateLimitOptions): RateLimiterAbstract {
    const memory = new RateLimiterMemory(options);
    if (!this.redis) return memory;
    return new RateLimiterRedis({
      ...options,
      inMemoryBlockOnConsumed,
      storeClient: this.redis.client,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  }

  async close(): Promise<void> {
    await this.redis?.close();
  }
}
