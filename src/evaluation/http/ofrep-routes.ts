import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Logger } from '../../core/ports/logger.port';
import { containedRoute, type SdkRouteHandler } from './contained-route';
import { EVENT_STREAM_PATH, OfrepEventStreams } from './ofrep-event-streams';
import { SdkAuthenticator, sendJson } from './sdk-auth';
import { ofrepBulk, ofrepSingle } from './sdk-handlers';
import { sendResponse } from './sdk-response';

// OpenFeature Remote Evaluation Protocol v1: single and bulk evaluation, authenticated by the
// environment's client or server secret (Authorization raw or Bearer, or X-API-Key). The
// evaluations are usually answered by the fast path (sdk-fast-path.ts) with the same handlers.
// Bulk answers advertise the environment's event stream, authenticated by the token in its URL
// (ofrep-event-streams.ts).

const CONFIGURATION = JSON.stringify({
  name: 'featbit-ts',
  capabilities: {
    cacheInvalidation: { polling: { enabled: true, minPollingIntervalMs: 1000 } },
    flagEvaluation: { supportedTypes: ['boolean', 'string', 'int', 'float', 'object'] },
  },
});

@Injectable()
export class OfrepRoutes implements OnModuleInit {
  private readonly log: Logger;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: SdkAuthenticator,
    private readonly eventStreams: OfrepEventStreams,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'sdk-http' });
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const route = (handler: SdkRouteHandler) => containedRoute(this.log, handler);
    fastify.post(
      '/ofrep/v1/evaluate/flags/:key',
      route(async (req, reply) => {
        const key = (req.params as { key: string }).key;
        const ok = await this.auth.authorize(req, reply, false);
        return ok === null ? reply : sendResponse(reply, ofrepSingle(ok, key, req.body));
      }),
    );
    fastify.post(
      '/ofrep/v1/evaluate/flags',
      route(async (req, reply) => {
        const ok = await this.auth.authorize(req, reply, false);
        return ok === null
          ? reply
          : sendResponse(
              reply,
              ofrepBulk(ok, req.body, req.headers['if-none-match'], () =>
                this.eventStreams.advertise(req.raw, ok),
              ),
            );
      }),
    );
    fastify.get(
      EVENT_STREAM_PATH,
      route((req, reply) => this.eventStreams.open(req, reply)),
    );
    fastify.get(
      '/ofrep/v1/configuration',
      route(async (req, reply) => {
        const ok = await this.auth.authorize(req, reply, false);
        return ok === null ? reply : sendJson(reply, 200, CONFIGURATION);
      }),
    );
  }
}
