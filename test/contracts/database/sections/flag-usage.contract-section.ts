import type { DataStore } from '../../../../src/core/ports/data-store.port';
import { newId } from '../contract-fixtures';

const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

export function flagUsageSection(store: () => DataStore): void {
  it('is empty for a flag nobody evaluated', async () => {
    const envId = newId();
    expect(await store().flagUsage.find(envId, 'never')).toBeNull();
    expect(await store().flagUsage.listByEnv(envId)).toEqual([]);
  });

  it('records first and last evaluation, widening the range across batches', async () => {
    const envId = newId();
    await store().flagUsage.record([{ envId, flagKey: 'checkout', firstMs: T0 + 5000, lastMs: T0 + 9000 }]);
    await store().flagUsage.record([
      { envId, flagKey: 'checkout', firstMs: T0 + 1000, lastMs: T0 + 6000 },
      { envId, flagKey: 'banner', firstMs: T0, lastMs: T0 },
    ]);
    await store().flagUsage.record([{ envId, flagKey: 'checkout', firstMs: T0 + 7000, lastMs: T0 + 12_000 }]);

    expect(await store().flagUsage.find(envId, 'checkout')).toEqual({
      envId,
      flagKey: 'checkout',
      firstEvaluatedAt: iso(T0 + 1000),
      lastEvaluatedAt: iso(T0 + 12_000),
    });
    expect((await store().flagUsage.listByEnv(envId)).map((u) => u.flagKey)).toEqual(['banner', 'checkout']);
  });

  it('changes nothing when the same batch is recorded again (queue re-delivery)', async () => {
    const envId = newId();
    const batch = [{ envId, flagKey: 'f', firstMs: T0, lastMs: T0 + 1 }];
    await store().flagUsage.record(batch);
    const once = await store().flagUsage.find(envId, 'f');
    await store().flagUsage.record(batch);
    expect(await store().flagUsage.find(envId, 'f')).toEqual(once);
  });

  it('keeps environments apart and ignores an empty batch', async () => {
    const a = newId();
    const b = newId();
    await store().flagUsage.record([]);
    await store().flagUsage.record([
      { envId: a, flagKey: 'same-key', firstMs: T0, lastMs: T0 },
      { envId: b, flagKey: 'same-key', firstMs: T0 + 60_000, lastMs: T0 + 60_000 },
    ]);
    expect((await store().flagUsage.find(a, 'same-key'))?.lastEvaluatedAt).toBe(iso(T0));
    expect((await store().flagUsage.find(b, 'same-key'))?.firstEvaluatedAt).toBe(iso(T0 + 60_000));
    expect(await store().flagUsage.listByEnv(a)).toHaveLength(1);
  });

  it('finds the usage of a page of flags in one call, skipping flags never evaluated', async () => {
    const envId = newId();
    await store().flagUsage.record([
      { envId, flagKey: 'b', firstMs: T0, lastMs: T0 + 2 },
      { envId, flagKey: 'a', firstMs: T0, lastMs: T0 + 1 },
      { envId, flagKey: 'c', firstMs: T0, lastMs: T0 },
    ]);
    const found = await store().flagUsage.findByKeys(envId, ['b', 'a', 'never']);
    expect(found.map((u) => [u.flagKey, u.lastEvaluatedAt])).toEqual([
      ['a', iso(T0 + 1)],
      ['b', iso(T0 + 2)],
    ]);
    expect(await store().flagUsage.findByKeys(envId, [])).toEqual([]);
    expect(await store().flagUsage.findByKeys(newId(), ['a'])).toEqual([]);
  });
}
