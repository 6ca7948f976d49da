import { startPrivatePostgres, startPrivateRedis } from './support/private-servers';
import { describeSplitDeployment } from './support/split-scenario';

jest.setTimeout(300_000);

// MQ_PROVIDER=postgres: the queue is the primary database (FeatBit's queue_messages table). The
// database runs on a private cluster so that it can crash and restart mid-run; the Redis cache, when
// on, is a private redis-server that goes down at the same moment.

for (const cache of ['none', 'redis'] as const) {
  describeSplitDeployment(
    `split roles on PostgreSQL, MQ_PROVIDER=postgres, CACHE_PROVIDER=${cache}`,
    { cutsSessions: true, cache: cache === 'redis' },
    async () => {
      const postgres = await startPrivatePostgres();
      const database = `split_pg_${cache}`;
      const url = await postgres.createDatabase(database);
      const redis = cache === 'redis' ? await startPrivateRedis({ appendOnly: false }) : null;
      return {
        env: {
          DB_PROVIDER: 'postgres',
          POSTGRES_URL: url,
          MQ_PROVIDER: 'postgres',
          CACHE_PROVIDER: cache,
          ...(redis ? { REDIS_URL: redis.url } : {}),
        },
        databaseUrl: url,
        cacheRedisUrl: redis?.url,
        terminateSessions: () => postgres.terminateSessions(database),
        outage: {
          begin: async () => {
            await Promise.all([postgres.crash(), redis?.kill()]);
          },
          end: async () => {
            await Promise.all([postgres.start(), redis?.start()]);
          },
          blocksManagement: true,
          losesQueuedJobs: false,
        },
        teardown: async () => {
          await redis?.stop();
          await postgres.destroy();
        },
      };
    },
  );
}
