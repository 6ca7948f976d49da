import { type FeatureFlag, SEGMENT_IN, SEGMENT_NOT_IN } from '../../../core/flags/feature-flag';

/** Whether a rule condition of the flag targets the segment (value is a JSON array of ids). */
export function referencesSegment(flag: FeatureFlag, segmentId: string): boolean {
  return (flag.rules ?? []).some((rule) =>
    (rule.conditions ?? []).some((c) => {
      if (c.property !== SEGMENT_IN && c.property !== SEGMENT_NOT_IN) return false;
      try {
        const ids: unknown = JSON.parse(c.value);
        return Array.isArray(ids) && ids.includes(segmentId);
      } catch {
        return false;
      }
    }),
  );
}

/** Binary (code-unit) order, the same on every provider. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
