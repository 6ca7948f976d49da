import { bucketIndex } from '../../../../core/analytics/insight-interval';
import type { FlagUserRow, InsightCount } from '../../../../core/ports/analytics-query.port';
import type { StoredInsightEvent } from '../../shared/entities/insight-event.entity';

// How MongoInsightEventRepository splits a read between hourly rollups and raw events, and folds
// both into the port's answers in Node (FerretDB v1 has no $addToSet, $bucket or $switch, so exact
// distinct users are counted here from projected cursors).

export const HOUR_US = 3_600_000_000;

/** A rollup document as written and read (`lastKey`: see lastKey below). */
export interface Rollup {
  envId: string;
  flagKey: string;
  hourUs: number;
  variationId: string;
  userKey: string;
  evaluations: number;
  lastUs: number;
  lastKey: string;
}

export const floorHour = (us: number): number => Math.floor(us / HOUR_US) * HOUR_US;
const ceilHour = (us: number): number => Math.ceil(us / HOUR_US) * HOUR_US;

/** Rollup hours to read, and the [from, to) ranges left to read from raw events. */
export interface ReadPlan {
  rollupHours: Set<number>;
  raw: [number, number][];
}

/**
 * Whole UTC hours inside [lo, hi) are read from rollups when `usable(hour)` says so (not pending, and
 * inside one bucket); everything else, merged into ranges, from raw events.
 */
export function planRead(lo: number, hi: number, usable: (hourUs: number) => boolean): ReadPlan {
  const rollupHours = new Set<number>();
  const raw: [number, number][] = [];
  const addRaw = (a: number, b: number): void => {
    if (a >= b) return;
    const last = raw[raw.length - 1];
    if (last && last[1] === a) last[1] = b;
    else raw.push([a, b]);
  };
  const first = ceilHour(lo);
  const end = floorHour(hi);
  if (first >= end) {
    addRaw(lo, hi);
    return { rollupHours, raw };
  }
  addRaw(lo, first);
  for (let h = first; h < end; h += HOUR_US) {
    if (usable(h)) rollupHours.add(h);
    else addRaw(h, h + HOUR_US);
  }
  addRaw(end, hi);
  return { rollupHours, raw };
}

/** True when the whole hour falls in one bucket of `boundaries`. */
export function hourInOneBucket(boundaries: readonly number[], hourUs: number): boolean {
  const i = bucketIndex(boundaries, hourUs);
  return i >= 0 && i === bucketIndex(boundaries, hourUs + HOUR_US - 1);
}

/** Evaluations and distinct users per variation and in total. */
export class CountAccumulator {
  private readonly byVariation = new Map<string, { evaluations: number; users: Set<string> }>();
  private readonly allUsers = new Set<string>();
  private total = 0;

  add(variationId: string, userKey: string, evaluations: number): void {
    let v = this.byVariation.get(variationId);
    if (!v) this.byVariation.set(variationId, (v = { evaluations: 0, users: new Set() }));
    v.evaluations += evaluations;
    v.users.add(userKey);
    this.allUsers.add(userKey);
    this.total += evaluations;
  }

  counts(): InsightCount[] {
    const out: InsightCount[] = [...this.byVariation].map(([variationId, v]) => ({
      variationId,
      evaluations: v.evaluations,
      users: v.users.size,
    }));
    if (this.total > 0) out.push({ variationId: null, evaluations: this.total, users: this.allUsers.size });
    return out;
  }
}

const PAD = 17; // µs since the epoch fit in 16 digits until the year 2286

/**
 * Latest time and name of a pair as one string: `$max` on it keeps the latest event, ties by the
 * greater name (the port's rule), in one atomic update. No name sorts below any name.
 */
export function lastKey(us: number, name: string | null): string {
  return String(us).padStart(PAD, '0') + (name === null ? '' : `\u0001${name}`);
}

export function parseLastKey(key: string): { us: number; name: string | null } {
  return { us: Number(key.slice(0, PAD)), name: key.length > PAD ? key.slice(PAD + 1) : null };
}

/** Who-saw-what pairs: the latest (time, name) of each (variation, user). */
export class PairAccumulator {
  private readonly pairs = new Map<string, { variationId: string; keyId: string; key: string }>();

  add(variationId: string, keyId: string, key: string): void {
    const id = `${variationId}\u0000${keyId}`;
    const was = this.pairs.get(id);
    if (!was) this.pairs.set(id, { variationId, keyId, key });
    else if (key > was.key) was.key = key;
  }

  /** Matching rows (needle: lower-case substring of keyId or the latest name), latest first. */
  rows(needle: string | undefined): FlagUserRow[] {
    const rows: FlagUserRow[] = [];
    for (const p of this.pairs.values()) {
      const { us, name } = parseLastKey(p.key);
      if (
        needle !== undefined &&
        !p.keyId.toLowerCase().includes(needle) &&
        !(name ?? '').toLowerCase().includes(needle)
      ) {
        continue;
      }
      rows.push({ variationId: p.variationId, keyId: p.keyId, name, lastEvaluatedAtUs: us });
    }
    return rows.sort(
      (a, b) =>
        b.lastEvaluatedAtUs - a.lastEvaluatedAtUs ||
        compareText(a.variationId, b.variationId) ||
        compareText(a.keyId, b.keyId),
    );
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Rollable = StoredInsightEvent & { flagKey: string; variationId: string; userKey: string };

/** A flag evaluation with the fields the rollups and reads group by. */
export function rollable(e: StoredInsightEvent): e is Rollable {
  return typeof e.flagKey === 'string' && typeof e.variationId === 'string' && typeof e.userKey === 'string';
}
