import type { UsageRecord } from '../../../../src/core/analytics/usage';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import { newId } from '../contract-fixtures';

const record = (envId: string, recordedAt: string, over: Partial<UsageRecord> = {}): UsageRecord => ({
  id: newId(),
  envId,
  recordedAt,
  endUsers: [],
  flagEvaluations: 0,
  customMetrics: 0,
  ...over,
});

const NOVEMBER = { startDate: '2026-11-01', endDate: '2026-11-30' };

export function usageStatsSection(store: () => DataStore): void {
  it('is empty without usage, and for no environments', async () => {
    const envId = newId();
    expect(await store().usageStats.byEnvironment([envId], NOVEMBER)).toEqual([]);
    expect(await store().usageStats.daily([envId], NOVEMBER)).toEqual([]);
    expect(await store().usageStats.byEnvironment([], NOVEMBER)).toEqual([]);
    expect(await store().usageStats.apply([])).toEqual({ applied: 0 });
  });

  it('sums events per day and counts each user at its first sighting of the month', async () => {
    const a = newId();
    const b = newId();
    await store().usageStats.apply([
      record(a, '2026-11-02', { endUsers: ['u1', 'u2'], flagEvaluations: 5, customMetrics: 1 }),
      record(a, '2026-11-02', { endUsers: ['u1'], flagEvaluations: 2 }),
    ]);
    await store().usageStats.apply([
      record(a, '2026-11-03', { endUsers: ['u2', 'u3'], flagEvaluations: 1, customMetrics: 4 }),
      record(b, '2026-11-03', { endUsers: ['u1'], flagEvaluations: 10 }),
      // A new month: u1 counts again, on its first day in December.
      record(a, '2026-12-01', { endUsers: ['u1'], flagEvaluations: 100 }),
    ]);
    expect(await store().usageStats.byEnvironment([a, b], NOVEMBER)).toEqual(
      [
        { envId: a, uniqueUsers: 3, flagEvaluations: 8, customMetrics: 5 },
        { envId: b, uniqueUsers: 1, flagEvaluations: 10, customMetrics: 0 },
      ].sort((x, y) => (x.envId < y.envId ? -1 : 1)),
    );
    expect(await store().usageStats.daily([a, b], NOVEMBER)).toEqual([
      { date: '2026-11-02', newUsers: 2, flagEvaluations: 7, customMetrics: 1 },
      { date: '2026-11-03', newUsers: 2, flagEvaluations: 11, customMetrics: 4 },
    ]);
    expect(await store().usageStats.daily([a], { startDate: '2026-11-03', endDate: '2026-12-31' })).toEqual([
      { date: '2026-11-03', newUsers: 1, flagEvaluations: 1, customMetrics: 4 },
      { date: '2026-12-01', newUsers: 1, flagEvaluations: 100, customMetrics: 0 },
    ]);
  });

  it('applies each record id once, ever: a re-delivered batch changes nothing', async () => {
    const envId = newId();
    const batch = [
      record(envId, '2026-11-05', { endUsers: ['x', 'y'], flagEvaluations: 3, customMetrics: 2 }),
      record(envId, '2026-11-06', { endUsers: ['z'], flagEvaluations: 4 }),
    ];
    expect(await store().usageStats.apply(batch)).toEqual({ applied: 2 });
    const once = [
      await store().usageStats.byEnvironment([envId], NOVEMBER),
      await store().usageStats.daily([envId], NOVEMBER),
    ];
    expect(await store().usageStats.apply(batch)).toEqual({ applied: 0 });
    // Partly known, with a duplicate inside the batch.
    const extra = record(envId, '2026-11-06', { flagEvaluations: 1 });
    expect(await store().usageStats.apply([batch[1], extra, extra])).toEqual({ applied: 1 });
    await Promise.all([store().usageStats.apply(batch), store().usageStats.apply(batch)]);
    expect(await store().usageStats.byEnvironment([envId], NOVEMBER)).toEqual([
      { ...once[0][0], flagEvaluations: 8 },
    ]);
    expect((await store().usageStats.daily([envId], NOVEMBER)).map((d) => d.flagEvaluations)).toEqual([3, 5]);
  });

  it('keeps the earliest sighting of a month, whatever the order records arrive in', async () => {
    const envId = newId();
    await store().usageStats.apply([record(envId, '2026-11-20', { endUsers: ['late'] })]);
    await store().usageStats.apply([record(envId, '2026-11-10', { endUsers: ['late'] })]);
    await store().usageStats.apply([record(envId, '2026-11-25', { endUsers: ['late'] })]);
    expect(await store().usageStats.daily([envId], NOVEMBER)).toEqual([
      { date: '2026-11-10', newUsers: 1, flagEvaluations: 0, customMetrics: 0 },
    ]);
  });

  it('reads only the environments and dates asked for (both ends inclusive)', async () => {
    const a = newId();
    const other = newId();
    await store().usageStats.apply([
      record(a, '2026-10-31', { endUsers: ['before'], flagEvaluations: 1 }),
      record(a, '2026-11-01', { endUsers: ['first'], flagEvaluations: 2 }),
      record(a, '2026-11-30', { endUsers: ['last'], flagEvaluations: 3 }),
      record(a, '2026-12-01', { endUsers: ['after'], flagEvaluations: 4 }),
      record(other, '2026-11-15', { endUsers: ['elsewhere'], flagEvaluations: 50 }),
    ]);
    expect(await store().usageStats.byEnvironment([a], NOVEMBER)).toEqual([
      { envId: a, uniqueUsers: 2, flagEvaluations: 5, customMetrics: 0 },
    ]);
  });
}
