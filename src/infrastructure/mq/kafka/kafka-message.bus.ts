import { randomUUID } from 'node:crypto';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type EachBatchPayload,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import { payloadJson } from '../../../core/messages/raw-json';
import {
  BROADCAST_TOPICS,
  MessageBus,
  TOPICS,
  type BroadcastTopic,
  type BusMessage,
  type ConsumeOptions,
  type JobTopic,
  type Subscription,
} from '../../../core/ports/message-bus.port';
import { silentLogger, type Logger } from '../../../core/ports/logger.port';
import {
  handleBroadcastBatch,
  handleJobBatch,
  safe,
  TrackedConsumer,
  type ConsumerTuning,
} from './kafka-consumers';
import { KafkaSendQueue } from './kafka-send-queue';

export interface KafkaMessageBusOptions {
  brokers: string[];
  clientId: string;
  instanceId: string;
  logger?: Logger;
  /** Prepended to topic names (tests on a shared broker). Default none. */
  topicPrefix?: string;
  /** Group session timeout (default 30 s); a dead member's partitions move after this. */
  sessionTimeoutMs?: number;
  /**
   * Longest subscribe()/consume() wait for the new consumer to join and be positioned (default 30 s).
   * Apart from the session timeout: a broadcast subscriber reads from "latest", so returning before
   * it is positioned would miss what is published right after (seen on a loaded machine).
   */
  positionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  rebalanceTimeoutMs?: number;
  /** Per-request timeout; a broker that stops answering is noticed after this (default 30 s). */
  requestTimeoutMs?: number;
  /** Attempts of a failing job batch before it is logged and skipped (default 5). */
  maxDeliveries?: number;
  retryBaseMs?: number;
  /** Partitions of each job topic when the bus creates it: the most consumers sharing a topic (default 4). */
  jobPartitions?: number;
}

type BroadcastHandler = (message: BusMessage) => void | Promise<void>;

/**
 * Kafka transport (kafkajs). Broadcasts: one consumer group per instance
 * (`<clientId>-evaluation-<instanceId>`, from the latest offset) so every instance sees every
 * change; keyed by topic, so one partition keeps them in order. Jobs: one shared group per job
 * topic (`<clientId>-jobs-<topic>`), offsets committed by hand once the handler resolved.
 */
export function createKafkaMessageBus(options: KafkaMessageBusOptions): MessageBus {
  return new KafkaMessageBus(options);
}

class KafkaMessageBus extends MessageBus {
  readonly healthName = 'message-queue';
  private readonly logger: Logger;
  private readonly kafka: Kafka;
  private readonly prefix: string;
  private readonly tuning: ConsumerTuning;
  private readonly positionTimeoutMs: number;
  private producer: Producer | null = null;
  private producerReady: Promise<Producer> | null = null;
  private readonly sendQueue: KafkaSendQueue;
  private admin: Admin | null = null;
  private topicsEnsured: Promise<void> | null = null;
  private broadcastConsumer: TrackedConsumer | null = null;
  private broadcastStarting: Promise<TrackedConsumer> | null = null;
  private readonly jobConsumers = new Set<TrackedConsumer>();
  private readonly handlers = new Set<{
    topic: BroadcastTopic;
    handler: BroadcastHandler;
    active: boolean;
  }>();
  private readonly reconnectListeners: Array<() => void> = [];
  private lastProducerError: string | null = null;
  private probe: { at: number; status: HealthStatus } | null = null;
  private closed = false;

  constructor(private readonly options: KafkaMessageBusOptions) {
    super();
    this.logger = (options.logger ?? silentLogger).child({
      component: 'mq-kafka',
      instanceId: options.instanceId,
    });
    this.prefix = options.topicPrefix ?? '';
    this.positionTimeoutMs = options.positionTimeoutMs ?? 30_000;
    this.tuning = {
      sessionTimeoutMs: options.sessionTimeoutMs ?? 30_000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 3_000,
      rebalanceTimeoutMs: options.rebalanceTimeoutMs ?? 60_000,
      maxWaitTimeMs: 500,
    };
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      connectionTimeout: 3_000,
      retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 5 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.logKafka(entry),
    });
    this.sendQueue = new KafkaSendQueue(
      () => this.connectProducer(),
      () => this.discardProducer(),
    );
  }

  async publish(topic: BroadcastTopic, payload: unknown): Promise<void> {
    this.assertOpen();
    // Keyed by topic: one partition, so every instance sees the changes in publish order.
    await this.send(topic, [{ key: topic, value: payloadJson(payload), headers: { id: randomUUID() } }]);
  }

  async enqueue(topic: JobTopic, payloads: readonly unknown[]): Promise<void> {
    this.assertOpen();
    if (payloads.length === 0) return;
    // Keyed by message id: spread over partitions so the group's members share the work.
    await this.send(
      topic,
      payloads.map((payload) => {
        const id = randomUUID();
        return { key: id, value: JSON.stringify(payload), headers: { id } };
      }),
    );
  }

  async subscribe(topic: BroadcastTopic, handler: BroadcastHandler): Promise<Subscription> {
    this.assertOpen();
    const entry = { topic, handler, active: true };
    this.handlers.add(entry);
    const consumer = await this.startBroadcastConsumer();
    await consumer.whenPositioned(this.positionTimeoutMs);
    return {
      unsubscribe: () => {
        entry.active = false;
        this.handlers.delete(entry);
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
    const consumer = new TrackedConsumer(
      this.kafka,
      `${this.options.clientId}-jobs-${topic}`,
      this.tuning,
      this.logger,
      () => this.fireReconnect(),
    );
    this.jobConsumers.add(consumer);
    const jobOptions = {
      batchSize: Math.max(1, options.batchSize ?? 100),
      maxDeliveries: Math.max(1, this.options.maxDeliveries ?? 5),
      retryBaseMs: this.options.retryBaseMs ?? 500,
      handler,
    };
    await this.startConsumer(consumer, [topic], true, (payload) =>
      handleJobBatch(consumer, payload, this.prefix, jobOptions, this.logger),
    );
    await consumer.whenPositioned(this.positionTimeoutMs);
    return {
      unsubscribe: async () => {
        this.jobConsumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async health(): Promise<HealthStatus> {
    if (this.closed) return { ok: false, detail: 'closed' };
    for (const consumer of [this.broadcastConsumer, ...this.jobConsumers]) {
      const status = consumer?.health();
      if (status && !status.ok) return status;
    }
    if (this.lastProducerError) return { ok: false, detail: `Kafka producer: ${this.lastProducerError}` };
    // Nothing running says otherwise: ask the cluster (cached briefly, health is polled).
    if (this.probe && Date.now() - this.probe.at < 2_000) return this.probe.status;
    let status: HealthStatus;
    try {
      this.admin ??= this.kafka.admin();
      await this.admin.connect();
      await this.admin.fetchTopicMetadata({ topics: [] });
      status = { ok: true };
    } catch (error) {
      status = { ok: false, detail: `Kafka unreachable: ${safe(error)}` };
    }
    this.probe = { at: Date.now(), status };
    return status;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const entry of this.handlers) entry.active = false;
    this.handlers.clear();
    const consumers = [this.broadcastConsumer, ...this.jobConsumers].filter(
      (c): c is TrackedConsumer => c !== null,
    );
    this.jobConsumers.clear();
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await this.producer?.disconnect().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
  }

  private async send(
    topic: string,
    messages: { key: string; value: string; headers: Record<string, string> }[],
  ): Promise<void> {
    try {
      await this.sendQueue.send(this.prefix + topic, messages);
      this.lastProducerError = null;
    } catch (error) {
      this.lastProducerError = safe(error);
      throw error;
    }
  }

  private connectProducer(): Promise<Producer> {
    this.producerReady ??= (async () => {
      await this.ensureTopics();
      // Idempotent: a produce request kafkajs retries after a lost answer is written once, and
      // broadcasts keep their order. The send queue keeps one request in flight (see there).
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Finite, unlike kafkajs' idempotent default (for ever): a caller must learn that the
        // broker is down (the outbox retries, the SDK gets 503).
        retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 5 },
      });
      producer.on(producer.events.DISCONNECT, () => {
        // kafkajs reconnects a disconnected producer lazily on the next send.
        this.logger.debug('Kafka producer disconnected');
      });
      await producer.connect();
      this.producer = producer;
      return producer;
    })().catch((error) => {
      this.producerReady = null;
      throw error;
    });
    return this.producerReady;
  }

  /**
   * After a failed request the next one starts a new idempotent session (a new producer id): the
   * failed batch may have been written, and its sequence numbers reused by different messages
   * would be dropped by the broker as duplicates.
   */
  private async discardProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    this.producerReady = null;
    await producer?.disconnect();
  }

  /**
   * Creates the topics once per bus, with the partitions the bus wants: one per broadcast topic
   * (one order for everybody), `jobPartitions` per job topic. Existing topics are left as they
   * are. A failure is retried by the next caller.
   */
  private ensureTopics(): Promise<void> {
    this.topicsEnsured ??= (async () => {
      const admin = this.kafka.admin();
      try {
        await admin.connect();
        const broadcasts = new Set<string>(BROADCAST_TOPICS);
        const topics = Object.values(TOPICS).map((topic) => ({
          topic: this.prefix + topic,
          numPartitions: broadcasts.has(topic) ? 1 : Math.max(1, this.options.jobPartitions ?? 4),
        }));
        await admin.createTopics({ topics, waitForLeaders: true });
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    })().catch((error) => {
      this.topicsEnsured = null;
      throw error;
    });
    return this.topicsEnsured;
  }

  private startBroadcastConsumer(): Promise<TrackedConsumer> {
    this.broadcastStarting ??= (async () => {
      const consumer = new TrackedConsumer(
        this.kafka,
        `${this.options.clientId}-evaluation-${this.options.instanceId}`,
        this.tuning,
        this.logger,
        () => this.fireReconnect(),
      );
      this.broadcastConsumer = consumer;
      // Both broadcast topics at once: kafkajs cannot add subscriptions to a running consumer.
      await this.startConsumer(consumer, BROADCAST_TOPICS, false, (payload) =>
        handleBroadcastBatch(
          consumer,
          payload,
          this.prefix,
          (message) => this.dispatch(message),
          this.logger,
        ),
      );
      return consumer;
    })().catch((error) => {
      this.broadcastStarting = null;
      throw error;
    });
    return this.broadcastStarting;
  }

  private startConsumer(
    consumer: TrackedConsumer,
    topics: readonly string[],
    fromBeginning: boolean,
    eachBatch: (payload: EachBatchPayload) => Promise<void>,
  ): Promise<void> {
    return consumer.start(async () => {
      // The broker does not auto-create topics: subscribing needs them to exist.
      await this.ensureTopics();
      await consumer.consumer.connect();
      await consumer.consumer.subscribe({ topics: topics.map((t) => this.prefix + t), fromBeginning });
      await consumer.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch,
      });
    });
  }

  private async dispatch(message: BusMessage): Promise<void> {
    for (const entry of this.handlers) {
      if (!entry.active || entry.topic !== message.topic) continue;
      try {
        await entry.handler(message);
      } catch (error) {
        this.logger.error('broadcast handler failed', {
          topic: message.topic,
          messageId: message.id,
          error: safe(error),
        });
      }
    }
  }

  private fireReconnect(): void {
    if (this.closed) return;
    for (const listener of this.reconnectListeners) {
      try {
        listener();
      } catch (error) {
        this.logger.error('reconnect listener failed', { error: safe(error) });
      }
    }
  }

  private logKafka(entry: LogEntry): void {
    const log = entry.log as { error?: unknown; broker?: unknown };
    const meta = { namespace: entry.namespace, error: log.error, broker: log.broker };
    if (entry.level === logLevel.ERROR) this.logger.warn(`kafkajs: ${entry.log.message}`, meta);
    else if (entry.level === logLevel.WARN) this.logger.debug(`kafkajs: ${entry.log.message}`, meta);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('message bus is closed');
  }
}
