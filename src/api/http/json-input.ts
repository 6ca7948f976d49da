import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonTextExceedsDepth, MAX_JSON_DEPTH, tooDeepMessage } from '../../core/json/bounded-json';
import { isManagementPath } from '../../shared/http/route-prefixes';
import { ValidationFailedError } from './api-errors';
import { unstorableText } from './input-shape';

// How the management API reads requests: JSON bodies with a bounded nesting depth (recursive code
// after the parser overflows the stack on deep input), an empty body read as no body (FeatBit
// accepts `Content-Type: application/json` with nothing on bodiless routes), and every string of
// body, query and path checked once for what the database can store.

/** An error the exception filter maps to 400 `InvalidJson`, like Fastify's own parser errors. */
class InvalidJsonBodyError extends Error {
  readonly code = 'FST_ERR_CTP_INVALID_JSON_BODY';
  readonly statusCode = 400;
}

/** Whether the router matched a management route (its registered pattern, not the raw URL). */
function isManagementRoute(req: FastifyRequest): boolean {
  return isManagementPath(req.routeOptions?.url ?? '');
}

/**
 * Replaces the application/json parser (Nest's, which is Fastify's default) with one that refuses
 * nesting deeper than MAX_JSON_DEPTH and reads an empty body on a management route as no body.
 * Must run after Nest registered its parsers (app.init), before the server is ready.
 */
export function installJsonInput(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  if (fastify.hasContentTypeParser('application/json')) fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '' && isManagementRoute(req)) return done(null, undefined);
    if (jsonTextExceedsDepth(text, MAX_JSON_DEPTH)) {
      return done(new InvalidJsonBodyError(tooDeepMessage(MAX_JSON_DEPTH)), undefined);
    }
    void parse(req, text, done);
  });

  // Before guards and pipes: ids in the path reach the store while access is checked.
  fastify.addHook('preValidation', (req, _reply, done) => {
    if (!isManagementRoute(req)) return done();
    const problem = unstorableText(req.params) ?? unstorableText(req.query) ?? unstorableText(req.body);
    done(problem ? new ValidationFailedError([problem]) : undefined);
  });
}
