import { StoreUnavailableError } from '../../core/shared/errors';
import { isTransientFailure } from './transient-failure';

describe('isTransientFailure', () => {
  it('recognises an unavailable store, also as the cause of another error', () => {
    expect(isTransientFailure(new StoreUnavailableError('PostgreSQL'))).toBe(true);
    expect(
      isTransientFailure(new Error('write failed', { cause: new StoreUnavailableError('MongoDB') })),
    ).toBe(true);
  });

  it('treats everything else as a failure of the messages', () => {
    expect(isTransientFailure(new Error('duplicate key'))).toBe(false);
    expect(isTransientFailure('PostgreSQL is unavailable')).toBe(false);
    expect(isTransientFailure(null)).toBe(false);
  });
});
