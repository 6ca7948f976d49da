import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { maskUrl } from '../../config/connection-strings';
import { Logger } from '../../core/ports/logger.port';
import { isManagementPath } from '../../shared/http/route-prefixes';
import { tracingState } from './change-tracing';

// OpenTelemetry traces (docs/observability.md#tracing), off unless AppConfig.tracing says otherwise:
// then the SDK is loaded (./otel-sdk.ts, a dynamic import) and management requests get a server span
// that stays active through the handler, so the outbox write of a change is its child. Off, no hook
// is added and the SDK is never loaded: SDK routes and the fan-out see only @opentelemetry/api's no-op.

/** The request's span, kept between its hooks. */
const SPANS = new WeakMap<FastifyRequest, Span>();

@Injectable()
export class OtelTracing implements OnModuleInit, OnApplicationShutdown {
  private stop: (() => Promise<void>) | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const tracing = this.config.tracing;
    if (!tracing.enabled) return;
    const { startOtelSdk } = await import('./otel-sdk');
    this.stop = await startOtelSdk(tracing, this.config.roles);
    tracingState.on = true;
    this.logger.info('OpenTelemetry tracing on', {
      exporter: tracing.exporter,
      target: tracing.url === null ? null : maskUrl(tracing.url),
      sampler: tracing.sampler,
    });
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (adapter !== undefined && this.config.roles.includes('api'))
      traceManagementRequests(adapter.getInstance<FastifyInstance>());
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.stop === null) return;
    tracingState.on = false;
    const stop = this.stop;
    this.stop = null;
    await stop().catch((err: unknown) =>
      this.logger.warn('flushing the last spans failed', {
        error: err instanceof Error ? err.message : String(err),
      }),
    );
  }
}

/**
 * A server span per management request (route pattern and status, never the raw URL), continuing a
 * caller's trace when the request carries a traceparent header. The span's context is bound to the
 * request stream too, so the handler runs in it even after Fastify has read a body.
 */
function traceManagementRequests(fastify: FastifyInstance): void {
  const tracer = trace.getTracer('featbit-ts');
  fastify.addHook('onRequest', (req, _reply, done) => {
    const route = req.routeOptions.url;
    if (route === undefined || !isManagementPath(route)) return done();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      `${req.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': req.method, 'http.route': route, 'url.scheme': req.protocol },
      },
      parent,
    );
    SPANS.set(req, span);
    const active = trace.setSpan(parent, span);
    context.bind(active, req.raw);
    context.with(active, done);
  });
  const end = (req: FastifyRequest, status: number | null): void => {
    const span = SPANS.get(req);
    if (span === undefined) return;
    SPANS.delete(req);
    if (status === null) span.setStatus({ code: SpanStatusCode.ERROR, message: 'request aborted' });
    else {
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
  fastify.addHook('onResponse', (req, reply, done) => {
    end(req, reply.statusCode);
    done();
  });
  fastify.addHook('onRequestAbort', (req, done) => {
    end(req, null);
    done();
  });
}
