import type { DataStore } from '../../../../src/core/ports/data-store.port';
import { DuplicateKeyError } from '../../../../src/core/shared/errors';
import { flag, newId, workspace } from '../contract-fixtures';

export interface StoreCapabilities {
  /** Atomic multi-write transactions (false on a standalone MongoDB: no transactions there). */
  transactions: boolean;
  /** Why rollback cannot be tested here; named in the skipped tests' titles. */
  noTransactionsReason?: string;
  /**
   * Events in the bulk-insert case (100,000 unless set), with the reason for a smaller number: a
   * server shared by the suites running beside it must not be saturated for minutes.
   */
  bulkEvents?: { count: number; reason: string };
}

export function storeBehaviourSection(store: () => DataStore, caps: StoreCapabilities): void {
  const withRollback = (title: string, fn: () => Promise<void>): void => {
    if (caps.transactions) it(title, fn);
    else it.skip(`${title} (skipped: ${caps.noTransactionsReason ?? 'no transactions'})`, fn);
  };

  it('reports healthy once ready', async () => {
    await expect(store().whenReady()).resolves.toBeUndefined();
    expect(await store().health()).toEqual({ ok: true });
    expect(store().supportsTransactions).toBe(caps.transactions);
  });

  it('commits every write of a transaction and returns its result', async () => {
    const ws = workspace();
    const f = flag(newId());
    const result = await store().transaction(async (tx) => {
      await tx.workspaces.create(ws);
      await tx.flags.create(f);
      // Nested transactions join the outer one.
      return tx.transaction(async (inner) => (await inner.flags.findById(f.id))?.key);
    });
    expect(result).toBe(f.key);
    expect(await store().workspaces.findById(ws.id)).toEqual(ws);
    expect(await store().flags.findById(f.id)).toEqual(f);
  });

  // A standalone MongoDB has no transactions: work runs sequentially and earlier writes stay
  // (docs/storage.md says how callers order writes). The test runs where rollback exists.
  withRollback('rolls back every write when the work throws', async () => {
    const ws = workspace();
    const f = flag(newId());
    await expect(
      store().transaction(async (tx) => {
        await tx.workspaces.create(ws);
        await tx.flags.create(f);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store().workspaces.findById(ws.id)).toBeNull();
    expect(await store().flags.findById(f.id)).toBeNull();
  });

  withRollback('rolls back earlier writes when a later write hits a unique key', async () => {
    const existing = await store().workspaces.create(workspace());
    const fresh = workspace();
    await expect(
      store().transaction(async (tx) => {
        await tx.workspaces.create(fresh);
        await tx.workspaces.create(workspace({ key: existing.key }));
      }),
    ).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await store().workspaces.findById(fresh.id)).toBeNull();
  });

  if (!caps.transactions) {
    it('without transactions runs the work sequentially on the store and keeps writes made before a throw', async () => {
      const ws = workspace();
      await expect(
        store().transaction(async (tx) => {
          await tx.workspaces.create(ws);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store().workspaces.findById(ws.id)).toEqual(ws);
    });
  }
}
