import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A re-entrant async mutex: work started from inside a held section (same async context) runs
 * straight through instead of deadlocking. PGlite has a single session, so the store uses this to
 * keep other callers' statements out of an open transaction.
 */
export class ReentrantMutex {
  private tail: Promise<void> = Promise.resolve();
  private readonly holder = new AsyncLocalStorage<ReentrantMutex>();

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.holder.getStore() === this) return work();
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await this.holder.run(this, work);
    } finally {
      release();
    }
  }
}
