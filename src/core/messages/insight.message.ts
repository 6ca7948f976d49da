import type { InsightEvent } from '../insights/insight-event';
import { TOPICS } from '../ports/message-bus.port';
import { type MessageParse, parsed, payloadObject, rejected } from './message-payload';

// `featbit-insights`: one analytics event in FeatBit's `events` shape, snake_case, timestamp in
// microseconds (docs/reference/wire-protocol.md#insight-messages). Published by the evaluation role,
// consumed by the analytics role.

export interface InsightMessage {
  uuid: string;
  distinct_id: string;
  env_id: string;
  event: string;
  properties: string;
  timestamp: number;
}

/** The message for an event (the field order is FeatBit's, so the JSON reads the same). */
export function insightMessage(event: InsightEvent): InsightMessage {
  return {
    uuid: event.uuid,
    distinct_id: event.distinctId,
    env_id: event.envId,
    event: event.event,
    properties: event.properties,
    timestamp: event.timestamp,
  };
}

const STRINGS = ['uuid', 'distinct_id', 'env_id', 'event', 'properties'] as const;

/** Reads an insight message into the event it carries. */
export function parseInsightMessage(payload: unknown): MessageParse<InsightEvent> {
  const object = payloadObject(TOPICS.insights, payload);
  if (!object.ok) return object;
  const m = object.value;
  const notString = STRINGS.find((f) => typeof m[f] !== 'string');
  if (notString !== undefined) return rejected(TOPICS.insights, `${notString} must be a string`);
  if (m.uuid === '' || m.env_id === '') return rejected(TOPICS.insights, 'uuid and env_id must not be empty');
  const timestamp = m.timestamp;
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp < 0) {
    return rejected(TOPICS.insights, 'timestamp must be microseconds since the epoch');
  }
  return parsed({
    uuid: m.uuid as string,
    distinctId: m.distinct_id as string,
    envId: m.env_id as string,
    event: m.event as string,
    properties: m.properties as string,
    timestamp,
  });
}
