import { randomUUID } from 'node:crypto';
import { FlagCache } from '../../../core/ports/flag-cache.port';
import type { FeatureFlag } from '../../../core/flags/feature-flag';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import type { WireSegment } from '../../../core/segments/segment';
import type { SecretContext } from '../../../core/tenancy/tenancy';
import { silentLogger, type Logger } from '../../../core/ports/logger.port';
import { redactRedis, TrackedRedis } from '../../mq/redis/redis-connection';
import { hashToSecret, RedisCacheKeys, scoreOf, secretToHash } from './redis-cache.keys';

export interface RedisFlagCacheOptions {
  url: string;
  logger?: Logger;
  /** The populate lock expires after this, should its holder die (default 60). */
  populateLockTtlSeconds?: number;
  /** How long a replica waits for another one to finish populating (default 90). */
  populateMaxWaitSeconds?: number;
  /** Key prefix, FeatBit's 'featbit:' by default (tests use their own). */
  keyPrefix?: string;
  /** Largest delay between reconnection attempts (default 5 s). */
  maxRetryDelayMs?: number;
}

type Loader = (sink: FlagCache) => Promise<void>;

const REMOVE_SEGMENT = `
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('SREM', KEYS[2], ARGV[1])
if redis.call('SCARD', KEYS[2]) == 0 then redis.call('DEL', KEYS[3]) end
return 1`;
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function createRedisFlagCache(options: RedisFlagCacheOptions): FlagCache {
  return new RedisFlagCache(options);
}

/**
 * FeatBit's Redis cache layout. Reads answer null whenever Redis cannot vouch for the answer
 * (unreachable, or not populated): callers then read the database. Writes never fail the caller;
 * a write lost to an outage marks the cache stale, and once Redis is back this process (if it
 * populated the cache) drops the populated marker and fills the cache again.
 */
class RedisFlagCache extends FlagCache {
  readonly healthName = 'cache';
  readonly enabled = true;
  private readonly logger: Logger;
  private readonly keys: RedisCacheKeys;
  private readonly redis: TrackedRedis;
  private readonly lockTtlSeconds: number;
  private readonly maxWaitMs: number;
  private loader: Loader | null = null;
  private populating: Promise<boolean> | null = null;
  private stale = false;
  private closed = false;
  /** A failed population (the database was down too) is tried again with backoff. */
  private retryTimer: NodeJS.Timeout | null = null;
  private retryAttempt = 0;

  constructor(options: RedisFlagCacheOptions) {
    super();
    this.logger = (options.logger ?? silentLogger).child({ component: 'cache-redis' });
    this.keys = new RedisCacheKeys(options.keyPrefix ?? 'featbit:');
    this.lockTtlSeconds = Math.max(1, options.populateLockTtlSeconds ?? 60);
    this.maxWaitMs = Math.max(0, options.populateMaxWaitSeconds ?? 90) * 1000;
    this.redis = new TrackedRedis({
      url: options.url,
      name: `${options.keyPrefix ?? 'featbit:'}cache`.replace(/[^A-Za-z0-9_.:-]/g, '_'),
      logger: this.logger,
      // Fail at once while disconnected, so readers fall back to the database without waiting.
      redis: { enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      maxRetryDelayMs: options.maxRetryDelayMs,
    });
    // Every time Redis becomes usable (first connect included) catch up on what is owed.
    this.redis.client.on('ready', () => void this.afterReconnect());
  }

  async upsertFlag(flag: FeatureFlag): Promise<void> {
    const score = scoreOf('flag', flag.id, flag.updatedAt);
    await this.write('upsert flag', (tx) =>
      tx
        .set(this.keys.flag(flag.id), JSON.stringify(flag))
        .zadd(this.keys.flagIndex(flag.envId), score, flag.id),
    );
  }

  async removeFlag(envId: string, flagId: string): Promise<void> {
    await this.write('remove flag', (tx) =>
      tx.zrem(this.keys.flagIndex(envId), flagId).del(this.keys.flag(flagId)),
    );
  }

  async upsertSegment(envId: string, segment: WireSegment): Promise<void> {
    const score = scoreOf('segment', segment.id, segment.updatedAt);
    await this.write('upsert segment', (tx) =>
      tx
        .set(this.keys.segment(segment.id), JSON.stringify(segment))
        .zadd(this.keys.segmentIndex(envId), score, segment.id)
        .sadd(this.keys.segmentEnvs(segment.id), envId),
    );
  }

  async removeSegment(envId: string, segmentId: string): Promise<void> {
    await this.write('remove segment', (tx) =>
      tx.eval(
        REMOVE_SEGMENT,
        3,
        this.keys.segmentIndex(envId),
        this.keys.segmentEnvs(segmentId),
        this.keys.segment(segmentId),
        envId,
        segmentId,
      ),
    );
  }

  async upsertSecret(value: string, context: SecretContext): Promise<void> {
    const key = this.keys.secret(value);
    // Replace the whole hash: a stale field must not survive a change of environment.
    await this.write('upsert secret', (tx) => tx.del(key).hset(key, secretToHash(context)));
  }

  async removeSecret(value: string): Promise<void> {
    await this.write('remove secret', (tx) => tx.del(this.keys.secret(value)));
  }

  getFlagsSince(envId: string, sinceMs: number): Promise<FeatureFlag[] | null> {
    return this.readSince<FeatureFlag>(
      this.keys.flagIndex(envId),
      (id) => this.keys.flag(id),
      sinceMs,
      (f) => f,
    );
  }

  getSegmentsSince(envId: string, sinceMs: number): Promise<WireSegment[] | null> {
    // The stored JSON is one environment's view; the view for this one differs only by envId.
    return this.readSince<WireSegment>(
      this.keys.segmentIndex(envId),
      (id) => this.keys.segment(id),
      sinceMs,
      (segment) => ({ ...segment, envId }),
    );
  }

  async getSecret(value: string): Promise<SecretContext | null> {
    if (!this.readable()) return null;
    try {
      return hashToSecret(await this.redis.client.hgetall(this.keys.secret(value)));
    } catch (error) {
      this.readFailed(error);
      return null;
    }
  }

  populate(load: Loader): Promise<boolean> {
    this.loader = load;
    this.populating ??= this.populateOnce(load)
      .then(
        (done) => {
          this.retryAttempt = 0;
          return done;
        },
        (error: unknown) => {
          this.scheduleRetry(error);
          throw error;
        },
      )
      .finally(() => (this.populating = null));
    return this.populating;
  }

  health(): Promise<HealthStatus> {
    if (this.closed) return Promise.resolve({ ok: false, detail: 'closed' });
    return Promise.resolve(this.redis.health());
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.redis.close();
  }

  private readable(): boolean {
    return !this.closed && !this.stale && this.redis.ready;
  }

  private async readSince<T>(
    indexKey: string,
    itemKey: (id: string) => string,
    sinceMs: number,
    view: (item: T) => T,
  ): Promise<T[] | null> {
    if (!this.readable()) return null;
    try {
      const [[markerError, marker], [rangeError, ids]] = (await this.redis.client
        .multi()
        .get(this.keys.populatedMarker)
        .zrangebyscore(indexKey, `(${sinceMs}`, '+inf')
        .exec()) as [[Error | null, string | null], [Error | null, string[]]];
      const failure = markerError ?? rangeError;
      if (failure) throw failure;
      // Not populated (first start, or Redis lost its data): only the database knows.
      if (marker === null) return null;
      if (ids.length === 0) return [];
      const items: T[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        const texts = await this.redis.client.mget(ids.slice(i, i + 500).map(itemKey));
        for (const text of texts) if (text !== null) items.push(view(JSON.parse(text) as T));
      }
      return items;
    } catch (error) {
      this.readFailed(error);
      return null;
    }
  }

  private async write(
    what: string,
    build: (tx: ReturnType<TrackedRedis['client']['multi']>) => ReturnType<TrackedRedis['client']['multi']>,
  ): Promise<void> {
    if (this.closed) throw new Error('cache is closed');
    try {
      const results = await build(this.redis.client.multi()).exec();
      const failed = results?.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    } catch (error) {
      // The database has the change; the cache is now behind and must not be trusted.
      if (!this.stale)
        this.logger.warn(`cache ${what} failed, cache marked stale`, { error: message(error) });
      this.stale = true;
      // A write can fail just before the connection's 'ready' (its rejection arrives after the
      // event), and then no later event repairs the cache: evaluation processes would resync from
      // it, stale, for good. Repair now when Redis is usable again (a split-roles e2e caught it).
      // A repair already under way or scheduled (with backoff) is not started twice.
      if (this.redis.ready && this.loader && !this.populating && !this.retryTimer)
        setImmediate(() => void this.afterReconnect());
    }
  }

  private readFailed(error: unknown): void {
    this.logger.debug('cache read failed, falling back to the database', { error: message(error) });
  }

  private async populateOnce(load: Loader): Promise<boolean> {
    const client = this.redis.client;
    await this.whenReady(Math.min(this.maxWaitMs, 5_000));
    const token = randomUUID();
    const deadline = Date.now() + this.maxWaitMs;
    try {
      for (;;) {
        if ((await client.get(this.keys.populatedMarker)) !== null) {
          this.stale = false;
          return false;
        }
        const locked = await client.set(this.keys.populateLock, token, 'EX', this.lockTtlSeconds, 'NX');
        if (locked === 'OK') break;
        if (Date.now() >= deadline) {
          this.logger.warn('gave up waiting for another instance to populate the cache');
          return false;
        }
        await sleep(200);
      }
    } catch (error) {
      // Redis is down: populate again once it is back (afterReconnect).
      this.stale = true;
      this.logger.warn('cannot populate the cache now, will retry after Redis is back', {
        error: message(error),
      });
      return false;
    }
    try {
      this.stale = false;
      this.logger.info('populating the cache');
      await load(this);
      if (this.stale) throw new Error('writes failed while populating');
      await client.set(this.keys.populatedMarker, 'true');
      this.logger.info('cache populated');
      return true;
    } finally {
      await client.eval(RELEASE_LOCK, 1, this.keys.populateLock, token).catch(() => undefined);
    }
  }

  private whenReady(ms: number): Promise<void> {
    if (this.redis.ready) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const client = this.redis.client;
      function done() {
        clearTimeout(timer);
        client.off('ready', done);
        resolve();
      }
      client.once('ready', done);
    });
  }

  private scheduleRetry(error: unknown): void {
    if (this.closed || this.retryTimer) return;
    const delayMs = Math.min(30_000, 1_000 * 2 ** Math.min(this.retryAttempt++, 5));
    this.logger.warn('populating the cache failed, retrying', { error: message(error), retryInMs: delayMs });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.afterReconnect();
    }, delayMs);
    this.retryTimer.unref();
  }

  private async afterReconnect(): Promise<void> {
    // Readers (no loader) owe nothing: whoever populates refreshes the marker.
    if (this.closed || !this.loader || (!this.stale && this.populating)) return;
    if (!this.stale) {
      // Redis may have restarted empty: fill it again if the marker is gone.
      const marker = await this.redis.client.get(this.keys.populatedMarker).catch(() => 'unknown');
      if (marker !== null) return;
    }
    try {
      if (this.stale) {
        // Our writes were lost: nobody may trust the cache until it is filled again.
        await this.redis.client.del(this.keys.populatedMarker);
      }
      await this.populate(this.loader);
    } catch {
      // Logged and retried by populate().
    }
  }
}

function message(error: unknown): string {
  return redactRedis(error instanceof Error ? error.message : String(error));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
