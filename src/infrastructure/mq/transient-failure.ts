import { StoreUnavailableError } from '../../core/shared/errors';

/**
 * A job handler failed because a store it writes to is unreachable (a database outage), not because
 * of the messages: such a failure is retried without counting towards `maxDeliveries`, so an outage
 * never parks, dead-letters or skips jobs however long it lasts.
 */
export function isTransientFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof StoreUnavailableError || e.name === 'StoreUnavailableError') return true;
  }
  return false;
}
