import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { parseFlagChangeMessage } from '../../core/messages/flag-change.message';
import { RawJson } from '../../core/messages/raw-json';
import { parseRemovalMessage } from '../../core/messages/removal.message';
import { parseSegmentChangeMessage } from '../../core/messages/segment-change.message';
import type { TraceContext } from '../../core/messages/trace-context';
import { FlagCache } from '../../core/ports/flag-cache.port';
import { DataStore } from '../../core/ports/data-store.port';
import { MessageBus, type OutboxMessage, TOPICS } from '../../core/ports/message-bus.port';
import { Logger } from '../../core/ports/logger.port';
import { Metrics, NoopMetrics } from '../../core/ports/metrics.port';
import { traceOutboxSend } from '../../infrastructure/observability/change-tracing';

const BATCH = 100;
const LOOP_INTERVAL_MS = 5_000;
/** A message that keeps failing this often is dropped (logged) so it cannot block the queue forever. */
const MAX_ATTEMPTS = 200;

/**
 * Relays outbox messages to the cache and the message bus, oldest first: right after a change commits
 * (kick) and every few seconds for leftovers (publish failures, crashes between commit and publish).
 * It stops at the first failure so messages stay in order. Several api replicas may relay the same
 * message: delivery is at least once, and the payloads are idempotent (full documents).
 *
 * The committing request hands its messages over with the kick. When the previous pass left the
 * outbox empty they are the oldest ones this process knows of, so they are relayed without reading
 * the outbox first (one database round trip less between a change and the evaluation servers). A
 * message another replica left behind (it crashed) is then published by the next timed pass, after
 * newer ones: harmless, as evaluation servers keep the newest version of each flag and segment.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** The last pass relayed everything it found: nothing older than a newly committed message is left. */
  private drained = false;

  constructor(
    private readonly store: DataStore,
    private readonly bus: MessageBus,
    private readonly cache: FlagCache,
    logger: Logger,
    @Optional() private readonly metrics: Metrics = new NoopMetrics(),
  ) {
    this.log = logger.child({ component: 'outbox' });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), LOOP_INTERVAL_MS);
    this.timer.unref();
    this.store.whenReady().then(
      () => this.kick(),
      () => undefined,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /**
   * Start relaying now, `committed` (messages just committed by the caller) first when nothing older
   * is left. While a pass is running this only asks for one more pass, which reads the outbox.
   */
  kick(committed: readonly OutboxMessage[] = []): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain(committed)
      .catch((err: unknown) => this.log.warn('outbox relay pass failed', { error: String(err) }))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no relay pass is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(committed: readonly OutboxMessage[]): Promise<void> {
    const wasDrained = this.drained;
    this.drained = false; // until this pass has relayed everything it set out to
    if (committed.length > 0 && wasDrained) {
      this.drained = await this.relayInOrder(committed);
      return;
    }
    for (;;) {
      const pending = await this.store.outbox.listPending(BATCH);
      if (!(await this.relayInOrder(pending))) return;
      if (pending.length < BATCH) {
        this.drained = true;
        return;
      }
      if (this.stopped) return;
    }
  }

  /** Relays and removes messages in order; false when one failed (it and the rest stay queued). */
  private async relayInOrder(messages: readonly OutboxMessage[]): Promise<boolean> {
    for (const message of messages) {
      try {
        await this.relay(message);
      } catch (err) {
        if (message.attempts + 1 >= MAX_ATTEMPTS) {
          this.log.error('outbox message dropped after repeated failures', {
            id: message.id,
            topic: message.topic,
          });
          await this.store.outbox.remove(message.id);
          continue;
        }
        await this.store.outbox.recordAttempt(message.id).catch(() => undefined);
        this.log.warn('publishing a change failed; it stays in the outbox', {
          id: message.id,
          topic: message.topic,
          error: err instanceof Error ? err.message : String(err),
        });
        return false;
      }
      // Change messages carry no publish time: their lag is commit → publication (docs/observability.md).
      const createdAt = Date.parse(message.createdAt);
      if (!Number.isNaN(createdAt))
        this.metrics.observeQueueLag(message.topic, (Date.now() - createdAt) / 1000);
      await this.store.outbox.remove(message.id);
    }
    return true;
  }

  private async relay(message: OutboxMessage): Promise<void> {
    let trace: TraceContext | undefined;
    if (message.topic === TOPICS.flagChange) {
      const change = parseFlagChangeMessage(message.payload);
      if (!change.ok) return this.dropUnreadable(message, change.error);
      trace = change.trace;
      if (this.cache.enabled) await this.cache.upsertFlag(change.value);
    } else if (message.topic === TOPICS.removal) {
      // Relayed in order with the upserts, so an earlier upsert cannot bring a removed item back.
      const parsed = parseRemovalMessage(message.payload);
      if (!parsed.ok) return this.dropUnreadable(message, parsed.error);
      trace = parsed.trace;
      const removal = parsed.value;
      if (this.cache.enabled && removal.kind === 'flag')
        await this.cache.removeFlag(removal.envId, removal.flagId);
      if (this.cache.enabled && removal.kind === 'segment') {
        for (const envId of removal.envIds) await this.cache.removeSegment(envId, removal.segmentId);
      }
    } else {
      const change = parseSegmentChangeMessage(message.payload);
      if (!change.ok) return this.dropUnreadable(message, change.error);
      trace = change.trace;
      const { segment, affectedFlagIds } = change.value;
      if (this.cache.enabled) {
        await this.cache.upsertSegment(segment.envId, segment);
        // The referencing flags got a new updatedAt with the segment change: refresh them too.
        for (const flag of await this.store.flags.findByIds(affectedFlagIds))
          await this.cache.upsertFlag(flag);
      }
    }
    // The row holds the message JSON: published as it is, not parsed and serialized again.
    await traceOutboxSend(message.topic, trace, { 'messaging.message.id': message.id }, () =>
      this.bus.publish(message.topic, new RawJson(message.payload)),
    );
  }

  /** A row no version could read: relaying it again would fail the same way. */
  private dropUnreadable(message: OutboxMessage, error: string): void {
    this.log.error('unreadable outbox message dropped', { id: message.id, topic: message.topic, error });
  }
}
