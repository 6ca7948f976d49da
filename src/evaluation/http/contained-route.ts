import type { FastifyReply, FastifyRequest } from 'fastify';
import { valueExceedsDepth } from '../../core/json/bounded-json';
import type { Logger } from '../../core/ports/logger.port';
import { BODY_TOO_DEEP, INTERNAL_ERROR, sendResponse } from './sdk-response';

// The wrapper of every SDK route Fastify answers: the body Fastify parsed gets the same nesting
// bound as the fast path's, and a failing handler answers this one request with 500 and is
// logged here once, never reaching the process.

export type SdkRouteHandler = (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

export function containedRoute(log: Logger, handler: SdkRouteHandler): SdkRouteHandler {
  return async (req, reply) => {
    if (valueExceedsDepth(req.body)) return sendResponse(reply, BODY_TOO_DEEP);
    try {
      return await handler(req, reply);
    } catch (err) {
      log.error('SDK request failed', {
        path: req.routeOptions.url,
        error: err instanceof Error ? err.message : String(err),
      });
      return reply.sent ? reply : sendResponse(reply, INTERNAL_ERROR);
    }
  };
}
