import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { BroadcastTopic, BusMessage, JobTopic, Topic } from '../../../core/ports/message-bus.port';
import type { Logger } from '../../../core/ports/logger.port';
import { isTransientFailure } from '../transient-failure';

export interface ConsumerTuning {
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  rebalanceTimeoutMs: number;
  /** Longest a fetch waits for data. */
  maxWaitTimeMs: number;
}

/**
 * Runs one kafkajs consumer and tracks its state: joined, crashed (kafkajs restarts it) and
 * "joined again after a crash", which is what the bus reports as a reconnect.
 */
export class TrackedConsumer {
  readonly consumer: Consumer;
  private joined = false;
  private crashed: string | null = null;
  /** connect/subscribe/run failed and is being retried: the broker could not be reached at all. */
  private startFailing = false;
  private positioned: Promise<void>;
  private markPositioned: () => void = () => undefined;
  private aborters = new Set<() => void>();
  stopped = false;

  constructor(
    kafka: Kafka,
    readonly groupId: string,
    tuning: ConsumerTuning,
    private readonly logger: Logger,
    onRecovered: () => void,
  ) {
    this.consumer = kafka.consumer({
      groupId,
      sessionTimeout: tuning.sessionTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      maxWaitTimeInMs: tuning.maxWaitTimeMs,
      allowAutoTopicCreation: false,
      // kafkajs restarts a crashed consumer; keep doing so for ever (the broker may be down long).
      retry: { retries: 8, restartOnFailure: () => Promise.resolve(true) },
    });
    this.positioned = new Promise((resolve) => (this.markPositioned = resolve));
    const { GROUP_JOIN, CRASH, FETCH, REQUEST_TIMEOUT } = this.consumer.events;
    // Back to normal after trouble: joined again, or fetching again.
    const recover = () => {
      if (this.crashed === null) return;
      this.crashed = null;
      this.logger.info('Kafka consumer recovered', { groupId });
      onRecovered();
    };
    this.consumer.on(GROUP_JOIN, () => {
      this.joined = true;
      this.startFailing = false;
      recover();
    });
    this.consumer.on(FETCH, () => {
      if (!this.joined) return;
      // Offsets of a new group are resolved during the first fetch after joining.
      this.markPositioned();
      recover();
    });
    // A broker that stops answering shows up as request timeouts (kafkajs keeps retrying).
    this.consumer.on(REQUEST_TIMEOUT, () => {
      if (this.crashed === null) this.logger.warn('Kafka request timed out', { groupId });
      this.crashed ??= 'broker not answering (request timed out)';
    });
    this.consumer.on(CRASH, (event) => {
      this.joined = false;
      this.crashed = safe(event.payload.error);
      this.logger.warn('Kafka consumer crashed, restarting', { groupId, error: this.crashed });
    });
  }

  /**
   * Connects, subscribes and runs. When the broker is unreachable this keeps retrying in the
   * background (the caller goes on; joining later counts as a reconnect) instead of failing.
   */
  async start(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      await this.startFailed(error);
      void this.retryStart(run);
    }
  }

  private async retryStart(run: () => Promise<void>): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      await sleep(backoff(attempt));
      if (this.stopped) return;
      try {
        await run();
        return;
      } catch (error) {
        await this.startFailed(error);
      }
    }
  }

  private async startFailed(error: unknown): Promise<void> {
    this.crashed = safe(error);
    this.startFailing = true;
    this.logger.warn('Kafka consumer cannot start, retrying', { groupId: this.groupId, error: this.crashed });
    await this.consumer.disconnect().catch(() => undefined);
  }

  /** Resolves once the consumer has joined and knows where to read from (bounded wait). */
  whenPositioned(timeoutMs: number): Promise<void> {
    // Could not start at all (broker down): do not hold up the caller. A request that timed out
    // while joining is not that: kafkajs goes on joining, and returning early would let a
    // broadcast published right after be read past (seen under load in CI).
    if (this.startFailing) return Promise.resolve();
    return Promise.race([this.positioned, new Promise<void>((r) => setTimeout(r, timeoutMs).unref())]);
  }

  health(): { ok: boolean; detail?: string } {
    if (this.crashed) return { ok: false, detail: `Kafka consumer ${this.groupId}: ${this.crashed}` };
    if (!this.joined) return { ok: false, detail: `Kafka consumer ${this.groupId} has not joined its group` };
    return { ok: true };
  }

  /** Races handler work against stop(), so a dying consumer gives up its batch unacknowledged. */
  async abortable<T>(work: Promise<T>): Promise<T | 'aborted'> {
    let abort: () => void = () => undefined;
    const aborted = new Promise<'aborted'>((resolve) => (abort = () => resolve('aborted')));
    this.aborters.add(abort);
    try {
      return await Promise.race([work, aborted]);
    } finally {
      this.aborters.delete(abort);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const abort of this.aborters) abort();
    await this.consumer.disconnect().catch(() => undefined);
  }
}

export function toBusMessage(topic: Topic, partition: number, message: KafkaMessage): BusMessage | null {
  const header = message.headers?.id;
  const id = header ? header.toString() : `${topic}:${partition}:${message.offset}`;
  try {
    return { id, topic, payload: JSON.parse(message.value?.toString() ?? '') };
  } catch {
    return null;
  }
}

/** Broadcast batch: every message to every local handler in order, then commit. */
export async function handleBroadcastBatch(
  consumer: TrackedConsumer,
  payload: EachBatchPayload,
  prefix: string,
  dispatch: (message: BusMessage) => Promise<void>,
  logger: Logger,
): Promise<void> {
  const { batch } = payload;
  for (const message of batch.messages) {
    if (consumer.stopped || !payload.isRunning() || payload.isStale()) return;
    const bus = toBusMessage(batch.topic.slice(prefix.length) as BroadcastTopic, batch.partition, message);
    if (bus) await dispatch(bus);
    else
      logger.error('broadcast payload is not JSON, skipped', { topic: batch.topic, offset: message.offset });
    payload.resolveOffset(message.offset);
    await payload.heartbeat();
  }
  await commit(payload);
}

export interface JobBatchOptions {
  batchSize: number;
  maxDeliveries: number;
  retryBaseMs: number;
  handler: (messages: BusMessage[]) => Promise<void>;
}

/**
 * Job batch: hand out chunks of `batchSize`; commit after each chunk the handler resolved. A
 * failing chunk is retried in place with backoff (heartbeating meanwhile); after `maxDeliveries`
 * attempts it is logged and skipped. If the process dies first, nothing was committed, so the
 * group's next owner of the partition reads the chunk again.
 */
export async function handleJobBatch(
  consumer: TrackedConsumer,
  payload: EachBatchPayload,
  prefix: string,
  options: JobBatchOptions,
  logger: Logger,
): Promise<void> {
  const { batch } = payload;
  const topic = batch.topic.slice(prefix.length) as JobTopic;
  for (let start = 0; start < batch.messages.length; start += options.batchSize) {
    const chunk = batch.messages.slice(start, start + options.batchSize);
    const messages = chunk
      .map((m) => toBusMessage(topic, batch.partition, m))
      .filter((m): m is BusMessage => m !== null);
    if (messages.length < chunk.length) logger.error('job payload is not JSON, skipped', { topic });
    // `attempt` counts failures of the messages; a store outage is retried without counting, so it
    // never makes the chunk skipped however long it lasts.
    for (let attempt = 1, tries = 0; messages.length > 0; tries++) {
      if (consumer.stopped || !payload.isRunning() || payload.isStale()) return;
      try {
        if ((await consumer.abortable(options.handler(messages))) === 'aborted') return;
        break;
      } catch (error) {
        const transient = isTransientFailure(error);
        if (!transient && attempt >= options.maxDeliveries) {
          logger.error('job messages failed too often, skipped', {
            topic,
            messageIds: messages.map((m) => m.id),
            error: safe(error),
          });
          break;
        }
        logger.warn('job handler failed, retrying', {
          topic,
          attempt,
          counted: !transient,
          error: safe(error),
        });
        if (!transient) attempt++;
        await sleepWithHeartbeat(
          Math.min(MAX_RETRY_DELAY_MS, options.retryBaseMs * 2 ** Math.min(tries, 16)),
          payload,
        );
      }
    }
    payload.resolveOffset(chunk[chunk.length - 1].offset);
    await commit(payload);
  }
}

/** Manual commit of what was resolved (auto-commit is off: nothing is committed before it is handled). */
async function commit(payload: EachBatchPayload): Promise<void> {
  await payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
}

async function sleepWithHeartbeat(ms: number, payload: EachBatchPayload): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, until - Date.now())));
    await payload.heartbeat();
  }
}

const MAX_RETRY_DELAY_MS = 10_000;

function backoff(attempt: number): number {
  return Math.min(10_000, 250 * 2 ** Math.min(attempt, 8));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export function safe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
