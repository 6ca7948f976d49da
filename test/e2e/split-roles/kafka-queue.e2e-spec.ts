import { startKafkaBroker } from '../../support/kafka-broker';
import { createTestDatabase } from '../support/postgres-database';
import { startPrivateRedis } from './support/private-servers';
import { describeSplitDeployment } from './support/split-scenario';

jest.setTimeout(300_000);

// MQ_PROVIDER=kafka on a private Apache Kafka broker (the shared one on 9092 is left alone). The
// outage is a crash (SIGKILL) and a restart on the same log directory under load: what the broker
// acknowledged is on disk, so no job message may be lost.

describeSplitDeployment(
  'split roles on PostgreSQL, MQ_PROVIDER=kafka (Apache Kafka), CACHE_PROVIDER=redis',
  { cutsSessions: false, cache: true },
  async () => {
    const database = await createTestDatabase('split_kafka');
    const kafka = await startKafkaBroker();
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
        begin: () => kafka.kill(),
        end: () => kafka.start(),
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
