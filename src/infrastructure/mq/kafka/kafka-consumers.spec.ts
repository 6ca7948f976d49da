import { type EachBatchPayload, Kafka, logLevel } from 'kafkajs';
import type { BusMessage } from '../../../core/ports/message-bus.port';
import { StoreUnavailableError } from '../../../core/shared/errors';
import { silentLogger } from '../../../core/ports/logger.port';
import { handleJobBatch, TrackedConsumer } from './kafka-consumers';

// handleJobBatch with the batch kafkajs hands to eachBatch: offsets are resolved and committed only
// after the handler succeeded; a failing chunk is retried in place; a store outage never makes it
// skipped, whereas a chunk that keeps failing for its own reasons is skipped after maxDeliveries.

function batchPayload(count: number) {
  const resolved: string[] = [];
  const committed: string[] = [];
  const payload = {
    batch: {
      topic: 'featbit-insights',
      partition: 0,
      messages: Array.from({ length: count }, (_, i) => ({
        offset: String(i),
        key: null,
        value: Buffer.from(JSON.stringify({ n: i })),
        headers: { id: Buffer.from(`id-${i}`) },
        timestamp: '0',
        attributes: 0,
      })),
    },
    resolveOffset: (offset: string) => resolved.push(offset),
    uncommittedOffsets: () => ({
      topics: [
        { topic: 'featbit-insights', partitions: [{ partition: '0', offset: resolved.at(-1) ?? '-1' }] },
      ],
    }),
    commitOffsetsIfNecessary: () => {
      if (resolved.length > 0) committed.push(resolved.at(-1)!);
      return Promise.resolve();
    },
    heartbeat: () => Promise.resolve(),
    isRunning: () => true,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { payload, resolved, committed };
}

describe('handleJobBatch', () => {
  const kafka = new Kafka({ brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING });
  const consumer = new TrackedConsumer(
    kafka,
    'unit',
    { sessionTimeoutMs: 30_000, heartbeatIntervalMs: 3_000, rebalanceTimeoutMs: 60_000, maxWaitTimeMs: 500 },
    silentLogger,
    () => undefined,
  );
  const options = (handler: (m: BusMessage[]) => Promise<void>) => ({
    batchSize: 2,
    maxDeliveries: 2,
    retryBaseMs: 1,
    handler,
  });

  it('commits each chunk only after its handler resolved', async () => {
    const { payload, committed } = batchPayload(3);
    const seen: string[][] = [];
    await handleJobBatch(
      consumer,
      payload,
      '',
      options((m) => {
        seen.push(m.map((x) => x.id));
        return Promise.resolve();
      }),
      silentLogger,
    );
    expect(seen).toEqual([['id-0', 'id-1'], ['id-2']]);
    expect(committed).toEqual(['1', '2']);
  });

  it('retries a chunk through a store outage longer than maxDeliveries, then commits it', async () => {
    const { payload, committed } = batchPayload(1);
    let calls = 0;
    await handleJobBatch(
      consumer,
      payload,
      '',
      options(() =>
        ++calls <= 4 ? Promise.reject(new StoreUnavailableError('PostgreSQL')) : Promise.resolve(),
      ),
      silentLogger,
    );
    expect(calls).toBe(5);
    expect(committed).toEqual(['0']);
  });

  it('skips a chunk that keeps failing for its own reasons after maxDeliveries', async () => {
    const { payload, committed } = batchPayload(1);
    let calls = 0;
    await handleJobBatch(
      consumer,
      payload,
      '',
      options(() => {
        calls++;
        return Promise.reject(new Error('poison'));
      }),
      silentLogger,
    );
    expect(calls).toBe(2);
    expect(committed).toEqual(['0']);
  });
});
