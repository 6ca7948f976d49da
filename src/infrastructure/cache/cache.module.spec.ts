import { loadAppConfig } from '../../config/load-app-config';
import type { Role } from '../../roles/role';
import { silentLogger } from '../../core/ports/logger.port';
import { createFlagCache } from './cache.module';

const env = {
  DB_PROVIDER: 'postgres',
  POSTGRES_URL: 'postgres://postgres@127.0.0.1:1/none',
  MQ_PROVIDER: 'redis',
  CACHE_PROVIDER: 'redis',
  REDIS_URL: 'redis://127.0.0.1:1',
  JWT_SECRET: 'cache-module-spec-secret-0123456789abcdef',
};

describe('createFlagCache', () => {
  it.each<[Role[], boolean]>([
    [['api'], true],
    [['evaluation'], true],
    [['analytics'], false],
    [['api', 'analytics'], true],
  ])('with CACHE_PROVIDER=redis, roles %j get the Redis cache: %s', async (roles, enabled) => {
    const cache = await createFlagCache(loadAppConfig(env, roles), silentLogger);
    try {
      expect(cache.enabled).toBe(enabled);
    } finally {
      await cache.close();
    }
  });
});
