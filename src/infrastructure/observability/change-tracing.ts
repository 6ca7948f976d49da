import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { readTraceContext, type TraceContext } from '../../core/messages/trace-context';

// The spans that follow a change from the api role to the SDK push (docs/observability.md#tracing),
// on the @opentelemetry/api facade. Every helper first reads `tracingState.on`, which only OtelTracing
// sets once an SDK is registered: with tracing off (the default) nothing here allocates a span or
// touches a context, and the callers' hot paths do one boolean read.
//
// The message's trace context is that of its "create" span (the outbox write), as OpenTelemetry's
// messaging conventions propagate a message's creation context: the relay's "send" span and every
// evaluation server's "process" span are its children, and the relay publishes the stored JSON as it is.

export const tracingState = { on: false };

const TRACER = 'featbit-ts';

function tracer() {
  return trace.getTracer(TRACER);
}

function messagingAttributes(operation: 'create' | 'send' | 'process', topic: string): Attributes {
  return {
    'messaging.operation.type': operation,
    'messaging.operation.name': operation,
    'messaging.destination.name': topic,
  };
}

function failed(span: Span, err: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
}

/** Runs `fn` inside a span that ends when it settles (an error marks the span). */
async function inSpan<T>(span: Span, parent: Context, fn: () => Promise<T>): Promise<T> {
  try {
    return await context.with(trace.setSpan(parent, span), fn);
  } catch (err) {
    failed(span, err);
    throw err;
  } finally {
    span.end();
  }
}

/**
 * The outbox write of one change message, a child of the active context (the management request):
 * `write` gets the trace context to store with the message, undefined when tracing is off.
 */
export async function traceOutboxCreate<T>(
  topic: string,
  attributes: Attributes,
  write: (trace: TraceContext | undefined) => Promise<T>,
): Promise<T> {
  if (!tracingState.on) return write(undefined);
  const span = tracer().startSpan(`create ${topic}`, {
    kind: SpanKind.PRODUCER,
    attributes: { ...messagingAttributes('create', topic), ...attributes },
  });
  const parent = context.active();
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  return inSpan(span, parent, () => write(readTraceContext(carrier)));
}

/**
 * The relay's publication of one stored message, a child of the message's create span (a root span
 * for a message stored without one).
 */
export async function traceOutboxSend<T>(
  topic: string,
  message: TraceContext | undefined,
  attributes: Attributes,
  send: () => Promise<T>,
): Promise<T> {
  if (!tracingState.on) return send();
  const parent = message === undefined ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, message);
  const span = tracer().startSpan(
    `send ${topic}`,
    { kind: SpanKind.PRODUCER, attributes: { ...messagingAttributes('send', topic), ...attributes } },
    parent,
  );
  return inSpan(span, parent, send);
}

/**
 * An evaluation server's handling of one change message, a child of the message's create span;
 * `fn` runs with it active (the fan-out span below is its child). Messages without a trace context
 * (sent with tracing off, or by the edge's synchronizer) start no span.
 */
export function traceChangeProcess<T>(topic: string, message: TraceContext | undefined, fn: () => T): T {
  if (!tracingState.on || message === undefined) return fn();
  const parent = propagation.extract(ROOT_CONTEXT, message);
  const span = tracer().startSpan(
    `process ${topic}`,
    { kind: SpanKind.CONSUMER, attributes: messagingAttributes('process', topic) },
    parent,
  );
  try {
    return context.with(trace.setSpan(parent, span), fn);
  } catch (err) {
    failed(span, err);
    throw err;
  } finally {
    span.end();
  }
}

/** Bytes written by one fan-out, counted only when it is traced (src/evaluation/environments/change-fanout.ts). */
export interface FanoutTally {
  bytes: number;
}

export interface FanoutTrace extends FanoutTally {
  readonly span: Span;
}

/**
 * A span for pushing one change to an environment's connections, only inside a traced change
 * (a process span is active); undefined otherwise, and always with tracing off.
 */
export function startFanoutSpan(envId: string, kind: string): FanoutTrace | undefined {
  if (!tracingState.on || trace.getActiveSpan() === undefined) return undefined;
  const span = tracer().startSpan('change fan-out', {
    attributes: { 'featbit.env_id': envId, 'featbit.change.kind': kind },
  });
  return { span, bytes: 0 };
}

export function endFanoutSpan(traced: FanoutTrace, connections: number): void {
  traced.span.setAttributes({
    'featbit.fanout.connections': connections,
    'featbit.fanout.bytes': traced.bytes,
  });
  traced.span.end();
}

/** Attributes of a traced process span (the environment it routed to), when one is active. */
export function annotateProcess(attributes: Attributes): void {
  if (tracingState.on) trace.getActiveSpan()?.setAttributes(attributes);
}
