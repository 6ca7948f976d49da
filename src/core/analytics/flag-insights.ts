import type { FlagInsightsResult, InsightCount } from '../ports/analytics-query.port';
import { utcSeconds } from './insight-interval';

// FeatBit's insights response, built from what an analytics provider returns: every bucket of the
// range present, every variation of the flag present by name in the flag's order, 0 where absent.
// Beyond FeatBit, each entry carries distinct users beside evaluations, and each bucket a total
// (its users count a user once even when they were served two variations).

export interface VariationRef {
  id: string;
  name: string;
}

export interface VariationCountView {
  /** The variation's name (FeatBit's field), or its id when the flag no longer has it. */
  variation: string;
  variationId: string;
  count: number;
  users: number;
}

export interface InsightBucketView {
  /** Bucket start, UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  time: string;
  variations: VariationCountView[];
  total: { count: number; users: number };
}

export interface InsightsSummaryView {
  variations: VariationCountView[];
  total: { count: number; users: number };
}

function view(counts: readonly InsightCount[], variations: readonly VariationRef[]): InsightsSummaryView {
  const byId = new Map<string, InsightCount>();
  let total = { count: 0, users: 0 };
  for (const c of counts) {
    if (c.variationId === null) total = { count: c.evaluations, users: c.users };
    else byId.set(c.variationId, c);
  }
  const known = new Set(variations.map((v) => v.id));
  const rows: VariationCountView[] = variations.map((v) => {
    const c = byId.get(v.id);
    return { variation: v.name, variationId: v.id, count: c?.evaluations ?? 0, users: c?.users ?? 0 };
  });
  // A variation removed from the flag after it was served still shows, under its id, last.
  for (const [id, c] of [...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!known.has(id)) rows.push({ variation: id, variationId: id, count: c.evaluations, users: c.users });
  }
  return { variations: rows, total };
}

/** The series for `boundariesMs` (n + 1 boundaries → n buckets). */
export function insightSeries(
  boundariesMs: readonly number[],
  result: FlagInsightsResult,
  variations: readonly VariationRef[],
): InsightBucketView[] {
  const byBucket = new Map(result.buckets.map((b) => [b.bucket, b.counts]));
  const series: InsightBucketView[] = [];
  for (let i = 0; i + 1 < boundariesMs.length; i++) {
    series.push({ time: utcSeconds(boundariesMs[i]), ...view(byBucket.get(i) ?? [], variations) });
  }
  return series;
}

export function insightSummary(
  result: FlagInsightsResult,
  variations: readonly VariationRef[],
): InsightsSummaryView {
  return view(result.period, variations);
}
