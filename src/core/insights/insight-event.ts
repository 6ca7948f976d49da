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
