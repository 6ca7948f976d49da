// W3C trace context carried by change messages so that one trace follows a change from the api
// role's request, through the outbox and the bus, to the evaluation role's push
// (docs/observability.md#tracing). Optional: only a process with tracing on writes it, and every
// parser accepts messages without it. It travels as two top-level fields of the message JSON, the
// names of the W3C headers, and parsers never hand them on with the message value (so neither the
// flag cache nor any SDK payload sees them).

export interface TraceContext {
  traceparent: string;
  tracestate?: string;
}

/** version-traceid-parentid-flags, lowercase hex; the all-zero ids are invalid. */
const TRACEPARENT = /^[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;
/** The W3C bound of a tracestate header (32 members of at most 256 characters; see the docs). */
const MAX_TRACESTATE_CHARS = 512;

/** A well-formed trace context from a carrier (message object or header map), else undefined. */
export function readTraceContext(carrier: Record<string, unknown>): TraceContext | undefined {
  const { traceparent, tracestate } = carrier;
  if (typeof traceparent !== 'string' || !TRACEPARENT.test(traceparent)) return undefined;
  return typeof tracestate === 'string' && tracestate !== '' && tracestate.length <= MAX_TRACESTATE_CHARS
    ? { traceparent, tracestate }
    : { traceparent };
}

/** Whether a message object carries trace fields (valid or not) that its value must not keep. */
export function hasTraceFields(message: Record<string, unknown>): boolean {
  return message.traceparent !== undefined || message.tracestate !== undefined;
}

/** The message object without its trace fields (a copy; the object itself when it has none). */
export function withoutTraceFields(message: Record<string, unknown>): Record<string, unknown> {
  if (!hasTraceFields(message)) return message;
  const { traceparent: _parent, tracestate: _state, ...rest } = message;
  return rest;
}

/** The message value with the trace context added as its last fields (the value itself when none). */
export function withTraceFields<T extends object>(message: T, trace: TraceContext | undefined): T {
  if (trace === undefined) return message;
  const { traceparent, tracestate } = trace;
  return tracestate === undefined ? { ...message, traceparent } : { ...message, traceparent, tracestate };
}
