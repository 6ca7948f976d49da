import { NoneFlagCache } from '../../../src/infrastructure/cache/none/none-flag.cache';
import { describeFlagCacheContract } from './flag-cache.contract';

describeFlagCacheContract('none', () => Promise.resolve({ createCache: () => new NoneFlagCache() }));
