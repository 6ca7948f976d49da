import { type Job, newJob } from '../../../../src/core/jobs/job';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import { at, newId } from '../contract-fixtures';

// The durable job queue (docs/architecture.md#durable-jobs). Each test uses its own job kind, so the
// jobs of other tests (and other sections) never reach its claims.

const job = (kind: string, runAt: string, payload: Record<string, unknown> = {}): Job =>
  newJob({ id: newId(), kind, payload, runAt }, at(0));

const claim = (store: DataStore, kind: string, owner: string, now: string, leaseUntil: string, limit = 10) =>
  store.jobs.claim({ owner, now, leaseUntil, limit, kinds: [kind] });

export function jobsSection(store: () => DataStore, transactions: boolean): void {
  it('claims only due jobs of the asked kinds, oldest first, counting attempts', async () => {
    const kind = `k-${newId()}`;
    const other = `o-${newId()}`;
    const late = job(kind, at(5), { n: 2 });
    const early = job(kind, at(1), { n: 1, nested: { list: [1, 'a'] } });
    const future = job(kind, at(60));
    for (const j of [late, future, early, job(other, at(0))]) await store().jobs.enqueue(j);

    const got = await claim(store(), kind, 'w1', at(10), at(40));
    expect(got.map((j) => j.id)).toEqual([early.id, late.id]);
    expect(got[0]).toMatchObject({
      kind,
      payload: { n: 1, nested: { list: [1, 'a'] } },
      attempts: 1,
      status: 'pending',
      lockedBy: 'w1',
      lockedUntil: at(40),
    });
    expect(await claim(store(), kind, 'w2', at(11), at(41))).toEqual([]);
  });

  it('a lapsed lease lets another worker claim; only the holder settles', async () => {
    const kind = `k-${newId()}`;
    const j = job(kind, at(0));
    await store().jobs.enqueue(j);
    expect(await claim(store(), kind, 'w1', at(1), at(5))).toHaveLength(1);
    expect(await claim(store(), kind, 'w2', at(4), at(8))).toEqual([]);
    const [again] = await claim(store(), kind, 'w2', at(6), at(9));
    expect(again).toMatchObject({ id: j.id, attempts: 2, lockedBy: 'w2' });
    expect(await store().jobs.complete(j.id, 'w1')).toBe(false);
    expect(await store().jobs.retry(j.id, 'w1', at(20), 'late')).toBe(false);
    expect(await store().jobs.fail(j.id, 'w1', 'late')).toBe(false);
    expect(await store().jobs.complete(j.id, 'w2')).toBe(true);
    expect(await store().jobs.findById(j.id)).toBeNull();
  });

  it('retry releases the lease and waits for runAt; fail stops the job and keeps the error', async () => {
    const kind = `k-${newId()}`;
    const j = job(kind, at(0));
    await store().jobs.enqueue(j);
    await claim(store(), kind, 'w1', at(1), at(100));
    expect(await store().jobs.retry(j.id, 'w1', at(30), 'HTTP 500')).toBe(true);
    expect(await store().jobs.findById(j.id)).toMatchObject({
      runAt: at(30),
      lockedBy: null,
      lockedUntil: null,
      lastError: 'HTTP 500',
      attempts: 1,
      status: 'pending',
    });
    expect(await claim(store(), kind, 'w2', at(29), at(200))).toEqual([]);
    const [second] = await claim(store(), kind, 'w2', at(31), at(200));
    expect(second).toMatchObject({ id: j.id, attempts: 2 });
    expect(await store().jobs.fail(j.id, 'w2', 'gave up')).toBe(true);
    expect(await store().jobs.findById(j.id)).toMatchObject({ status: 'failed', lastError: 'gave up' });
    expect(await claim(store(), kind, 'w3', at(1000), at(2000))).toEqual([]);
    await store().jobs.delete(j.id);
    expect(await store().jobs.findById(j.id)).toBeNull();
  });

  it('concurrent claimers never share a job and together take every one', async () => {
    const kind = `k-${newId()}`;
    const ids = new Set<string>();
    for (let i = 0; i < 24; i++) {
      const j = job(kind, at(i % 3));
      ids.add(j.id);
      await store().jobs.enqueue(j);
    }
    const rounds = await Promise.all(
      ['a', 'b', 'c', 'd'].map(async (owner) => {
        const mine: string[] = [];
        for (;;) {
          const got = await claim(store(), kind, owner, at(10), at(100), 3);
          if (got.length === 0) return mine;
          mine.push(...got.map((g) => g.id));
        }
      }),
    );
    const all = rounds.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(ids);
  });

  // MongoDB standalone has no transactions: callers enqueue after their other writes (docs/storage.md).
  (transactions ? it : it.skip)('a job enqueued in a transaction that fails is not stored', async () => {
    const kind = `k-${newId()}`;
    const j = job(kind, at(0));
    await expect(
      store().transaction(async (tx) => {
        await tx.jobs.enqueue(j);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store().jobs.findById(j.id)).toBeNull();
  });
}
