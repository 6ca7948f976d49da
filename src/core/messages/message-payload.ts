import { parseBoundedJson, tooDeepMessage, valueExceedsDepth } from '../json/bounded-json';
import type { TraceContext } from './trace-context';

// What every topic's parser shares: a payload comes either as JSON text (an outbox row) or as the
// value a bus adapter decoded; both are held to the nesting bound of src/core/json/bounded-json.ts
// before anything recursive (stringify, evaluation) touches them.

/** `trace`: the W3C trace context the message carried, when it carried a valid one (./trace-context.ts). */
export type MessageParse<T> = { ok: true; value: T; trace?: TraceContext } | { ok: false; error: string };

export function parsed<T>(value: T, trace?: TraceContext): MessageParse<T> {
  return trace === undefined ? { ok: true, value } : { ok: true, value, trace };
}

export function rejected<T>(topic: string, problem: string): MessageParse<T> {
  return { ok: false, error: `${topic}: ${problem}` };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** The payload as a JSON object, or why it is not one (bad JSON, too deep, not an object). */
export function payloadObject(topic: string, payload: unknown): MessageParse<Record<string, unknown>> {
  let value = payload;
  if (typeof payload === 'string') {
    const result = parseBoundedJson(payload);
    if (!result.ok) return rejected(topic, result.message);
    value = result.value;
  } else if (valueExceedsDepth(payload)) {
    return rejected(topic, tooDeepMessage());
  }
  return isRecord(value) ? parsed(value) : rejected(topic, 'the payload must be a JSON object');
}

/** The first of `fields` that is not a string in `record`, for the error message. */
export function missingString(record: Record<string, unknown>, fields: readonly string[]): string | null {
  return fields.find((f) => typeof record[f] !== 'string') ?? null;
}
