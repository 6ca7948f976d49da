import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from '../../core/ports/logger.port';
import { containedRoute, type SdkRouteHandler } from './contained-route';
import { InsightIntakeService } from '../insights/insight-intake.service';
import { SdkAuthenticator, sendError } from './sdk-auth';
import { clientLatestAll, evaluate, serverLatestAll } from './sdk-handlers';
import { sendNegotiated, sendResponse } from './sdk-response';

// FeatBit's SDK REST endpoints, registered as plain Fastify routes (no
// Nest pipeline). The router matches paths case-insensitively, as ASP.NET does. The hot ones are
// usually answered before Fastify by the fast path (sdk-fast-path.ts) with the same handlers.

@Injectable()
export class SdkRoutes implements OnModuleInit {
  private readonly log: Logger;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: SdkAuthenticator,
    private readonly insights: InsightIntakeService,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'sdk-http' });
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const route = (handler: SdkRouteHandler) => containedRoute(this.log, handler);
    fastify.get(
      '/api/public/sdk/server/latest-all',
      route(async (req, reply) => {
        const ok = await this.auth.authorize(req, reply, true);
        return ok === null ? reply : sendNegotiated(reply, serverLatestAll(ok, req.query));
      }),
    );
    fastify.post(
      '/api/public/sdk/client/latest-all',
      route(async (req, reply) => {
        const ok = await this.auth.authorize(req, reply, false);
        return ok === null ? reply : sendResponse(reply, clientLatestAll(ok, req.query, req.body));
      }),
    );
    fastify.post(
      '/api/public/featureflag/evaluate',
      route(async (req, reply) => {
        const ok = await this.auth.authorize(req, reply, false);
        return ok === null ? reply : sendResponse(reply, evaluate(ok, req.body));
      }),
    );
    fastify.post(
      '/api/public/insight/track',
      route((req, reply) => this.track(req, reply)),
    );
  }

  private async track(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const ok = await this.auth.authorize(req, reply, false);
    if (ok === null) return reply;
    try {
      const outcome = await this.insights.track(ok.context.envId, req.body);
      if (!outcome.ok) return sendError(reply, outcome.status, outcome.error);
      return reply.code(200).send();
    } catch (err) {
      this.log.warn('publishing insights failed', {
        envId: ok.context.envId,
        error: err instanceof Error ? err.message : String(err),
      });
      return sendError(reply, 503, 'the message queue is unavailable; retry later');
    }
  }
}
