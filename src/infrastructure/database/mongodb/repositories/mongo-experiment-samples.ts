import { metricValue } from '../../../../core/analytics/metric-value';
import type {
  ExperimentSamples,
  ExperimentSamplesQuery,
  ExperimentVariationSample,
} from '../../../../core/ports/analytics-query.port';
import type { StoredInsightEvent } from '../../shared/entities/insight-event.entity';
import type { MongoCollection } from '../mongo-collection';

// MongoInsightEventRepository.experimentSamples (the semantics are the port's:
// src/core/ports/analytics-query.port.ts). FerretDB v1 has no $group on computed keys worth using
// here, so both sides stream projected cursors (one pass each) and are folded in Node: each user's
// first exposure, then their metric events at or after it. Re-delivered events were never stored
// twice (the uuid is `_id`).

interface First {
  us: number;
  variationId: string;
}

function parsed(properties: unknown): Record<string, unknown> | null {
  if (typeof properties !== 'string') return null;
  try {
    const value: unknown = JSON.parse(properties);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export async function mongoExperimentSamples(
  events: MongoCollection<StoredInsightEvent>,
  q: ExperimentSamplesQuery,
): Promise<ExperimentSamples> {
  if (q.fromUs >= q.toUs) return { variations: [] };
  const timestamp = { $gte: q.fromUs, $lt: q.toUs };
  const firsts = new Map<string, First>();
  await events.run(async (m) => {
    const cursor = m.collection.find(
      { envId: q.envId, flagKey: q.flagKey, timestamp },
      { projection: { _id: 0, variationId: 1, userKey: 1, timestamp: 1, properties: 1 } },
    );
    for await (const d of cursor) {
      const { variationId, userKey } = d;
      if (typeof variationId !== 'string' || typeof userKey !== 'string') continue;
      if (parsed(d.properties)?.tag_2 !== 'true') continue;
      const us = d.timestamp as number;
      const was = firsts.get(userKey);
      // Earliest exposure wins; equal times: the smaller variation id, as on every provider.
      if (!was || us < was.us || (us === was.us && variationId < was.variationId)) {
        firsts.set(userKey, { us, variationId });
      }
    }
  });
  const values = new Map<string, number>();
  if (firsts.size) {
    await events.run(async (m) => {
      const cursor = m.collection.find(
        { envId: q.envId, distinctId: q.metricEventName, event: q.metricEvent, timestamp },
        { projection: { _id: 0, userKey: 1, timestamp: 1, properties: 1 } },
      );
      for await (const d of cursor) {
        const first = typeof d.userKey === 'string' ? firsts.get(d.userKey) : undefined;
        if (!first || (d.timestamp as number) < first.us) continue;
        const key = d.userKey as string;
        values.set(key, (values.get(key) ?? 0) + metricValue(parsed(d.properties)?.tag_1));
      }
    });
  }
  const byVariation = new Map<string, ExperimentVariationSample>();
  for (const [userKey, first] of firsts) {
    let s = byVariation.get(first.variationId);
    if (!s) {
      s = { variationId: first.variationId, users: 0, converted: 0, sum: 0, sumSquares: 0 };
      byVariation.set(first.variationId, s);
    }
    s.users += 1;
    const value = values.get(userKey);
    if (value === undefined) continue;
    s.converted += 1;
    s.sum += value;
    s.sumSquares += value * value;
  }
  return { variations: [...byVariation.values()] };
}
