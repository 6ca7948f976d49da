import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConsolePath, normalizedPath } from '../../shared/http/route-prefixes';
import { chooseConsoleLanguage, type ConsoleBuild } from './console-language';

const PLACEHOLDER = `<!doctype html><html><head><meta charset="utf-8"><title>featbit-ts</title></head>
<body style="font-family:system-ui;margin:3rem"><h1>featbit-ts</h1>
<p>The admin console has not been built. Run <code>npm run build</code> and restart.</p>
<p>Management API: <a href="/docs">/docs</a> · Health: <a href="/health/readiness">/health/readiness</a></p>
</body></html>`;

/**
 * The console's language builds: the source language at the root, each translation in a
 * sub-folder named after its sub-path (apps/admin-ui/angular.json `i18n`), its locale read from
 * the `lang` Angular's build writes into each index.html.
 */
function findBuilds(uiDir: string): ConsoleBuild[] {
  const langOf = (file: string): string =>
    /<html[^>]*\blang="([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  const builds: ConsoleBuild[] = [{ subPath: '', locale: langOf(join(uiDir, 'index.html')) }];
  for (const entry of readdirSync(uiDir, { withFileTypes: true })) {
    const index = join(uiDir, entry.name, 'index.html');
    if (entry.isDirectory() && existsSync(index)) builds.push({ subPath: entry.name, locale: langOf(index) });
  }
  return builds;
}

/**
 * Serves the built Angular console at `/` (and each translation under its sub-path). Unknown GET
 * paths outside the API prefixes fall back to the index.html of their language so that deep links
 * survive a reload; API-looking paths keep a JSON 404. A page asked for in the source language is
 * redirected to the language the user chose last (cookie) or, before any choice, to the browser's
 * first language when a build of it exists (docs/console.md#languages).
 */
export async function registerConsole(fastify: FastifyInstance, uiDir: string): Promise<void> {
  const built = existsSync(join(uiDir, 'index.html'));
  const builds = built ? findBuilds(uiDir) : [];
  if (built) {
    await fastify.register(fastifyStatic, {
      root: uiDir,
      prefix: '/',
      wildcard: false,
      index: false,
      maxAge: 0,
    });
  }
  const sendIndex = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!built) {
      await reply.type('text/html').send(PLACEHOLDER);
      return;
    }
    const choice = chooseConsoleLanguage(
      builds,
      normalizedPath(req.url),
      req.headers.cookie,
      req.headers['accept-language'],
    );
    if (choice.redirect !== undefined) {
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      await reply
        .header('cache-control', 'no-store')
        .header('vary', 'Cookie, Accept-Language')
        .redirect(choice.redirect + query, 302);
      return;
    }
    const index = choice.build.subPath === '' ? 'index.html' : `${choice.build.subPath}/index.html`;
    await reply.header('cache-control', 'no-cache').header('vary', 'Cookie, Accept-Language').sendFile(index);
  };
  fastify.get('/', async (req, reply) => sendIndex(req, reply));
  fastify.get('/*', async (req, reply) => {
    // Judged as the router would see it, so `//api/…` or `/%61pi/…` is an API 404, not the console.
    if (!isConsolePath(normalizedPath(req.url))) {
      return reply.status(404).send({ success: false, errors: ['ResourceNotFound'], data: null });
    }
    return sendIndex(req, reply);
  });
}
