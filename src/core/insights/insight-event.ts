/**
 * One analytics event in FeatBit's `events` shape
 * (docs/reference/wire-protocol.md#insight-messages):
 * flag evaluations (`event` = "FlagValue") and custom metrics (`event` = the metric type).
 */
export interface InsightEvent {
  /** Unique per event; consumers de-duplicate on it. */
  uuid: string;
  distinctId: string;
  envId: string;
  event: string;
  /** JSON text, as FeatBit carries it. */
  properties: string;
  /** Microseconds since the Unix epoch. */
  timestamp: number;
}

/** The message FeatBit's evaluation server puts on `featbit-insights`. */
export interface InsightMessage {
  uuid: string;
  distinct_id: string;
  env_id: string;
  event: string;
  properties: string;
  timestamp: number;
}

export function insightMessageToEvent(m: InsightMessage): InsightEvent {
  return {
    uuid: m.uuid,
    distinctId: m.distinct_id,
    envId: m.env_id,
    event: m.event,
    properties: m.properties,
    timestamp: m.timestamp,
  };
}
