import type { InsightEvent } from './insight-event';

// When each flag was first and last evaluated by an SDK, per environment: what the console's
// get-started check waits for, and what stale-flag detection will read. Only timestamps are kept,
// so recording the same batch twice (a queue re-delivery) changes nothing.

export interface FlagUsage {
  envId: string;
  flagKey: string;
  /** ISO-8601, from the SDK's own event timestamp. */
  firstEvaluatedAt: string;
  lastEvaluatedAt: string;
}

/** The earliest and latest evaluation of one flag in one batch of events (ms since the epoch). */
export interface FlagUsageDelta {
  envId: string;
  flagKey: string;
  firstMs: number;
  lastMs: number;
}

const FLAG_VALUE = 'FlagValue';

/**
 * Folds the `FlagValue` events of a batch into one delta per (environment, flag). FeatBit sets
 * distinct_id to `<envId>-<flagKey>`, which names the flag without parsing the properties JSON;
 * events of other kinds, or whose distinct_id does not start with their environment, are skipped.
 */
export function flagUsageDeltas(events: readonly InsightEvent[]): FlagUsageDelta[] {
  const byFlag = new Map<string, FlagUsageDelta>();
  for (const e of events) {
    if (e.event !== FLAG_VALUE) continue;
    const prefix = `${e.envId}-`;
    if (!e.distinctId.startsWith(prefix) || e.distinctId.length === prefix.length) continue;
    const ms = Math.floor(e.timestamp / 1000);
    if (!Number.isFinite(ms)) continue;
    const id = e.distinctId;
    const seen = byFlag.get(id);
    if (seen === undefined) {
      byFlag.set(id, { envId: e.envId, flagKey: id.slice(prefix.length), firstMs: ms, lastMs: ms });
    } else {
      if (ms < seen.firstMs) seen.firstMs = ms;
      if (ms > seen.lastMs) seen.lastMs = ms;
    }
  }
  return [...byFlag.values()];
}
