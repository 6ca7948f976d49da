import type { InsightEvent } from '../insights/insight-event';

// The columns every analytics provider keeps beside an event (FeatBit's ClickHouse store
// materializes tag_0..tag_19 from the properties JSON for the same reason): which flag, which
// variation, which user. Extracted once, here, so the providers cannot disagree about them.

export const FLAG_VALUE_EVENT = 'FlagValue';

export interface InsightFields {
  /** For a FlagValue event, the flag key (distinct_id is `<envId>-<flagKey>`); else null. */
  flagKey: string | null;
  /** FlagValue: tag_1, the variation id. Metric events: null. */
  variationId: string | null;
  /** tag_0 for both kinds: the end user's keyId. */
  userKey: string | null;
  /** FlagValue: tag_3, metrics: tag_2; the end user's name. */
  userName: string | null;
}

const NONE: InsightFields = { flagKey: null, variationId: null, userKey: null, userName: null };

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Reads the fields from an event; properties that are not a JSON object give nulls, never a throw. */
export function insightFields(event: InsightEvent): InsightFields {
  let props: unknown;
  try {
    props = JSON.parse(event.properties);
  } catch {
    return NONE;
  }
  if (typeof props !== 'object' || props === null || Array.isArray(props)) return NONE;
  const p = props as Record<string, unknown>;
  if (event.event === FLAG_VALUE_EVENT) {
    const prefix = `${event.envId}-`;
    const flagKey =
      event.distinctId.startsWith(prefix) && event.distinctId.length > prefix.length
        ? event.distinctId.slice(prefix.length)
        : null;
    return { flagKey, variationId: text(p.tag_1), userKey: text(p.tag_0), userName: text(p.tag_3) };
  }
  return { flagKey: null, variationId: null, userKey: text(p.tag_0), userName: text(p.tag_2) };
}
