import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import type { Logger } from '../../core/ports/logger.port';
import { isSdkPath, routeKind } from './route-prefixes';
import { SECURITY_HEADERS } from './security-headers';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

export function requestIdOf(req: { headers: Record<string, string | string[] | undefined> }): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** CORS: SDK routes for any configured origin without credentials; management same-origin unless listed. */
async function registerCors(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  const anyOrigin = config.server.corsOrigins.includes('*');
  const listed = config.server.corsOrigins.filter((o) => o !== '*');
  await fastify.register(cors, {
    hook: 'onRequest',
    delegator: (req: FastifyRequest, callback) => {
      // Open CORS only for the SDK routes, decided by the route the router matched (a preflight
      // matches the CORS plugin's catch-all and is judged by its normalized path).
      if (routeKind(req) !== 'sdk') {
        callback(null, { origin: listed.length > 0 ? listed : false, credentials: true, maxAge: 600 });
      } else {
        callback(null, {
          origin: anyOrigin ? '*' : listed,
          credentials: false,
          maxAge: 600,
          // X-API-Key: OFREP providers send the secret there (src/evaluation/http/sdk-auth.ts).
          allowedHeaders: ['Authorization', 'Content-Type', 'X-User-Agent', 'If-None-Match', 'X-API-Key'],
          exposedHeaders: ['ETag', 'Retry-After'],
        });
      }
    },
  });
}

/** Plugins and hooks every role needs: CORS, security headers, cookies, request ids and access logs. */
export async function setupHttp(fastify: FastifyInstance, config: AppConfig, logger: Logger): Promise<void> {
  await registerCors(fastify, config);
  await fastify.register(cookie);

  const accessLog = logger.child({ component: 'http' });
  fastify.addHook('onSend', async (req, reply, payload) => {
    for (const [name, value] of SECURITY_HEADERS) reply.header(name, value);
    reply.header('x-request-id', req.id);
    return payload;
  });
  fastify.addHook('onResponse', async (req, reply) => {
    // Never the query string: streaming tokens travel there.
    const path = req.url.split('?')[0];
    const entry = {
      reqId: req.id,
      method: req.method,
      path,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    // Probes answer 503 while starting: that is information, not an error.
    if (path.startsWith('/health')) accessLog.debug('request', entry);
    else if (reply.statusCode >= 500) accessLog.error('request failed', entry);
    else if (isSdkPath(path)) accessLog.debug('request', entry);
    else accessLog.info('request', entry);
  });
}
