import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import { payloadJson } from '../../../core/messages/raw-json';
import {
  BROADCAST_TOPICS,
  MessageBus,
  type BroadcastTopic,
  type BusMessage,
  type ConsumeOptions,
  type JobTopic,
  type Subscription,
} from '../../../core/ports/message-bus.port';
import { silentLogger, type Logger } from '../../../core/ports/logger.port';
import { isTransientFailure } from '../transient-failure';
import { type PgNotifier } from './pg-notifier';
import { safeMessage } from '../safe-message';
import { type BroadcastHandler, type BroadcastSubscriber, drainSubscriber } from '../broadcast-subscriber';
import { JobPoller, type JobSource } from './postgres-job.poller';
import type { QueueMessage, QueueMessageRepository } from './postgres-queue-message.repository';
import {
  BROADCAST_CHANNELS,
  JOBS_CHANNEL,
  type PostgresMessageBusOptions,
} from './postgres-message-bus.options';

export { BROADCAST_CHANNELS, JOBS_CHANNEL, type PostgresMessageBusOptions };

/** Delay before a failed replay after a reconnect is tried again. */
const REPLAY_RETRY_MS = 1_000;

/**
 * FeatBit's PostgreSQL queue. Broadcasts are `Notified` rows announced with pg_notify(<row id>);
 * subscribers read the row and replay rows they missed after a reconnect. Jobs are `Pending` rows
 * claimed with FOR UPDATE SKIP LOCKED for a visibility timeout and deleted once handled.
 */
export function createPostgresMessageBus(options: PostgresMessageBusOptions): MessageBus {
  return new PostgresMessageBus(options);
}

class PostgresMessageBus extends MessageBus implements JobSource {
  readonly healthName = 'message-queue';
  private readonly logger: Logger;
  private readonly queue: QueueMessageRepository;
  private readonly notifier: PgNotifier;
  private readonly visibilityMs: number;
  private readonly pollMs: number;
  private readonly maxDeliveries: number;
  private readonly retryBaseMs: number;
  private readonly retentionMs: number;
  private readonly lookBackMs: number;
  private readonly subscribers = new Set<BroadcastSubscriber>();
  private readonly reconnectListeners: Array<() => void> = [];
  private readonly pollers = new Set<JobPoller>();
  private listening: Promise<void> | null = null;
  /** Highest broadcast row id handed to subscribers, and recent ids (commits can land out of id order). */
  private lastSeenId: number | null = null;
  private readonly seenIds = new Set<number>();
  /** When broadcasts were first subscribed: the replay floor while none has been seen yet. */
  private subscribedAt: number | null = null;
  private reading: Promise<void> = Promise.resolve();
  private lastPurgeAt = 0;
  /**
   * Acknowledgements and early releases that could not be written (the database was down): tried
   * again before each claim, until the rows would be visible again anyway.
   */
  private deferred: { run: () => Promise<void>; until: number }[] = [];
  private retrying: Promise<void> | null = null;
  private lastError: string | null = null;
  private closed = false;

  constructor(options: PostgresMessageBusOptions) {
    super();
    this.logger = (options.logger ?? silentLogger).child({
      component: 'mq-postgres',
      instanceId: options.instanceId,
    });
    this.queue = options.queue;
    this.notifier = options.notifier;
    this.visibilityMs = options.visibilityTimeoutMs ?? 60_000;
    this.pollMs = options.pollIntervalMs ?? 1_000;
    this.maxDeliveries = Math.max(1, options.maxDeliveries ?? 5);
    this.retryBaseMs = Math.max(0, options.retryBaseMs ?? 1_000);
    this.retentionMs = options.broadcastRetentionMs ?? 24 * 3600_000;
    this.lookBackMs = options.replayLookBackMs ?? 15_000;
    this.notifier.onReconnect(() => void this.afterReconnect());
    // Connect at once so health reflects the database even before anything is subscribed; the
    // database may still be starting (PGlite, or a server that is down), so keep trying.
    this.listenUntilReady(0);
  }

  private listenUntilReady(attempt: number): void {
    this.startListening().then(
      () => {
        this.lastError = null;
      },
      (error: unknown) => {
        this.recordError('listening failed', error);
        if (this.closed) return;
        const delayMs = Math.min(30_000, 250 * 2 ** attempt);
        setTimeout(() => this.listenUntilReady(attempt + 1), delayMs).unref();
      },
    );
  }

  async publish(topic: BroadcastTopic, payload: unknown): Promise<void> {
    this.assertOpen();
    // The row and its announcement in one statement: a change reaches the evaluation servers one
    // database round trip sooner, and publishing does not depend on the listening connection.
    await this.queue.enqueueNotified(topic, payloadJson(payload), BROADCAST_CHANNELS[topic]);
    this.lastError = null;
    this.purgeLazily();
  }

  async enqueue(topic: JobTopic, payloads: readonly unknown[]): Promise<void> {
    this.assertOpen();
    if (payloads.length === 0) return;
    await this.queue.enqueue(
      topic,
      payloads.map((payload) => JSON.stringify(payload)),
      'Pending',
    );
    this.lastError = null;
    // Only a hint: pollers find the rows on their next poll anyway.
    this.notifier.notify(JOBS_CHANNEL, topic).catch(() => undefined);
  }

  async subscribe(topic: BroadcastTopic, handler: BroadcastHandler): Promise<Subscription> {
    this.assertOpen();
    const subscriber: BroadcastSubscriber = { topic, handler, queue: [], draining: false, active: true };
    this.subscribedAt ??= Date.now();
    this.subscribers.add(subscriber);
    await this.startListening();
    return {
      unsubscribe: () => {
        subscriber.active = false;
        this.subscribers.delete(subscriber);
        return Promise.resolve();
      },
    };
  }

  async consume(
    topic: JobTopic,
    handler: (messages: BusMessage[]) => Promise<void>,
    options: ConsumeOptions = {},
  ): Promise<Subscription> {
    this.assertOpen();
    const poller = new JobPoller(this, topic, handler, Math.max(1, options.batchSize ?? 100));
    this.pollers.add(poller);
    await this.startListening();
    poller.start();
    return {
      unsubscribe: () => {
        poller.stop();
        this.pollers.delete(poller);
        return Promise.resolve();
      },
    };
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async health(): Promise<HealthStatus> {
    if (this.closed) return { ok: false, detail: 'closed' };
    const listener = await this.notifier.health();
    if (!listener.ok) return listener;
    if (this.lastError) return { ok: false, detail: `queue table: ${this.lastError}` };
    return { ok: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const poller of this.pollers) poller.stop();
    this.pollers.clear();
    for (const subscriber of this.subscribers) subscriber.active = false;
    this.subscribers.clear();
    await this.notifier.close();
  }

  // ---- jobs (used by JobPoller) ----

  async claim(topic: JobTopic, limit: number): Promise<QueueMessage[]> {
    try {
      await this.retryDeferred();
      const rows = await this.queue.claim(topic, limit, this.visibilityMs);
      this.lastError = null;
      return rows;
    } catch (error) {
      this.recordError('claiming jobs failed', error);
      return [];
    }
  }

  async settle(rows: QueueMessage[], failure: unknown): Promise<void> {
    try {
      if (failure === null) {
        const ids = rows.map((row) => row.id);
        await this.orDefer(() => this.queue.complete(ids));
        return;
      }
      // Give up on poison messages; the others are retried after a short backoff (if even that
      // update fails, they become visible again after the visibility timeout). A store outage is
      // not the messages' fault: it does not count as a delivery.
      const reason = safeMessage(failure);
      const transient = isTransientFailure(failure);
      const retry: QueueMessage[] = [];
      for (const row of rows) {
        if (transient || row.deliverCount < this.maxDeliveries) retry.push(row);
        else {
          this.logger.error('job message failed too often, marked Failed', {
            topic: row.topic,
            messageId: row.id,
            deliveries: row.deliverCount,
            error: reason,
          });
          await this.queue.fail(row.id, reason);
        }
      }
      if (retry.length === 0) return;
      const deliveries = Math.max(...retry.map((row) => row.deliverCount));
      const delayMs = Math.min(this.visibilityMs, this.retryBaseMs * 2 ** Math.min(deliveries - 1, 16));
      this.logger.warn('job handler failed, messages will be redelivered', {
        topic: rows[0]?.topic,
        count: retry.length,
        retryInMs: delayMs,
        counted: !transient,
        error: reason,
      });
      const ids = retry.map((row) => row.id);
      await this.orDefer(() => this.queue.release(ids, delayMs, !transient));
    } catch (error) {
      // Not written yet: retried before the next claims; at worst the rows come back after the
      // visibility timeout (at-least-once either way).
      this.recordError('acknowledging jobs failed', error);
    }
  }

  private async orDefer(run: () => Promise<void>): Promise<void> {
    const until = Date.now() + this.visibilityMs;
    try {
      await run();
    } catch (error) {
      this.deferred.push({ run, until });
      throw error;
    }
  }

  /** One pass at a time: several pollers call this before their claims. */
  private retryDeferred(): Promise<void> {
    if (this.deferred.length === 0) return Promise.resolve();
    this.retrying ??= (async () => {
      while (this.deferred.length > 0) {
        const next = this.deferred[0];
        if (next.until > Date.now()) await next.run();
        this.deferred.shift();
      }
    })().finally(() => (this.retrying = null));
    return this.retrying;
  }

  get pollIntervalMs(): number {
    return this.pollMs;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  // ---- broadcasts ----

  private startListening(): Promise<void> {
    this.listening ??= (async () => {
      for (const topic of BROADCAST_TOPICS) {
        await this.notifier.listen(BROADCAST_CHANNELS[topic], (payload) => this.onNotified(topic, payload));
      }
      await this.notifier.listen(JOBS_CHANNEL, (topic) => {
        for (const poller of this.pollers) if (poller.topic === topic) poller.wake();
      });
    })().catch((error) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private onNotified(topic: BroadcastTopic, payload: string): void {
    // A process with no subscriber of the topic (an api replica: it listens only for its health)
    // has nothing to dispatch, so it does not read the row.
    if (![...this.subscribers].some((s) => s.topic === topic)) return;
    const id = Number(payload);
    if (!Number.isSafeInteger(id) || this.seenIds.has(id)) return;
    this.serialRead(async () => {
      const rows = await this.queue.findByIds([id]);
      for (const row of rows) this.dispatch(row);
    });
  }

  /**
   * Reads run one after another so that rows are dispatched in notification order. A read that
   * succeeds clears an earlier error: processes without job consumers (evaluation) have no other
   * queue reads that would, and readiness must recover after an outage.
   */
  private serialRead(task: () => Promise<void>, onError?: () => void): void {
    this.reading = this.reading
      .then(task)
      .then(() => {
        this.lastError = null;
      })
      .catch((error) => {
        this.recordError('reading a broadcast failed', error);
        onError?.();
      });
  }

  private dispatch(row: QueueMessage): void {
    if (this.seenIds.has(row.id)) return;
    this.seenIds.add(row.id);
    if (this.lastSeenId === null || row.id > this.lastSeenId) this.lastSeenId = row.id;
    if (this.seenIds.size > 10_000) {
      const floor = (this.lastSeenId ?? 0) - 5_000;
      for (const id of this.seenIds) if (id < floor) this.seenIds.delete(id);
    }
    if (!(BROADCAST_TOPICS as readonly string[]).includes(row.topic)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch {
      this.logger.error('broadcast payload is not JSON, skipped', { messageId: row.id });
      return;
    }
    const message: BusMessage = { id: String(row.id), topic: row.topic as BroadcastTopic, payload };
    for (const subscriber of this.subscribers) {
      if (subscriber.topic !== message.topic) continue;
      subscriber.queue.push(message);
      if (!subscriber.draining) void drainSubscriber(subscriber, this.logger);
    }
  }

  private afterReconnect(): void {
    if (this.closed) return;
    // Replay what was published while the listener was away, then let listeners resync.
    this.replayMissed();
    this.serialRead(() => {
      for (const listener of this.reconnectListeners) {
        try {
          listener();
        } catch (error) {
          this.logger.error('reconnect listener failed', { error: safeMessage(error) });
        }
      }
      for (const poller of this.pollers) poller.wake();
      return Promise.resolve();
    });
  }

  /** Dispatch skips rows already seen, so a replay may safely run again. */
  private replayMissed(): void {
    this.serialRead(
      async () => {
        if (this.lastSeenId !== null) {
          for (const row of await this.queue.listNotifiedAfter(BROADCAST_TOPICS, this.lastSeenId))
            this.dispatch(row);
        } else if (this.subscribedAt !== null) {
          // Nothing seen yet: everything since we subscribed was missed (look-back covers clock skew).
          const from = this.subscribedAt - this.lookBackMs;
          for (const row of await this.queue.listNotifiedAfter(BROADCAST_TOPICS, 0)) {
            if (Date.parse(row.enqueuedAt) >= from) this.dispatch(row);
          }
        }
      },
      // The listener can be back before the database answers queries: replay again shortly.
      () => {
        if (!this.closed) setTimeout(() => this.replayMissed(), REPLAY_RETRY_MS).unref();
      },
    );
  }

  private purgeLazily(): void {
    const now = Date.now();
    if (now - this.lastPurgeAt < this.retentionMs) return;
    this.lastPurgeAt = now;
    this.queue
      .purgeNotifiedBefore(new Date(now - this.retentionMs).toISOString())
      .then((count) => count > 0 && this.logger.info('purged old broadcast rows', { count }))
      .catch((error) => this.logger.warn('purging broadcast rows failed', { error: safeMessage(error) }));
  }

  private recordError(what: string, error: unknown): void {
    this.lastError = safeMessage(error);
    this.logger.warn(what, { error: this.lastError });
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('message bus is closed');
  }
}
