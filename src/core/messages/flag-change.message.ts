import type { FeatureFlag } from '../flags/feature-flag';
import { TOPICS } from '../ports/message-bus.port';
import { type MessageParse, missingString, parsed, payloadObject, rejected } from './message-payload';
import { readTraceContext, type TraceContext, withoutTraceFields, withTraceFields } from './trace-context';

// `featbit-feature-flag-change`: the whole flag document, as FeatBit's API publishes it
// (docs/reference/wire-protocol.md#internal-topics). Written by the api role's outbox, read by every
// evaluation server. With tracing on it also carries the change's trace context (./trace-context.ts),
// which the parser strips from the flag.

export type FlagChangeMessage = FeatureFlag;

/** The fields an evaluation server routes and orders a change by; the rest is the flag as stored. */
const REQUIRED = ['id', 'envId', 'key', 'updatedAt'] as const;

/** The message text, as the outbox stores and the bus carries it. */
export function flagChangeJson(flag: FeatureFlag, trace?: TraceContext): string {
  return JSON.stringify(withTraceFields(flag, trace));
}

/** Reads a flag change from its JSON text or the value a bus decoded. */
export function parseFlagChangeMessage(payload: unknown): MessageParse<FlagChangeMessage> {
  const object = payloadObject(TOPICS.flagChange, payload);
  if (!object.ok) return object;
  const missing = missingString(object.value, REQUIRED);
  if (missing !== null) return rejected(TOPICS.flagChange, `${missing} must be a string`);
  const flag = withoutTraceFields(object.value) as unknown as FlagChangeMessage;
  return parsed(flag, readTraceContext(object.value));
}
