import { TOPICS, type MessageBus } from '../../../src/core/ports/message-bus.port';
import { createKafkaMessageBus } from '../../../src/infrastructure/mq/kafka/kafka-message.bus';
import { startKafkaBroker, type KafkaBroker } from '../../support/kafka-broker';
import { describeMessageBusContract, waitFor, type MessageBusHarness } from './message-bus.contract';

// The contract runs on a private Apache Kafka broker started here (through .ci/kafka.sh), so the
// outage case can pause it without disturbing anyone else; the tests below use the shared broker
// from TEST_KAFKA_BROKERS (what .ci/infra.sh starts), as the product would.
const sharedBrokers = (process.env.TEST_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

// Short group timeouts keep rebalances quick.
const tuning = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 500,
  rebalanceTimeoutMs: 6_000,
  requestTimeoutMs: 2_000,
  retryBaseMs: 100,
};

let broker: KafkaBroker;

async function createHarness(): Promise<MessageBusHarness> {
  broker = await startKafkaBroker();
  const clientId = `mqtest-${process.pid}`;
  return {
    createBus: (instanceId) =>
      Promise.resolve(createKafkaMessageBus({ brokers: [broker.brokers], clientId, instanceId, ...tuning })),
    // A dead member's partitions move once its session times out and the group rebalances.
    redeliveryWithinMs: 15_000,
    disconnect: () => broker.pause(5_000),
    createUnreachableBus: () =>
      Promise.resolve(
        createKafkaMessageBus({ brokers: ['127.0.0.1:1'], clientId, instanceId: 'unreachable', ...tuning }),
      ),
    teardown: () => broker.stop(),
  };
}

describeMessageBusContract('Kafka (kafkajs on Apache Kafka)', createHarness, { timeoutMs: 45_000 });

describe('Kafka bus on the shared broker (TEST_KAFKA_BROKERS)', () => {
  const buses: MessageBus[] = [];
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
  });
  const make = (run: string, instanceId: string, jobPartitions?: number) => {
    const bus = createKafkaMessageBus({
      brokers: sharedBrokers,
      clientId: run,
      instanceId,
      topicPrefix: `${run}.`,
      jobPartitions,
      ...tuning,
    });
    buses.push(bus);
    return bus;
  };

  it('carries a broadcast and a job', async () => {
    const run = `smoke-${Date.now()}`;
    const subscriber = make(run, 'sub');
    const worker = make(run, 'worker');
    const producer = make(run, 'producer');
    const seen: unknown[] = [];
    const jobs: unknown[] = [];
    await subscriber.subscribe(TOPICS.flagChange, (m) => void seen.push(m.payload));
    await worker.consume(TOPICS.endUsers, (messages) => {
      jobs.push(...messages.map((m) => m.payload));
      return Promise.resolve();
    });
    await producer.publish(TOPICS.flagChange, { flag: run });
    await producer.enqueue(TOPICS.endUsers, [{ user: run }]);
    await waitFor('broadcast and job', () => seen.length === 1 && jobs.length === 1, 30_000);
    expect(seen).toEqual([{ flag: run }]);
    expect(jobs).toEqual([{ user: run }]);
    expect((await producer.health()).ok).toBe(true);
  }, 60_000);

  it('delivers every job of many concurrent enqueues exactly once (merged into one idempotent request at a time)', async () => {
    const run = `concurrent-${Date.now()}`;
    const producer = make(run, 'producer');
    const workers = [make(run, 'w1'), make(run, 'w2')];
    const counts = new Map<number, number>();
    for (const worker of workers)
      await worker.consume(TOPICS.insights, (messages) => {
        for (const m of messages) {
          const n = (m.payload as { n: number }).n;
          counts.set(n, (counts.get(n) ?? 0) + 1);
        }
        return Promise.resolve();
      });
    // 50 callers at once, 20 jobs each, as concurrent SDK requests would enqueue them.
    await Promise.all(
      Array.from({ length: 50 }, (_, c) =>
        producer.enqueue(
          TOPICS.insights,
          Array.from({ length: 20 }, (_, i) => ({ n: c * 20 + i })),
        ),
      ),
    );
    await waitFor('1,000 jobs', () => counts.size === 1_000, 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect([...counts.values()].filter((c) => c !== 1)).toEqual([]);
  }, 60_000);

  it('creates its topics itself with the partitions it wants (the broker auto-creates nothing)', async () => {
    const run = `topics-${Date.now()}`;
    const bus = make(run, 'producer', 3);
    await bus.enqueue(TOPICS.insights, [{ n: 1 }]);
    const { Kafka, logLevel } = await import('kafkajs');
    const admin = new Kafka({ brokers: sharedBrokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({
        topics: Object.values(TOPICS).map((t) => `${run}.${t}`),
      });
      const partitions = Object.fromEntries(
        topics.map((t) => [t.name.slice(run.length + 1), t.partitions.length]),
      );
      expect(partitions).toEqual({
        [TOPICS.flagChange]: 1,
        [TOPICS.segmentChange]: 1,
        [TOPICS.removal]: 1,
        [TOPICS.endUsers]: 3,
        [TOPICS.insights]: 3,
        [TOPICS.usage]: 3,
      });
      // A topic nobody created stays absent: nothing relies on auto-creation.
      await expect(admin.fetchTopicMetadata({ topics: [`${run}.never-created`] })).rejects.toThrow();
    } finally {
      await admin.disconnect();
    }
  }, 60_000);
});
