import { TOPICS } from '../ports/message-bus.port';
import type { WireSegment } from '../segments/segment';
import {
  isRecord,
  type MessageParse,
  missingString,
  parsed,
  payloadObject,
  rejected,
} from './message-payload';
import { readTraceContext, type TraceContext, withTraceFields } from './trace-context';

// `featbit-segment-change`: `{segment, affectedFlagIds}`, one message per environment the segment
// applies to, `segment` being that environment's wire view (docs/reference/wire-protocol.md#internal-topics),
// plus the optional trace context (./trace-context.ts).

export interface SegmentChangeMessage {
  segment: WireSegment;
  affectedFlagIds: string[];
}

const REQUIRED = ['id', 'envId', 'updatedAt'] as const;

/** The message text, as the outbox stores and the bus carries it. */
export function segmentChangeJson(message: SegmentChangeMessage, trace?: TraceContext): string {
  return JSON.stringify(withTraceFields(message, trace));
}

/**
 * Reads a segment change from its JSON text or the value a bus decoded. `affectedFlagIds` is
 * optional: evaluation servers also push every flag whose rules reference the segment.
 */
export function parseSegmentChangeMessage(payload: unknown): MessageParse<SegmentChangeMessage> {
  const object = payloadObject(TOPICS.segmentChange, payload);
  if (!object.ok) return object;
  const { segment, affectedFlagIds } = object.value;
  if (!isRecord(segment)) return rejected(TOPICS.segmentChange, 'segment must be an object');
  const missing = missingString(segment, REQUIRED);
  if (missing !== null) return rejected(TOPICS.segmentChange, `segment.${missing} must be a string`);
  return parsed(
    {
      segment: segment as unknown as WireSegment,
      affectedFlagIds: Array.isArray(affectedFlagIds)
        ? affectedFlagIds.filter((id): id is string => typeof id === 'string')
        : [],
    },
    readTraceContext(object.value),
  );
}
