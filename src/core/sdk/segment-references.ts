import { SEGMENT_IN, SEGMENT_NOT_IN, type FeatureFlag } from '../flags/feature-flag';

/**
 * Ids of the segments a flag's rules reference (segment conditions carry a JSON array of ids).
 * Malformed values reference nothing here; the evaluator reports them.
 */
export function referencedSegmentIds(flag: FeatureFlag): string[] {
  const ids = new Set<string>();
  const rules: unknown = flag?.rules;
  if (!Array.isArray(rules)) return [];
  for (const rule of rules as { conditions?: unknown }[]) {
    if (!Array.isArray(rule?.conditions)) continue;
    for (const c of rule.conditions as { property?: unknown; value?: unknown }[]) {
      if (c?.property !== SEGMENT_IN && c?.property !== SEGMENT_NOT_IN) continue;
      if (typeof c.value !== 'string') continue;
      try {
        const parsed: unknown = JSON.parse(c.value);
        if (Array.isArray(parsed)) for (const id of parsed) if (typeof id === 'string') ids.add(id);
      } catch {
        // not a list: references nothing
      }
    }
  }
  return [...ids];
}
