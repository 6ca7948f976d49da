import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Metrics } from '../../core/ports/metrics.port';

/** Requests no route matched share one label value: raw URLs would make series unbounded. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Records every answer Fastify sends by its matched route pattern (the SDK fast path records its
 * own). Added at module init: Fastify binds root hooks to every route when it gets ready.
 */
@Injectable()
export class HttpMetrics implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (adapter === undefined) return; // a module built without an HTTP server (tests)
    const metrics = this.metrics;
    adapter.getInstance<FastifyInstance>().addHook('onResponse', (req, reply, done) => {
      const pattern = req.routeOptions.url;
      metrics.observeHttp(
        req.method,
        pattern === undefined || pattern === '*' ? UNMATCHED_ROUTE : pattern,
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}
