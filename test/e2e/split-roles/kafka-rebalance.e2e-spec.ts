import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { startKafkaBroker, type KafkaBroker } from '../../support/kafka-broker';
import { signIn } from '../support/management-client';
import { createTestDatabase, type TestDatabase } from '../support/postgres-database';
import { type RunningProduct, startProduct } from '../support/product';
import { InsightLoad } from './support/insight-load';
import { SPLIT_JWT_SECRET, SplitDeployment } from './support/split-deployment';

jest.setTimeout(300_000);

// Consumer groups on a real broker: 1 api, 2 evaluation and 2 analytics processes share a private
// Apache Kafka broker. One analytics replica is killed (SIGKILL) while events stream in: once its
// session times out, its partitions of featbit-insights move to the other replica, which reads
// them from the last committed offset, so no event is lost.

const INSIGHTS_GROUP = 'featbit-ts-jobs-featbit-insights';
const PHASES = { before: 2_000, during: 4_000, after: 2_000 } as const;
const TOTAL = PHASES.before + PHASES.during + PHASES.after;

describe('Kafka consumer groups: an analytics replica killed mid-stream', () => {
  let kafka: KafkaBroker;
  let database: TestDatabase;
  let deployment: SplitDeployment;
  let second: RunningProduct;

  /** Partitions of featbit-insights per live member of the analytics group. */
  const assignments = async (): Promise<number[][]> => {
    const admin = new Kafka({ brokers: [kafka.brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([INSIGHTS_GROUP]);
      if (groups[0]?.state !== 'Stable') return [];
      return groups[0].members.map((m) => {
        const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
        return [...(decoded?.assignment['featbit-insights'] ?? [])].sort();
      });
    } finally {
      await admin.disconnect();
    }
  };
  const waitForAssignments = async (members: number, timeoutMs: number): Promise<number[][]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await assignments();
      if (now.length === members && now.every((p) => p.length > 0)) return now;
      if (Date.now() > deadline)
        throw new Error(`group never had ${members} members: ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  beforeAll(async () => {
    kafka = await startKafkaBroker();
    database = await createTestDatabase('split_kafka_rebalance');
    const env = {
      DB_PROVIDER: 'postgres',
      POSTGRES_URL: database.url,
      MQ_PROVIDER: 'kafka',
      KAFKA_BROKERS: kafka.brokers,
    };
    deployment = await SplitDeployment.start({ env });
    second = await startProduct({
      roles: 'analytics',
      env: { JWT_SECRET: SPLIT_JWT_SECRET, LOG_LEVEL: 'info', ...env },
    });
  });

  afterAll(async () => {
    await second?.stop();
    await deployment?.stop();
    await kafka?.stop();
    await database?.drop();
  });

  it(`the survivor takes over the killed replica's partitions and all ${TOTAL.toLocaleString('en')} events arrive`, async () => {
    const api = await signIn(deployment.api.baseUrl);
    const env = await api.environment('dev');
    const secret = env.secrets.find((s) => s.type === 'server')!.value;
    const load = new InsightLoad(deployment.evaluations, secret, `rebalance-${Date.now().toString(36)}`);

    // The product created featbit-insights with 4 partitions: two for each analytics replica.
    const split = await waitForAssignments(2, 90_000);
    expect(split.flat().sort()).toEqual([0, 1, 2, 3]);

    await load.send('before', PHASES.before);
    const during = load.send('during', PHASES.during);
    await new Promise((r) => setTimeout(r, 500));
    await second.stop('SIGKILL');
    await during;
    // The session of the dead member times out (30 s) and the group rebalances onto the survivor.
    expect(await waitForAssignments(1, 90_000)).toEqual([[0, 1, 2, 3]]);
    await load.send('after', PHASES.after);

    const counted = await load.settle(database.url, TOTAL, 90_000);
    const missing = Array.from({ length: TOTAL }, (_, n) => n).filter(
      (n) => !counted.once.has(n) && !counted.duplicates.has(n),
    );
    console.log(
      `kafka rebalance summary ${JSON.stringify({ sent: load.sent, rows: counted.rows, uuids: counted.uuids, exactlyOnce: counted.once.size, duplicated: counted.duplicates.size, missing: missing.length, retriedRequests: load.retried.length })}`,
    );
    expect(load.sent).toBe(TOTAL);
    expect({ missing: missing.length, first: missing.slice(0, 10) }).toEqual({ missing: 0, first: [] });
    // A redelivered chunk carries the same uuids: stored once.
    expect(counted.uuids).toBe(counted.rows);
    // Two rows for one event only when the SDK request itself was retried.
    const retried = new Set(
      load.retried.flatMap((b) => Array.from({ length: b.count }, (_, i) => b.first + i)),
    );
    expect([...counted.duplicates.keys()].filter((n) => !retried.has(n))).toEqual([]);
  });
});
