import { createTestDatabase } from '../support/postgres-database';
import { startPrivateRedis } from './support/private-servers';
import { describeSplitDeployment } from './support/split-scenario';

jest.setTimeout(300_000);

// MQ_PROVIDER=redis: broadcasts over pub/sub, jobs in Redis streams with a consumer group. Redis is a
// private redis-server that is killed (SIGKILL) and restarted mid-run.
// - With the cache on, Redis runs with `appendonly yes, appendfsync always`: everything Redis
//   acknowledged survives the crash, so no job may be lost.
// - With the cache off, Redis runs as the test server does (no persistence): it comes back empty,
//   and exactly the job messages still in the stream when it died are lost (the test asserts that
//   only those are missing and that the loss does happen, as docs/deployment.md says).

for (const cache of ['redis', 'none'] as const) {
  const persistent = cache === 'redis';
  describeSplitDeployment(
    `split roles on PostgreSQL, MQ_PROVIDER=redis (${persistent ? 'append-only file, fsync always' : 'no persistence'}), CACHE_PROVIDER=${cache}`,
    { cutsSessions: false, cache: persistent },
    async () => {
      const database = await createTestDatabase(`split_redis_${cache}`);
      const redis = await startPrivateRedis({ appendOnly: persistent ? 'always' : false });
      return {
        env: {
          DB_PROVIDER: 'postgres',
          POSTGRES_URL: database.url,
          MQ_PROVIDER: 'redis',
          REDIS_URL: redis.url,
          CACHE_PROVIDER: cache,
        },
        databaseUrl: database.url,
        cacheRedisUrl: persistent ? redis.url : undefined,
        outage: {
          begin: () => redis.kill(),
          end: () => redis.start(),
          blocksManagement: false,
          losesQueuedJobs: !persistent,
        },
        teardown: async () => {
          await redis.stop();
          await database.drop();
        },
      };
    },
  );
}
