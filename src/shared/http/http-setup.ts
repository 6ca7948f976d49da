import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import type { Logger } from '../../infrastructure/logging/logger';
import { isSdkPath, routeKind } from './route-prefixes';

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
          allowedHeaders: ['Authorization', 'Content-Type', 'X-User-Agent', 'If-None-Match'],
          exposedHeaders: ['ETag', 'Retry-After'],
        });
      }
    },
  });
}

/**
 * Security headers on every answer: no framing, no MIME sniffing, no referrer, and a content policy
 * that lets the console and /docs load only their own scripts. Angular Material sets inline styles,
 * so styles allow 'unsafe-inline'. Cross-origin resource and embedder policies stay off: browser
 * SDKs on other origins read the SDK routes.
 */
async function registerSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // Set only behind TLS by whoever terminates it; on plain HTTP it would pin nothing.
    strictTransportSecurity: false,
  });
}

/** Plugins and hooks every role needs: CORS, security headers, cookies, request ids and access logs. */
export async function setupHttp(fastify: FastifyInstance, config: AppConfig, logger: Logger): Promise<void> {
  await registerCors(fastify, config);
  await registerSecurityHeaders(fastify);
  await fastify.register(cookie);

  const accessLog = logger.child({ component: 'http' });
  fastify.addHook('onSend', async (req, reply, payload) => {
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
