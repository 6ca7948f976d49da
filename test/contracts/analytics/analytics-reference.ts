import type { InsightEvent } from '../../../src/core/insights/insight-event';
import type {
  ExperimentSamples,
  ExperimentSamplesQuery,
  ExperimentVariationSample,
  FlagInsightsQuery,
  FlagInsightsResult,
  FlagUserRow,
  FlagUsersPage,
  FlagUsersQuery,
  InsightCount,
} from '../../../src/core/ports/analytics-query.port';

// The test oracle of the analytics query contract: the port's semantics computed the slowest,
// plainest way, from each event's properties JSON read here (not through the extraction the adapters
// share), so a mistake there shows as a disagreement.

interface Exposure {
  flagKey: string;
  variationId: string;
  userKey: string;
  userName: string | null;
  us: number;
}

function exposures(events: readonly InsightEvent[], envId: string): Exposure[] {
  const seen = new Set<string>();
  const out: Exposure[] = [];
  for (const e of events) {
    if (seen.has(e.uuid)) continue;
    seen.add(e.uuid);
    if (e.envId !== envId || e.event !== 'FlagValue') continue;
    const p = JSON.parse(e.properties) as Record<string, unknown>;
    if (typeof p.tag_0 !== 'string' || typeof p.tag_1 !== 'string') continue;
    out.push({
      flagKey: e.distinctId.slice(envId.length + 1),
      variationId: p.tag_1,
      userKey: p.tag_0,
      userName: typeof p.tag_3 === 'string' ? p.tag_3 : null,
      us: e.timestamp,
    });
  }
  return out;
}

function counts(rows: readonly Exposure[]): InsightCount[] {
  const out: InsightCount[] = [];
  const variations = [...new Set(rows.map((r) => r.variationId))].sort();
  for (const v of variations) {
    const of = rows.filter((r) => r.variationId === v);
    out.push({ variationId: v, evaluations: of.length, users: new Set(of.map((r) => r.userKey)).size });
  }
  if (rows.length > 0) {
    out.push({
      variationId: null,
      evaluations: rows.length,
      users: new Set(rows.map((r) => r.userKey)).size,
    });
  }
  return out;
}

export function referenceInsights(events: readonly InsightEvent[], q: FlagInsightsQuery): FlagInsightsResult {
  const rows = exposures(events, q.envId).filter(
    (r) => r.flagKey === q.flagKey && r.us >= q.fromUs && r.us < q.toUs,
  );
  const buckets: FlagInsightsResult['buckets'] = [];
  for (let i = 0; i + 1 < q.boundariesUs.length; i++) {
    const inBucket = rows.filter((r) => r.us >= q.boundariesUs[i] && r.us < q.boundariesUs[i + 1]);
    if (inBucket.length > 0) buckets.push({ bucket: i, counts: counts(inBucket) });
  }
  return { buckets, period: counts(rows) };
}

export function referenceUsers(events: readonly InsightEvent[], q: FlagUsersQuery): FlagUsersPage {
  const needle = q.query?.toLowerCase();
  const pairs = new Map<string, Exposure>();
  for (const r of exposures(events, q.envId)) {
    if (r.flagKey !== q.flagKey || r.us < q.fromUs || r.us >= q.toUs) continue;
    if (q.variationId !== undefined && r.variationId !== q.variationId) continue;
    const key = `${r.variationId}\u0000${r.userKey}`;
    const best = pairs.get(key);
    // The latest event names the pair; equal times: the greater name, so every provider agrees.
    if (!best || r.us > best.us || (r.us === best.us && (r.userName ?? '') > (best.userName ?? ''))) {
      pairs.set(key, r);
    }
  }
  // The text filter applies to the pair's events, FeatBit's rows: a pair matches when any of its
  // events matched; with one name per user in the generated set, the latest name decides.
  const rows: FlagUserRow[] = [...pairs.values()]
    .filter(
      (r) =>
        needle === undefined ||
        r.userKey.toLowerCase().includes(needle) ||
        (r.userName ?? '').toLowerCase().includes(needle),
    )
    .map((r) => ({ variationId: r.variationId, keyId: r.userKey, name: r.userName, lastEvaluatedAtUs: r.us }))
    .sort(
      (a, b) =>
        b.lastEvaluatedAtUs - a.lastEvaluatedAtUs ||
        (a.variationId < b.variationId ? -1 : a.variationId > b.variationId ? 1 : 0) ||
        (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0),
    );
  const start = q.pageIndex * q.pageSize;
  return { totalCount: rows.length, items: rows.slice(start, start + q.pageSize) };
}

/** Provider answers in a comparable order (the port allows any order of buckets and counts). */
export function normalizeInsights(result: FlagInsightsResult): FlagInsightsResult {
  const sortCounts = (c: readonly InsightCount[]): InsightCount[] =>
    [...c]
      .map((x) => ({
        variationId: x.variationId,
        evaluations: Number(x.evaluations),
        users: Number(x.users),
      }))
      .sort((a, b) => ((a.variationId ?? '\uffff') < (b.variationId ?? '\uffff') ? -1 : 1));
  return {
    buckets: [...result.buckets]
      .filter((b) => b.counts.length > 0)
      .map((b) => ({ bucket: b.bucket, counts: sortCounts(b.counts) }))
      .sort((a, b) => a.bucket - b.bucket),
    period: sortCounts(result.period),
  };
}

function propertiesOf(e: InsightEvent): Record<string, unknown> | null {
  try {
    const p: unknown = JSON.parse(e.properties);
    return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A metric event's value: a string of decimal digits (with a fraction and an exponent) or 0. */
function valueOf(tag1: unknown): number {
  return typeof tag1 === 'string' && /^-?\d{1,20}(\.\d{1,20})?([eE][-+]?\d{1,2})?$/.test(tag1)
    ? parseFloat(tag1)
    : 0;
}

/** The port's experiment samples, user by user: the first exposure, then the events after it. */
export function referenceExperimentSamples(
  events: readonly InsightEvent[],
  q: ExperimentSamplesQuery,
): ExperimentSamples {
  const unique = [...new Map(events.map((e) => [e.uuid, e])).values()];
  const inWindow = (e: InsightEvent) =>
    e.envId === q.envId && e.timestamp >= q.fromUs && e.timestamp < q.toUs;
  const first = new Map<string, { us: number; variationId: string }>();
  for (const e of unique) {
    if (!inWindow(e) || e.event !== 'FlagValue' || e.distinctId !== `${q.envId}-${q.flagKey}`) continue;
    const p = propertiesOf(e);
    if (!p || p.tag_2 !== 'true' || typeof p.tag_0 !== 'string' || typeof p.tag_1 !== 'string') continue;
    const was = first.get(p.tag_0);
    if (!was || e.timestamp < was.us || (e.timestamp === was.us && p.tag_1 < was.variationId)) {
      first.set(p.tag_0, { us: e.timestamp, variationId: p.tag_1 });
    }
  }
  const values = new Map<string, number[]>();
  for (const e of unique) {
    if (!inWindow(e) || e.event !== q.metricEvent || e.distinctId !== q.metricEventName) continue;
    const p = propertiesOf(e);
    const user = p?.tag_0;
    if (typeof user !== 'string') continue;
    const exposure = first.get(user);
    if (!exposure || e.timestamp < exposure.us) continue;
    values.set(user, [...(values.get(user) ?? []), valueOf(p?.tag_1)]);
  }
  const variations = new Map<string, ExperimentVariationSample>();
  for (const [user, { variationId }] of first) {
    const s = variations.get(variationId) ?? { variationId, users: 0, converted: 0, sum: 0, sumSquares: 0 };
    variations.set(variationId, s);
    s.users++;
    const counted = values.get(user);
    if (!counted) continue;
    const value = counted.reduce((a, b) => a + b, 0);
    s.converted++;
    s.sum += value;
    s.sumSquares += value ** 2;
  }
  return { variations: [...variations.values()] };
}

/** Provider answers by variation id, as plain numbers. */
export function normalizeExperimentSamples(result: ExperimentSamples): ExperimentVariationSample[] {
  return result.variations
    .map((v) => ({
      variationId: v.variationId,
      users: Number(v.users),
      converted: Number(v.converted),
      sum: Number(v.sum),
      sumSquares: Number(v.sumSquares),
    }))
    .sort((a, b) => (a.variationId < b.variationId ? -1 : 1));
}
