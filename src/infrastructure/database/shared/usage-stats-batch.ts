import { type UsageRecord, yearMonth } from '../../../core/analytics/usage';

// The folding both usage-stats repositories share: a batch's records (one per id), their daily
// counters and their users' first sightings, each in key order so concurrent writers lock rows in
// the same order.

export interface UsageCounter {
  envId: string;
  date: string;
  flagEvaluations: number;
  customMetrics: number;
}

export interface UsageSighting {
  envId: string;
  /** The earliest date of the batch for the user in that month. */
  date: string;
  userKey: string;
}

const byKey = <T>(entries: Map<string, T>): T[] =>
  [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);

/** The batch with each record id once (the first occurrence). */
export function uniqueUsageRecords(records: readonly UsageRecord[]): UsageRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** Sums per (environment, date); records without events add no counter. */
export function usageCounters(records: readonly UsageRecord[]): UsageCounter[] {
  const sums = new Map<string, UsageCounter>();
  for (const r of records) {
    if (r.flagEvaluations === 0 && r.customMetrics === 0) continue;
    const key = `${r.envId}\u0000${r.recordedAt}`;
    const sum = sums.get(key) ?? { envId: r.envId, date: r.recordedAt, flagEvaluations: 0, customMetrics: 0 };
    sum.flagEvaluations += r.flagEvaluations;
    sum.customMetrics += r.customMetrics;
    sums.set(key, sum);
  }
  return byKey(sums);
}

/** One sighting per (environment, month, user): its earliest date in the batch. */
export function usageFirstSightings(records: readonly UsageRecord[]): UsageSighting[] {
  const first = new Map<string, UsageSighting>();
  for (const r of records) {
    for (const userKey of r.endUsers) {
      const key = `${r.envId}\u0000${yearMonth(r.recordedAt)}\u0000${userKey}`;
      const known = first.get(key);
      if (!known || r.recordedAt < known.date)
        first.set(key, { envId: r.envId, date: r.recordedAt, userKey });
    }
  }
  return byKey(first);
}
