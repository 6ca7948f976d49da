import { FlagCache } from '../../../core/ports/flag-cache.port';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';

/**
 * CACHE_PROVIDER=none: a null object. Writes do nothing, reads answer null ("ask the database"),
 * and populate never runs the loader: there is nothing to fill.
 */
export class NoneFlagCache extends FlagCache {
  readonly healthName = 'cache';
  readonly enabled = false;

  upsertFlag(): Promise<void> {
    return Promise.resolve();
  }

  removeFlag(): Promise<void> {
    return Promise.resolve();
  }

  upsertSegment(): Promise<void> {
    return Promise.resolve();
  }

  removeSegment(): Promise<void> {
    return Promise.resolve();
  }

  upsertSecret(): Promise<void> {
    return Promise.resolve();
  }

  removeSecret(): Promise<void> {
    return Promise.resolve();
  }

  getFlagsSince(): Promise<null> {
    return Promise.resolve(null);
  }

  getSegmentsSince(): Promise<null> {
    return Promise.resolve(null);
  }

  getSecret(): Promise<null> {
    return Promise.resolve(null);
  }

  populate(): Promise<boolean> {
    return Promise.resolve(false);
  }

  health(): Promise<HealthStatus> {
    return Promise.resolve({ ok: true, detail: 'no cache configured' });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
