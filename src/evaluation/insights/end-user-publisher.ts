import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { EndUser } from '../../core/end-users/end-user';
import { MessageBus, TOPICS } from '../../core/ports/message-bus.port';
import { endUserMessage, type EndUserMessage } from '../../core/messages/end-users.message';
import { Logger } from '../../core/ports/logger.port';

// End users seen by SDKs go to `featbit-endusers`, once per (environment, keyId) per dedupe window
// (FeatBit: 3 minutes, bounded memory). Streaming syncs are batched; insight/track publishes inline.

const MAX_REMEMBERED = 1 << 20;
const FLUSH_SIZE = 500;
const FLUSH_INTERVAL_MS = 500;

@Injectable()
export class EndUserPublisher implements OnModuleDestroy {
  /** key → expiry (ms). Insertion order is expiry order, since every entry lives equally long. */
  private readonly seen = new Map<string, number>();
  private readonly windowMs: number;
  private queued: { key: string; message: EndUserMessage }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly log: Logger;

  constructor(
    private readonly bus: MessageBus,
    config: AppConfig,
    logger: Logger,
  ) {
    this.windowMs = config.evaluation.endUserDedupeSeconds * 1000;
    this.log = logger.child({ component: 'end-user-publisher' });
  }

  /** True when the user has not been published within the window; remembers it as published. */
  claim(envId: string, keyId: string, now = Date.now()): string | null {
    const key = `${envId}:${keyId}`;
    const expiry = this.seen.get(key);
    if (expiry !== undefined && expiry > now) return null;
    this.seen.delete(key);
    if (this.seen.size >= MAX_REMEMBERED) this.evictOldest();
    this.seen.set(key, now + this.windowMs);
    return key;
  }

  /** Forget claims whose publication failed, so the next sighting retries. */
  release(keys: readonly string[]): void {
    for (const key of keys) this.seen.delete(key);
  }

  /** A user attached by a streaming data-sync: published in the next batch (fire and forget). */
  enqueueSeen(envId: string, user: EndUser): void {
    const key = this.claim(envId, user.keyId);
    if (key === null) return;
    this.queued.push({ key, message: endUserMessage(envId, user) });
    if (this.queued.length >= FLUSH_SIZE) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS).unref();
  }

  /** Publishes now; throws (after releasing the claims) when the broker refuses. */
  async publish(items: readonly { key: string; message: EndUserMessage }[]): Promise<void> {
    if (items.length === 0) return;
    try {
      await this.bus.enqueue(
        TOPICS.endUsers,
        items.map((i) => i.message),
      );
    } catch (err) {
      this.release(items.map((i) => i.key));
      throw err;
    }
  }

  /** Drops expired entries from the front (called by the sweeper). */
  sweep(now = Date.now()): void {
    for (const [key, expiry] of this.seen) {
      if (expiry > now) break;
      this.seen.delete(key);
    }
  }

  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queued;
    this.queued = [];
    try {
      await this.publish(batch);
    } catch (err) {
      this.log.warn('publishing end users failed; they will be published when seen again', {
        count: batch.length,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }

  private evictOldest(): void {
    const oldest = this.seen.keys().next();
    if (!oldest.done) this.seen.delete(oldest.value);
  }
}
