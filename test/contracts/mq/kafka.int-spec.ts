import { TOPICS, type MessageBus } from '../../../src/core/ports/messaging.ports';
import { createKafkaMessageBus } from '../../../src/infrastructure/mq/kafka/kafka-message.bus';
import { describeMessageBusContract, waitFor, type MessageBusHarness } from './message-bus.contract';
import { startKafkaMock, type KafkaMock } from './support/kafka-mock';

// The whole contract runs on a private librdkafka mock cluster (kcat + socat) started here, so the
// outage case can pause it without disturbing anyone else; a smoke test below uses the shared
// stand-in from TEST_KAFKA_BROKERS (what .ci/infra.sh starts), as the product would.
const sharedBrokers = (process.env.TEST_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

// Short group timeouts keep rebalances quick; the mock still delays a new group's first join ~3 s.
const tuning = {
  sessionTimeoutMs: 3_000,
  heartbeatIntervalMs: 300,
  rebalanceTimeoutMs: 3_000,
  requestTimeoutMs: 2_000,
  retryBaseMs: 100,
};

let mock: KafkaMock;

async function createHarness(): Promise<MessageBusHarness> {
  mock = await startKafkaMock();
  const clientId = `mqtest-${process.pid}`;
  return {
    createBus: (instanceId) =>
      Promise.resolve(createKafkaMessageBus({ brokers: [mock.bootstrap], clientId, instanceId, ...tuning })),
    // A dead member's partitions move once its session times out and the group rebalances.
    redeliveryWithinMs: 10_000,
    disconnect: () => mock.pause(5_000),
    createUnreachableBus: () =>
      Promise.resolve(
        createKafkaMessageBus({ brokers: ['127.0.0.1:1'], clientId, instanceId: 'unreachable', ...tuning }),
      ),
    teardown: () => mock.stop(),
  };
}

describeMessageBusContract('Kafka (kafkajs on the librdkafka mock cluster)', createHarness, {
  timeoutMs: 45_000,
});

describe('Kafka bus on the shared stand-in (TEST_KAFKA_BROKERS)', () => {
  const buses: MessageBus[] = [];
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
  });

  it('carries a broadcast and a job', async () => {
    const run = `smoke-${Date.now()}`;
    const prefix = `${run}.`;
    const make = (instanceId: string) => {
      const bus = createKafkaMessageBus({
        brokers: sharedBrokers,
        clientId: run,
        instanceId,
        topicPrefix: prefix,
        ...tuning,
      });
      buses.push(bus);
      return bus;
    };
    const subscriber = make('sub');
    const worker = make('worker');
    const producer = make('producer');
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
});
