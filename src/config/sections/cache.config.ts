import { oneOf } from '../env-parsers';
import { CACHE_PROVIDERS, variable } from '../env-variable.types';
import { caseInsensitive } from './featbit-values';

/** Input of AppConfig.cache (its Redis connection is REDIS_URL, in the messaging table). */
export const CACHE_CONFIG = {
  provider: variable({
    name: 'CACHE_PROVIDER',
    description: 'Shared cache of flags, segments and secrets',
    parser: oneOf(CACHE_PROVIDERS),
    default: 'none',
    aliases: [
      {
        name: 'CacheProvider',
        allowed: ['None', 'Redis'],
        mapValue: caseInsensitive({ none: 'none', redis: 'redis' }),
      },
    ],
  }),
};
