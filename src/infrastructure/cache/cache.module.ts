import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { FlagCache } from '../../core/ports/flag-cache.port';
import { Logger } from '../../core/ports/logger.port';

/** Only the api (which fills the cache) and evaluation (which reads it) roles use the cache. */
function usesCache(config: AppConfig): boolean {
  return config.roles.includes('api') || config.roles.includes('evaluation');
}

/**
 * Binds FlagCache to the adapter CACHE_PROVIDER selects ('none' is a real null object). A process
 * running only the analytics role gets 'none': it never touches the cache, so a cache outage must
 * not make it unready.
 */
export async function createFlagCache(config: AppConfig, logger: Logger): Promise<FlagCache> {
  const cache = usesCache(config) ? config.cache : ({ provider: 'none' } as const);
  switch (cache.provider) {
    case 'none': {
      const { NoneFlagCache } = await import('./none/none-flag.cache');
      return new NoneFlagCache();
    }
    case 'redis': {
      const { createRedisFlagCache } = await import('./redis/redis-flag.cache');
      return createRedisFlagCache({
        url: cache.redisUrl,
        logger: logger.child({ component: 'cache' }),
      });
    }
  }
}

@Global()
@Module({})
export class CacheModule {
  static forRoot(): DynamicModule {
    return {
      module: CacheModule,
      providers: [{ provide: FlagCache, useFactory: createFlagCache, inject: [AppConfig, Logger] }],
      exports: [FlagCache],
    };
  }
}
