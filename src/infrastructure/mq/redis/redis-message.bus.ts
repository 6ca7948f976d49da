import { randomUUID } from 'node:crypto';
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
import { type BroadcastHandler, type BroadcastSubscriber, drainSubscriber } from '../broadcast-subscriber';
import { TrackedRedis } from './redis-connection';
import { StreamConsumer } from './redis-stream.consumer';

export interface RedisMessageBusOptions {
  url: string;
  instanceId: string;
  logger?: Logger;
  /** Prepended to channel names and stream keys (tests, shared servers). Default none. */
  keyPrefix?: string;
  /** A job unacknowledged this long is handed to another consumer (default 60 s). */
  visibilityTimeoutMs?: number;
  /** Deliveries before a job moves to the dead-letter stream (default 5). */
  maxDeliveries?: number;
  /** A failed batch is read again after this, doubled per consecutive failure, capped at the visibility timeout (1 s). */
  retryBaseMs?: number;
  /** Largest delay between reconnection attempts (default 5 s). */
  maxRetryDelayMs?: number;
}

/** Stream key of a job topic: not the topic name itself, which FeatBit uses for a plain list. */
export function jobStreamKey(prefix: string, topic: JobTopic): string {
  return `${prefix}${topic}:stream`;
}

/**
 * Redis transport. Broadcasts: PUBLISH on FeatBit's channel names (the payload JSON as is), so no
 * replay: after the subscriber connection comes back, onReconnect tells listeners to resync. Jobs:
 * a stream per topic with one consumer group, so a message read by a consumer that dies stays
 * pending and is claimed by another after the visibility timeout.
 */
export function createRedisMessageBus(options: RedisMessageBusOptions): MessageBus {
  return new RedisMessageBus(options);
}

class RedisMessageBus extends MessageBus {
  readonly healthName = 'message-queue';
  private readonly logger: Logger;
  private readonly prefix: string;
  private readonly commands: TrackedRedis;
  private subscriberConnection: TrackedRedis | null = null;
  private subscribing: Promise<void> | null = null;
  private readonly subscribers = new Set<BroadcastSubscriber>();
  private readonly consumers = new Set<StreamConsumer>();
  private readonly reconnectListeners: Array<() => void> = [];
  private consumerCount = 0;
  private closed = false;

  constructor(private readonly options: RedisMessageBusOptions) {
    super();
    this.logger = (options.logger ?? silentLogger).child({
      component: 'mq-redis',
      instanceId: options.instanceId,
    });
    this.prefix = options.keyPrefix ?? '';
    this.commands = new TrackedRedis({
      url: options.url,
      name: this.connectionName('cmd'),
      logger: this.logger,
      // Fail a publish within a few reconnect attempts instead of queueing it for ever.
      redis: { maxRetriesPerRequest: 2 },
      maxRetryDelayMs: options.maxRetryDelayMs,
    });
    this.commands.onReconnect(() => {
      // Without a subscriber connection the command connection is what came back.
      if (!this.subscriberConnection) this.fireReconnect();
    });
  }

  async publish(topic: BroadcastTopic, payload: unknown): Promise<void> {
    this.assertOpen();
    await this.commands.client.publish(this.prefix + topic, payloadJson(payload));
  }

  async enqueue(topic: JobTopic, payloads: readonly unknown[]): Promise<void> {
    this.assertOpen();
    if (payloads.length === 0) return;
    const pipeline = this.commands.client.pipeline();
    const key = jobStreamKey(this.prefix, topic);
    for (const payload of payloads) pipeline.xadd(key, '*', 'payload', JSON.stringify(payload));
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  async subscribe(topic: BroadcastTopic, handler: BroadcastHandler): Promise<Subscription> {
    this.assertOpen();
    const subscriber: BroadcastSubscriber = { topic, handler, queue: [], draining: false, active: true };
    this.subscribers.add(subscriber);
    await this.startSubscriber();
    return {
      unsubscribe: () => {
        subscriber.active = false;
        this.subscribers.delete(subscriber);
        return Promise.resolve();
      },
    };
  }

  consume(
    topic: JobTopic,
    handler: (messages: BusMessage[]) => Promise<void>,
    options: ConsumeOptions = {},
  ): Promise<Subscription> {
    if (this.closed) return Promise.reject(new Error('message bus is closed'));
    const consumer = new StreamConsumer({
      url: this.options.url,
      commands: this.commands.client,
      streamKey: jobStreamKey(this.prefix, topic),
      deadLetterKey: `${jobStreamKey(this.prefix, topic)}:dead`,
      topic,
      consumerName: this.connectionName(`consumer${++this.consumerCount}`),
      batchSize: Math.max(1, options.batchSize ?? 100),
      visibilityTimeoutMs: this.options.visibilityTimeoutMs ?? 60_000,
      maxDeliveries: Math.max(1, this.options.maxDeliveries ?? 5),
      retryBaseMs: Math.max(0, this.options.retryBaseMs ?? 1_000),
      handler,
      logger: this.logger,
      maxRetryDelayMs: this.options.maxRetryDelayMs,
    });
    this.consumers.add(consumer);
    consumer.start();
    return Promise.resolve({
      unsubscribe: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    });
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  health(): Promise<HealthStatus> {
    if (this.closed) return Promise.resolve({ ok: false, detail: 'closed' });
    const connections = [
      this.commands,
      this.subscriberConnection,
      ...[...this.consumers].map((c) => c.connection),
    ];
    for (const connection of connections) {
      const status = connection?.health();
      if (status && !status.ok) return Promise.resolve(status);
    }
    return Promise.resolve({ ok: true });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const subscriber of this.subscribers) subscriber.active = false;
    this.subscribers.clear();
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    this.consumers.clear();
    await this.subscriberConnection?.close();
    await this.commands.close();
  }

  private startSubscriber(): Promise<void> {
    this.subscribing ??= (async () => {
      const connection = new TrackedRedis({
        url: this.options.url,
        name: this.connectionName('sub'),
        logger: this.logger,
        // SUBSCRIBE waits through an outage rather than being dropped.
        redis: { maxRetriesPerRequest: null },
        maxRetryDelayMs: this.options.maxRetryDelayMs,
      });
      this.subscriberConnection = connection;
      connection.client.on('message', (channel: string, text: string) => this.onMessage(channel, text));
      connection.onReconnect(() => {
        // ioredis re-subscribes on reconnect; a PING answered after it proves the channels are live.
        connection.client
          .ping()
          .catch(() => undefined)
          .finally(() => this.fireReconnect());
      });
      // Normally resolves once SUBSCRIBE is active. When Redis is down the start-up goes on; the
      // queued SUBSCRIBE runs once Redis is back and counts as a reconnect (changes were missed).
      const active = connection.client.subscribe(...BROADCAST_TOPICS.map((topic) => this.prefix + topic));
      const waited = await Promise.race([
        active.then(() => true),
        sleep(SUBSCRIBE_WAIT_MS).then(() => false),
      ]);
      if (!waited) {
        this.logger.warn('Redis unavailable, broadcasts will start when it is back');
        active.then(() => this.fireReconnect()).catch(() => undefined);
      }
    })().catch((error) => {
      this.subscribing = null;
      throw error;
    });
    return this.subscribing;
  }

  private onMessage(channel: string, text: string): void {
    const topic = BROADCAST_TOPICS.find((t) => this.prefix + t === channel);
    if (!topic) return;
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      this.logger.error('broadcast payload is not JSON, skipped', { topic });
      return;
    }
    // Pub/sub messages carry no id; each delivery gets one (broadcasts are state, applied idempotently).
    const message: BusMessage = { id: randomUUID(), topic, payload };
    for (const subscriber of this.subscribers) {
      if (subscriber.topic !== topic) continue;
      subscriber.queue.push(message);
      if (!subscriber.draining) void drainSubscriber(subscriber, this.logger);
    }
  }

  private fireReconnect(): void {
    if (this.closed) return;
    for (const listener of this.reconnectListeners) {
      try {
        listener();
      } catch (error) {
        this.logger.error('reconnect listener failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  private connectionName(role: string): string {
    return `${this.prefix}featbit-${this.options.instanceId}-${role}`.replace(/[^A-Za-z0-9_.:-]/g, '_');
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('message bus is closed');
  }
}

const SUBSCRIBE_WAIT_MS = 5_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
