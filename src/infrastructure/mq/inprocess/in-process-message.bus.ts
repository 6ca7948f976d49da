import { randomUUID } from 'node:crypto';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import { payloadValue } from '../../../core/messages/raw-json';
import {
  MessageBus,
  type BroadcastTopic,
  type BusMessage,
  type ConsumeOptions,
  type JobTopic,
  type Subscription,
} from '../../../core/ports/message-bus.port';
import { silentLogger, type Logger } from '../../../core/ports/logger.port';

export interface InProcessMessageBusOptions {
  logger?: Logger;
  /** Deliveries of a job message before it is logged and dropped (default 5). */
  maxDeliveries?: number;
  /** First retry delay; doubles per attempt (default 100 ms). */
  retryBaseMs?: number;
}

type BroadcastHandler = (message: BusMessage) => void | Promise<void>;
type JobHandler = (messages: BusMessage[]) => Promise<void>;

interface Job {
  message: BusMessage;
  deliveries: number;
}

interface Consumer {
  topic: JobTopic;
  handler: JobHandler;
  batchSize: number;
  busy: boolean;
  active: boolean;
  /** The batch being handled; requeued when the consumer goes away before acknowledging. */
  inFlight: Job[] | null;
}

/** A broadcast subscriber with its own ordered queue, so a slow handler does not delay the others. */
class Subscriber {
  private readonly queue: BusMessage[] = [];
  private draining = false;
  active = true;

  constructor(
    readonly topic: BroadcastTopic,
    private readonly handler: BroadcastHandler,
    private readonly logger: Logger,
  ) {}

  push(message: BusMessage): void {
    this.queue.push(message);
    if (!this.draining) {
      this.draining = true;
      // Never run handlers inside publish().
      setImmediate(() => void this.drain());
    }
  }

  private async drain(): Promise<void> {
    while (this.active && this.queue.length > 0) {
      const message = this.queue.shift() as BusMessage;
      try {
        await this.handler(message);
      } catch (error) {
        this.logger.error('broadcast handler failed', {
          topic: message.topic,
          messageId: message.id,
          error: describe(error),
        });
      }
    }
    this.draining = false;
  }
}

/**
 * The embedded default: one process, no broker. Broadcasts reach every subscriber in publish order;
 * job messages go to one idle consumer at a time and are redelivered with backoff when the handler
 * throws. Messages live in memory only, so anything not yet handled is lost when the process exits.
 */
export function createInProcessMessageBus(options: InProcessMessageBusOptions = {}): MessageBus {
  return new InProcessMessageBus(options);
}

class InProcessMessageBus extends MessageBus {
  readonly healthName = 'message-queue';
  private readonly logger: Logger;
  private readonly maxDeliveries: number;
  private readonly retryBaseMs: number;
  private readonly subscribers = new Set<Subscriber>();
  private readonly pending = new Map<JobTopic, Job[]>();
  private readonly consumers = new Map<JobTopic, Consumer[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly roundRobin = new Map<JobTopic, number>();
  private closed = false;

  constructor(options: InProcessMessageBusOptions) {
    super();
    this.logger = (options.logger ?? silentLogger).child({ component: 'mq-inprocess' });
    this.maxDeliveries = Math.max(1, options.maxDeliveries ?? 5);
    this.retryBaseMs = Math.max(0, options.retryBaseMs ?? 100);
  }

  publish(topic: BroadcastTopic, payload: unknown): Promise<void> {
    if (this.closed) return closedError();
    // No wire in between: pre-serialized JSON (RawJson) is handed over as the value it encodes.
    const message: BusMessage = { id: randomUUID(), topic, payload: payloadValue(payload) };
    for (const subscriber of this.subscribers) {
      if (subscriber.topic === topic) subscriber.push(message);
    }
    return Promise.resolve();
  }

  enqueue(topic: JobTopic, payloads: readonly unknown[]): Promise<void> {
    if (this.closed) return closedError();
    const queue = this.queueOf(topic);
    for (const payload of payloads) {
      queue.push({ message: { id: randomUUID(), topic, payload }, deliveries: 0 });
    }
    this.schedule(topic);
    return Promise.resolve();
  }

  subscribe(topic: BroadcastTopic, handler: BroadcastHandler): Promise<Subscription> {
    if (this.closed) return closedError();
    const subscriber = new Subscriber(topic, handler, this.logger);
    this.subscribers.add(subscriber);
    return Promise.resolve({
      unsubscribe: () => {
        subscriber.active = false;
        this.subscribers.delete(subscriber);
        return Promise.resolve();
      },
    });
  }

  consume(topic: JobTopic, handler: JobHandler, options: ConsumeOptions = {}): Promise<Subscription> {
    if (this.closed) return closedError();
    const consumer: Consumer = {
      topic,
      handler,
      batchSize: Math.max(1, options.batchSize ?? 100),
      busy: false,
      active: true,
      inFlight: null,
    };
    const list = this.consumers.get(topic) ?? [];
    list.push(consumer);
    this.consumers.set(topic, list);
    this.schedule(topic);
    return Promise.resolve({ unsubscribe: () => Promise.resolve(this.removeConsumer(consumer)) });
  }

  onReconnect(_listener: () => void): void {
    // Nothing to reconnect to: the bus lives in this process.
  }

  health(): Promise<HealthStatus> {
    return Promise.resolve(this.closed ? { ok: false, detail: 'closed' } : { ok: true });
  }

  close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const subscriber of this.subscribers) subscriber.active = false;
    this.subscribers.clear();
    for (const list of this.consumers.values()) for (const c of list) c.active = false;
    this.consumers.clear();
    return Promise.resolve();
  }

  private removeConsumer(consumer: Consumer): void {
    consumer.active = false;
    const list = this.consumers.get(consumer.topic) ?? [];
    this.consumers.set(
      consumer.topic,
      list.filter((c) => c !== consumer),
    );
    // A consumer that goes away before acknowledging gives its batch back (at-least-once).
    if (consumer.inFlight) {
      this.queueOf(consumer.topic).unshift(...consumer.inFlight);
      consumer.inFlight = null;
      this.schedule(consumer.topic);
    }
  }

  private queueOf(topic: JobTopic): Job[] {
    let queue = this.pending.get(topic);
    if (!queue) {
      queue = [];
      this.pending.set(topic, queue);
    }
    return queue;
  }

  private schedule(topic: JobTopic): void {
    setImmediate(() => this.dispatch(topic));
  }

  private dispatch(topic: JobTopic): void {
    if (this.closed) return;
    const queue = this.queueOf(topic);
    const consumers = this.consumers.get(topic) ?? [];
    if (consumers.length === 0) return;
    let start = this.roundRobin.get(topic) ?? 0;
    for (let i = 0; i < consumers.length && queue.length > 0; i++) {
      const consumer = consumers[(start + i) % consumers.length];
      if (consumer.busy || !consumer.active) continue;
      const batch = queue.splice(0, consumer.batchSize);
      start = (start + i + 1) % consumers.length;
      void this.deliver(consumer, batch);
    }
    this.roundRobin.set(topic, start);
  }

  private async deliver(consumer: Consumer, batch: Job[]): Promise<void> {
    consumer.busy = true;
    consumer.inFlight = batch;
    for (const job of batch) job.deliveries++;
    let failure: unknown = null;
    try {
      await consumer.handler(batch.map((job) => job.message));
    } catch (error) {
      failure = error;
    }
    consumer.busy = false;
    const owned = consumer.inFlight === batch;
    consumer.inFlight = null;
    // The consumer left meanwhile and its batch was already given back.
    if (!owned) return;
    if (failure !== null) this.retry(consumer.topic, batch, failure);
    if (consumer.active) this.schedule(consumer.topic);
  }

  private retry(topic: JobTopic, batch: Job[], error: unknown): void {
    const again = batch.filter((job) => job.deliveries < this.maxDeliveries);
    for (const job of batch) {
      if (job.deliveries >= this.maxDeliveries) {
        this.logger.error('job message dropped after repeated failures', {
          topic,
          messageId: job.message.id,
          deliveries: job.deliveries,
          error: describe(error),
        });
      }
    }
    if (again.length === 0) return;
    this.logger.warn('job handler failed, will retry', {
      topic,
      count: again.length,
      error: describe(error),
    });
    const attempt = Math.max(...again.map((job) => job.deliveries));
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (this.closed) return;
        this.queueOf(topic).unshift(...again);
        this.dispatch(topic);
      },
      this.retryBaseMs * 2 ** (attempt - 1),
    );
    this.timers.add(timer);
  }
}

function closedError(): Promise<never> {
  return Promise.reject(new Error('message bus is closed'));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
