import { createTestDatabase } from '../support/postgres-database';
import { startPrivateKafka, startPrivateRedis } from './support/private-servers';
import { describeSplitDeployment } from './support/split-scenario';

jest.setTimeout(300_000);

// MQ_PROVIDER=kafka on a private librdkafka mock cluster (no Kafka broker can be installed here;
// the shared stand-in on 9092 is left alone). The outage freezes the broker (SIGSTOP) and lets it
// run on (SIGCONT): killing the mock would lose its log, which a real broker keeps on disk.

describeSplitDeployment(
  'split roles on PostgreSQL, MQ_PROVIDER=kafka, CACHE_PROVIDER=redis',
  { cutsSessions: false, cache: true },
  async () => {
    const database = await createTestDatabase('split_kafka');
    const kafka = await startPrivateKafka();
    const redis = await startPrivateRedis({ appendOnly: false });
    return {
      env: {
        DB_PROVIDER: 'postgres',
        POSTGRES_URL: database.url,
        MQ_PROVIDER: 'kafka',
        KAFKA_BROKERS: kafka.brokers,
        CACHE_PROVIDER: 'redis',
        REDIS_URL: redis.url,
      },
      databaseUrl: database.url,
      cacheRedisUrl: redis.url,
      outage: {
        begin: () => Promise.resolve(kafka.freeze()),
        end: () => Promise.resolve(kafka.resume()),
        blocksManagement: false,
        losesQueuedJobs: false,
      },
      teardown: async () => {
        await kafka.stop();
        await redis.stop();
        await database.drop();
      },
    };
  },
);
