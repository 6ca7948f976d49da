import type Redis from 'ioredis';
import type { BusMessage, JobTopic } from '../../../core/ports/message-bus.port';
import type { Logger } from '../../../core/ports/logger.port';
import { isTransientFailure } from '../transient-failure';
import { redactRedis, TrackedRedis } from './redis-connection';

export const JOBS_GROUP = 'featbit-jobs';

export interface StreamConsumerOptions {
  url: string;
  /** Command connection shared by the bus (acks, claims, group creation). */
  commands: Redis;
  streamKey: string;
  deadLetterKey: string;
  topic: JobTopic;
  consumerName: string;
  batchSize: number;
  visibilityTimeoutMs: number;
  maxDeliveries: number;
  /** First delay before a failed batch is read again from this consumer's pending entries. */
  retryBaseMs: number;
  handler: (messages: BusMessage[]) => Promise<void>;
  logger: Logger;
  maxRetryDelayMs?: number;
}

type StreamEntry = [id: string, fields: string[]];

/**
 * One competing consumer on a Redis stream with a consumer group. New entries come from
 * XREADGROUP on a dedicated blocking connection; entries another consumer left unacknowledged for
 * longer than the visibility timeout are taken over with XAUTOCLAIM. Handled entries are XACKed and
 * XDELed; entries that failed `maxDeliveries` times move to a dead-letter stream.
 */
export class StreamConsumer {
  private readonly reader: TrackedRedis;
  private running = false;
  private abort: (() => void) | null = null;
  private lastClaimAt = 0;
  private groupReady = false;
  /** When to re-read this consumer's own unacknowledged entries (after a failure or a lost reply). */
  private ownPendingDueAt: number | null = null;
  private failedBatches = 0;
  private loopDone: Promise<void> = Promise.resolve();

  constructor(private readonly o: StreamConsumerOptions) {
    this.reader = new TrackedRedis({
      url: o.url,
      name: `${o.consumerName}-reader`,
      logger: o.logger,
      // A blocked read waits through an outage instead of failing.
      redis: { maxRetriesPerRequest: null },
      maxRetryDelayMs: o.maxRetryDelayMs,
    });
    // A reply lost with the connection leaves entries pending for this consumer: read them again.
    this.reader.onReconnect(() => (this.ownPendingDueAt = Date.now()));
  }

  get connection(): TrackedRedis {
    return this.reader;
  }

  start(): void {
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    // A batch still in the handler stays pending and is claimed by another consumer later.
    this.abort?.();
    this.reader.client.disconnect();
    await this.loopDone;
    await this.forgetIfIdle();
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.ensureGroup();
        if (this.ownPendingDueAt !== null && Date.now() >= this.ownPendingDueAt) {
          this.ownPendingDueAt = null;
          const own = await this.readOwnPending();
          if (own.length > 0) await this.handle(own);
          if (!this.running) break;
        }
        const claimed = await this.claimAbandoned();
        if (claimed.length > 0) await this.handle(claimed);
        if (!this.running) break;
        const fresh = await this.readNew();
        if (fresh.length > 0) await this.handle(fresh);
        failures = 0;
      } catch (error) {
        if (!this.running) break;
        const message = redactRedis(error instanceof Error ? error.message : String(error));
        // The stream or group vanished (Redis restarted without persistence): create them again.
        if (message.includes('NOGROUP')) this.groupReady = false;
        this.o.logger.warn('stream consumer error', { topic: this.o.topic, error: message });
        await sleep(Math.min(5_000, 100 * 2 ** Math.min(++failures, 6)));
      }
    }
  }

  private async ensureGroup(): Promise<void> {
    if (this.groupReady) return;
    try {
      // From 0: jobs enqueued before the first consumer existed are not lost.
      await this.o.commands.xgroup('CREATE', this.o.streamKey, JOBS_GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('BUSYGROUP'))) throw error;
    }
    this.groupReady = true;
  }

  private async claimAbandoned(): Promise<StreamEntry[]> {
    const now = Date.now();
    if (now - this.lastClaimAt < this.o.visibilityTimeoutMs / 2) return [];
    this.lastClaimAt = now;
    const reply = (await this.o.commands.xautoclaim(
      this.o.streamKey,
      JOBS_GROUP,
      this.o.consumerName,
      this.o.visibilityTimeoutMs,
      '0-0',
      'COUNT',
      this.o.batchSize,
    )) as [string, (StreamEntry | null)[], string[]?];
    return (reply[1] ?? []).filter((entry): entry is StreamEntry => entry !== null);
  }

  /** Entries delivered to this consumer and not acknowledged (XREADGROUP from id 0). */
  private async readOwnPending(): Promise<StreamEntry[]> {
    const reply = (await this.reader.client.xreadgroup(
      'GROUP',
      JOBS_GROUP,
      this.o.consumerName,
      'COUNT',
      this.o.batchSize,
      'STREAMS',
      this.o.streamKey,
      '0',
    )) as [string, StreamEntry[]][] | null;
    const all = reply?.[0]?.[1] ?? [];
    // A full page may have more behind it.
    if (all.length === this.o.batchSize) this.ownPendingDueAt = Date.now();
    // Entries deleted meanwhile come back as [id, null]: nothing left to handle, just acknowledge.
    const gone = all.filter(([, fields]) => !Array.isArray(fields)).map(([id]) => id);
    if (gone.length > 0) await this.o.commands.xack(this.o.streamKey, JOBS_GROUP, ...gone);
    return all.filter(([, fields]) => Array.isArray(fields));
  }

  private async readNew(): Promise<StreamEntry[]> {
    const block = Math.max(100, Math.min(1_000, Math.floor(this.o.visibilityTimeoutMs / 2)));
    const reply = (await this.reader.client.xreadgroup(
      'GROUP',
      JOBS_GROUP,
      this.o.consumerName,
      'COUNT',
      this.o.batchSize,
      'BLOCK',
      block,
      'STREAMS',
      this.o.streamKey,
      '>',
    )) as [string, StreamEntry[]][] | null;
    return reply?.[0]?.[1] ?? [];
  }

  private async handle(entries: StreamEntry[]): Promise<void> {
    const messages: BusMessage[] = [];
    const unreadable: string[] = [];
    for (const [id, fields] of entries) {
      const raw = fieldValue(fields, 'payload');
      try {
        messages.push({ id, topic: this.o.topic, payload: JSON.parse(raw ?? '') });
      } catch {
        unreadable.push(id);
      }
    }
    if (unreadable.length > 0) await this.deadLetter(unreadable, 'payload is not JSON');
    if (messages.length === 0) return;
    const aborted = new Promise<'aborted'>((resolve) => (this.abort = () => resolve('aborted')));
    try {
      if ((await Promise.race([this.o.handler(messages), aborted])) === 'aborted') return;
    } catch (error) {
      await this.afterFailure(
        messages.map((m) => m.id),
        error,
      );
      return;
    } finally {
      this.abort = null;
    }
    this.failedBatches = 0;
    await this.acknowledge(messages.map((m) => m.id));
  }

  private async acknowledge(ids: string[]): Promise<void> {
    // If this fails the entries stay pending and come back: at-least-once.
    await this.o.commands
      .multi()
      .xack(this.o.streamKey, JOBS_GROUP, ...ids)
      .xdel(this.o.streamKey, ...ids)
      .exec();
  }

  /** Left pending: XAUTOCLAIM hands them out again after the visibility timeout. */
  private async afterFailure(ids: string[], error: unknown): Promise<void> {
    const reason = redactRedis(error instanceof Error ? error.message : String(error));
    // Retry soon from this consumer's own pending entries, with backoff; if this process dies
    // first, XAUTOCLAIM hands them to another consumer after the visibility timeout.
    const delayMs = Math.min(
      this.o.visibilityTimeoutMs,
      this.o.retryBaseMs * 2 ** Math.min(this.failedBatches++, 16),
    );
    this.ownPendingDueAt = Date.now() + delayMs;
    if (isTransientFailure(error)) {
      // A store outage is not the messages' fault: never dead-letter because of it.
      this.o.logger.warn('job handler failed, messages will be redelivered', {
        topic: this.o.topic,
        count: ids.length,
        retryInMs: delayMs,
        counted: false,
        error: reason,
      });
      return;
    }
    const sorted = [...ids].sort(compareIds);
    const pending = (await this.o.commands.xpending(
      this.o.streamKey,
      JOBS_GROUP,
      sorted[0],
      sorted[sorted.length - 1],
      ids.length,
      this.o.consumerName,
    )) as [string, string, number, number][];
    const exhausted = pending
      .filter(([, , , deliveries]) => deliveries >= this.o.maxDeliveries)
      .map(([id]) => id);
    this.o.logger.warn('job handler failed, messages will be redelivered', {
      topic: this.o.topic,
      count: ids.length - exhausted.length,
      error: reason,
    });
    if (exhausted.length > 0) await this.deadLetter(exhausted, reason);
  }

  private async deadLetter(ids: string[], reason: string): Promise<void> {
    this.o.logger.error('job messages failed too often, moved to the dead-letter stream', {
      topic: this.o.topic,
      deadLetterKey: this.o.deadLetterKey,
      messageIds: ids,
      error: reason,
    });
    const entries = (
      await Promise.all(ids.map((id) => this.o.commands.xrange(this.o.streamKey, id, id)))
    ).flat();
    const tx = this.o.commands.multi();
    for (const [id, fields] of entries) {
      tx.xadd(this.o.deadLetterKey, 'MAXLEN', '~', 10_000, '*', 'id', id, 'error', reason, ...fields);
    }
    await tx
      .xack(this.o.streamKey, JOBS_GROUP, ...ids)
      .xdel(this.o.streamKey, ...ids)
      .exec();
  }

  /** Drop this consumer from the group when it holds nothing, so restarts leave no litter. */
  private async forgetIfIdle(): Promise<void> {
    try {
      const summary = await this.o.commands.xpending(
        this.o.streamKey,
        JOBS_GROUP,
        '-',
        '+',
        1,
        this.o.consumerName,
      );
      if (summary.length === 0) {
        await this.o.commands.xgroup('DELCONSUMER', this.o.streamKey, JOBS_GROUP, this.o.consumerName);
      }
    } catch {
      // Redis unavailable: the consumer entry stays, harmless.
    }
  }
}

function fieldValue(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am === bm ? Number(as - bs) : am < bm ? -1 : 1;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
