import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isConsolePath, normalizedPath } from '../../shared/http/route-prefixes';

const PLACEHOLDER = `<!doctype html><html><head><meta charset="utf-8"><title>featbit-ts</title></head>
<body style="font-family:system-ui;margin:3rem"><h1>featbit-ts</h1>
<p>The admin console has not been built. Run <code>npm run build</code> and restart.</p>
<p>Management API: <a href="/docs">/docs</a> · Health: <a href="/health/readiness">/health/readiness</a></p>
</body></html>`;

/**
 * Serves the built Angular console at `/`. Unknown GET paths outside the API prefixes fall back to
 * index.html so that deep links survive a reload; API-looking paths keep a JSON 404.
 */
export async function registerConsole(fastify: FastifyInstance, uiDir: string): Promise<void> {
  const built = existsSync(join(uiDir, 'index.html'));
  if (built) {
    await fastify.register(fastifyStatic, {
      root: uiDir,
      prefix: '/',
      wildcard: false,
      index: false,
      maxAge: 0,
    });
  }
  const sendIndex = async (reply: FastifyReply): Promise<void> => {
    if (built) {
      await reply.header('cache-control', 'no-cache').sendFile('index.html');
    } else {
      await reply.type('text/html').send(PLACEHOLDER);
    }
  };
  fastify.get('/', async (_req, reply) => sendIndex(reply));
  fastify.get('/*', async (req, reply) => {
    // Judged as the router would see it, so `//api/…` or `/%61pi/…` is an API 404, not the console.
    if (!isConsolePath(normalizedPath(req.url))) {
      return reply.status(404).send({ success: false, errors: ['ResourceNotFound'], data: null });
    }
    return sendIndex(reply);
  });
}
