import Redis, { type RedisOptions } from 'ioredis';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import type { Logger } from '../../../core/ports/logger.port';

export interface TrackedRedisOptions {
  url: string;
  /** Shown in CLIENT LIST (no spaces). */
  name: string;
  logger: Logger;
  /** ioredis overrides (offline queue, retries per request). */
  redis?: RedisOptions;
  /** Largest delay between reconnection attempts (default 5 s). */
  maxRetryDelayMs?: number;
}

/**
 * An ioredis connection that reconnects forever with capped backoff, remembers why it is down and
 * reports "ready again after a loss" so callers can resynchronise.
 */
export class TrackedRedis {
  readonly client: Redis;
  private everReady = false;
  private lostSinceReady = false;
  private lastError: string | null = null;
  private readonly reconnectListeners: Array<() => void> = [];
  private closing = false;

  constructor(private readonly options: TrackedRedisOptions) {
    const maxDelay = options.maxRetryDelayMs ?? 5_000;
    this.client = new Redis(options.url, {
      connectionName: options.name,
      retryStrategy: (times) => Math.min(maxDelay, 100 * 2 ** Math.min(times, 10)),
      ...options.redis,
    });
    this.client.on('error', (error: Error) => {
      const message = redactRedis(error.message);
      if (message !== this.lastError)
        options.logger.warn('Redis connection error', { connection: options.name, error: message });
      this.lastError = message;
    });
    this.client.on('close', () => {
      if (this.everReady && !this.closing && !this.lostSinceReady) {
        this.lostSinceReady = true;
        options.logger.warn('Redis connection lost, reconnecting', { connection: options.name });
      }
    });
    this.client.on('ready', () => {
      this.lastError = null;
      const recovered = this.everReady && this.lostSinceReady;
      this.everReady = true;
      this.lostSinceReady = false;
      if (recovered) {
        options.logger.info('Redis connection restored', { connection: options.name });
        for (const listener of this.reconnectListeners) listener();
      }
    });
  }

  get ready(): boolean {
    return this.client.status === 'ready';
  }

  /** After a loss, once the connection is usable again (resubscriptions are queued before). */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  health(): HealthStatus {
    if (this.ready) return { ok: true };
    return {
      ok: false,
      detail: `Redis ${this.options.name} ${this.client.status}${this.lastError ? `: ${this.lastError}` : ''}`,
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    try {
      if (this.client.status === 'ready') await this.client.quit();
      else this.client.disconnect();
    } catch {
      this.client.disconnect();
    }
  }
}

/** ioredis messages can quote the address; a password never belongs in logs or health output. */
export function redactRedis(text: string): string {
  return text.replace(/\/\/[^@/\s]*@/g, '//***@');
}
