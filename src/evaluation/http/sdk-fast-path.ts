import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Injectable, type OnModuleDestroy, type OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '../../config/app-config';
import { parseBoundedJson } from '../../core/json/bounded-json';
import { Logger } from '../../core/ports/logger.port';
import { Metrics, NoopMetrics } from '../../core/ports/metrics.port';
import { requestIdOf } from '../../shared/http/http-setup';
import { OfrepEventStreams } from './ofrep-event-streams';
import { type AuthOutcome, isAuthorized, SdkAuthenticator } from './sdk-auth';
import { clientLatestAll, evaluate, ofrepBulk, ofrepSingle, serverLatestAll } from './sdk-handlers';
import {
  BODY_TOO_DEEP,
  INTERNAL_ERROR,
  type Representation,
  type SdkResponse,
  jsonResponse,
  representation,
} from './sdk-response';
import { SECURITY_HEADERS } from '../../shared/http/security-headers';

// The hot SDK REST routes answered before Fastify (issue 8: ≥ 15,000 evaluations/s on one core).
// Fastify's per-request machinery (content-type parser with an AsyncResource, CORS options built
// per request, cookie parsing, async hooks) cost more than the evaluation itself. Requests that
// are plain — a known route and method, a JSON body with a Content-Length within the limit, a
// simple query — are answered here with the same status, headers and bytes Fastify would send:
// the same handlers, CORS headers for SDK routes, X-Request-Id, the debug access log, and the two
// body errors of the JSON parser. Anything else (preflights, HEAD, other content types, chunked or
// oversized bodies, encoded paths) goes to Fastify unchanged, as does everything while shutting
// down (Fastify then answers 503 itself).

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

type RouteKind = 'server-latest' | 'client-latest' | 'evaluate' | 'ofrep-single' | 'ofrep-bulk';

interface Route {
  kind: RouteKind;
  /** The OFREP flag key (single evaluation). */
  key: string;
  query: { timestamp?: string | string[] };
}

/** The pattern Fastify registers for each route: one metrics series whichever path answers. */
const ROUTE_PATTERNS: Record<RouteKind, string> = {
  'server-latest': '/api/public/sdk/server/latest-all',
  'client-latest': '/api/public/sdk/client/latest-all',
  evaluate: '/api/public/featureflag/evaluate',
  'ofrep-single': '/ofrep/v1/evaluate/flags/:key',
  'ofrep-bulk': '/ofrep/v1/evaluate/flags',
};

const OFREP_FLAG_PREFIX = '/ofrep/v1/evaluate/flags/';
const MAX_PARAM_LENGTH = 500; // the router's maxParamLength: longer keys are Fastify's 404
const EXPOSED = 'ETag, Retry-After';
const EMPTY_BODY = jsonResponse(
  400,
  JSON.stringify({
    statusCode: 400,
    message: "Body cannot be empty when content-type is set to 'application/json'",
  }),
);
const INVALID_JSON = jsonResponse(
  400,
  JSON.stringify({
    statusCode: 400,
    message: "Body is not valid JSON but content-type is set to 'application/json'",
  }),
);

function noop(): void {}

/** The route of a plain request, or null (then Fastify handles it). */
export function matchRoute(method: string | undefined, url: string): Route | null {
  const q = url.indexOf('?');
  let path = q < 0 ? url : url.slice(0, q);
  // Encoded or unusual paths are left to the router's own decoding rules.
  if (path.includes('%') || path.includes(';') || path.includes('//')) return null;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const lower = path.toLowerCase();
  let kind: RouteKind;
  let key = '';
  if (method === 'GET') {
    if (lower !== '/api/public/sdk/server/latest-all') return null;
    kind = 'server-latest';
  } else if (method === 'POST') {
    if (lower === '/api/public/featureflag/evaluate') kind = 'evaluate';
    else if (lower === '/api/public/sdk/client/latest-all') kind = 'client-latest';
    else if (lower === '/ofrep/v1/evaluate/flags') kind = 'ofrep-bulk';
    else if (lower.startsWith(OFREP_FLAG_PREFIX)) {
      key = path.slice(OFREP_FLAG_PREFIX.length);
      if (key === '' || key.includes('/') || key.length > MAX_PARAM_LENGTH) return null;
      kind = 'ofrep-single';
    } else return null;
  } else return null;
  const query = q < 0 ? {} : parseQuery(url.slice(q + 1));
  return query === null ? null : { kind, key, query };
}

/**
 * The query as the handlers read it: only `timestamp`, repeated → an array (as Fastify's parser
 * gives). null for percent-encoded or '+' queries, which are left to Fastify's decoding.
 */
export function parseQuery(text: string): Route['query'] | null {
  const query: Route['query'] = {};
  if (!text.includes('timestamp')) return query;
  if (text.includes('%') || text.includes('+')) return null;
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    if ((eq < 0 ? pair : pair.slice(0, eq)) !== 'timestamp') continue;
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    const seen = query.timestamp;
    query.timestamp = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

/**
 * JSON.parse with the parser's poisoning rules (own `__proto__` keys, or `constructor.prototype`)
 * and the nesting bound every SDK body gets (MAX_JSON_DEPTH).
 */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false; tooDeep?: true } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseBoundedJson(body);
  if (!parsed.ok) return parsed.reason === 'depth' ? { ok: false, tooDeep: true } : { ok: false };
  const value = parsed.value;
  if (
    (body.includes('__proto__') || body.includes('constructor') || body.includes('\\u')) &&
    isPoisoned(value)
  ) {
    return { ok: false };
  }
  return { ok: true, value };
}

function isPoisoned(root: unknown): boolean {
  const stack: unknown[] = [root];
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (own(node, '__proto__')) return true;
    const ctor = (node as Record<string, unknown>).constructor;
    if (own(node, 'constructor') && typeof ctor === 'object' && ctor !== null && own(ctor, 'prototype')) {
      return true;
    }
    for (const child of Object.values(node))
      if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return false;
}

@Injectable()
export class SdkFastPath implements OnModuleInit, OnModuleDestroy {
  private server: Server | null = null;
  private delegates: Listener[] = [];
  private active = false;
  private readonly accessLog: Logger;
  private readonly anyOrigin: boolean;
  private readonly origins: ReadonlySet<string>;
  private readonly bodyLimit: number;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: SdkAuthenticator,
    private readonly eventStreams: OfrepEventStreams,
    config: AppConfig,
    logger: Logger,
    @Optional() private readonly metrics: Metrics = new NoopMetrics(),
  ) {
    this.accessLog = logger.child({ component: 'http' });
    this.anyOrigin = config.server.corsOrigins.includes('*');
    this.origins = new Set(config.server.corsOrigins.filter((o) => o !== '*'));
    this.bodyLimit = config.limits.bodyLimitBytes;
  }

  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    const listeners = server.listeners('request') as Listener[];
    if (listeners.length === 0) return;
    this.server = server;
    this.delegates = listeners;
    server.removeAllListeners('request');
    server.on('request', this.onRequest);
    this.active = true;
  }

  /** From now on Fastify answers everything (it refuses new requests while closing). */
  onModuleDestroy(): void {
    this.active = false;
  }

  private readonly onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    if (this.active) {
      try {
        if (this.tryHandle(req, res)) return;
      } catch (err) {
        this.fail(req, res, err);
        return;
      }
    }
    for (const listener of this.delegates) listener.call(this.server, req, res);
  };

  /** A failure answers this one request (500, or a reset once headers are out), logged once. */
  private fail(req: IncomingMessage, res: ServerResponse, err: unknown): void {
    this.accessLog.error('SDK request failed', {
      path: (req.url ?? '').split('?')[0],
      error: err instanceof Error ? err.message : String(err),
    });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    try {
      res.writeHead(500, { 'content-type': INTERNAL_ERROR.contentType ?? '' });
      res.end(INTERNAL_ERROR.body);
    } catch {
      res.destroy();
    }
  }

  /** Handles a plain request; false leaves it to Fastify (nothing has been read or written). */
  private tryHandle(req: IncomingMessage, res: ServerResponse): boolean {
    const route = matchRoute(req.method, req.url ?? '');
    if (route === null) return false;
    const headers = req.headers;
    const started = performance.now();
    if (route.kind === 'server-latest') {
      if (headers['transfer-encoding'] !== undefined || (headers['content-length'] ?? '0') !== '0')
        return false;
      this.authorized(req, res, route, started, null, '');
      return true;
    }
    const type = headers['content-type'];
    if (typeof type !== 'string' || type.split(';')[0].trim().toLowerCase() !== 'application/json')
      return false;
    const length = headers['content-length'];
    if (headers['transfer-encoding'] !== undefined || length === undefined || !/^\d{1,10}$/.test(length)) {
      return false;
    }
    if (Number(length) > this.bodyLimit) return false; // Fastify answers 413
    req.on('error', noop);
    if (length === '0') {
      this.write(req, res, route, started, EMPTY_BODY);
      return true;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
        const parsed = parseJsonBody(text);
        if (!parsed.ok) this.write(req, res, route, started, parsed.tooDeep ? BODY_TOO_DEEP : INVALID_JSON);
        else this.authorized(req, res, route, started, parsed.value, text);
      } catch (err) {
        this.fail(req, res, err);
      }
    });
    return true;
  }

  private authorized(
    req: IncomingMessage,
    res: ServerResponse,
    route: Route,
    started: number,
    body: unknown,
    text: string,
  ): void {
    const outcome = this.auth.check(req.headers, route.kind === 'server-latest');
    if (outcome instanceof Promise) {
      outcome
        .then((o) => this.answer(req, res, route, started, body, text, o))
        .catch((err: unknown) => this.fail(req, res, err));
    } else {
      this.answer(req, res, route, started, body, text, outcome);
    }
  }

  private answer(
    req: IncomingMessage,
    res: ServerResponse,
    route: Route,
    started: number,
    body: unknown,
    /** The body's JSON text (a cache key for client/latest-all). */
    text: string,
    outcome: AuthOutcome,
  ): void {
    if (!isAuthorized(outcome)) {
      this.write(req, res, route, started, outcome);
      return;
    }
    let response: SdkResponse;
    try {
      switch (route.kind) {
        case 'server-latest':
          response = serverLatestAll(outcome, route.query);
          break;
        case 'client-latest':
          response = clientLatestAll(outcome, route.query, body, text);
          break;
        case 'evaluate':
          response = evaluate(outcome, body);
          break;
        case 'ofrep-single':
          response = ofrepSingle(outcome, route.key, body);
          break;
        case 'ofrep-bulk':
          response = ofrepBulk(outcome, body, req.headers['if-none-match'], () =>
            this.eventStreams.advertise(req, outcome),
          );
          break;
      }
    } catch (err) {
      this.accessLog.error('SDK request failed', { error: err instanceof Error ? err.message : String(err) });
      response = INTERNAL_ERROR;
    }
    this.write(req, res, route, started, response);
  }

  /** The answer in the coding the caller accepts (computed first if it is the first to ask). */
  private write(
    req: IncomingMessage,
    res: ServerResponse,
    route: Route,
    started: number,
    r: SdkResponse,
  ): void {
    const chosen = representation(r, req.headers['accept-encoding']);
    if (chosen instanceof Promise) {
      chosen
        .then((c) => this.send(req, res, route.kind, started, r, c))
        .catch((err: unknown) => this.fail(req, res, err));
    } else {
      this.send(req, res, route.kind, started, r, chosen);
    }
  }

  /** The headers Fastify's hooks would add (CORS for SDK routes, security, request id), then the answer. */
  private send(
    req: IncomingMessage,
    res: ServerResponse,
    kind: RouteKind,
    started: number,
    r: SdkResponse,
    chosen: Representation,
  ): void {
    const requestId = requestIdOf(req);
    const headers: string[] = ['vary', chosen.varies ? 'Origin, Accept-Encoding' : 'Origin'];
    const origin = this.allowedOrigin(req.headers.origin);
    if (origin !== null) headers.push('access-control-allow-origin', origin);
    headers.push('access-control-expose-headers', EXPOSED);
    if (r.headers !== undefined) for (const [name, value] of r.headers) headers.push(name, value);
    if (r.contentType !== null) headers.push('content-type', r.contentType);
    if (chosen.coding !== null) headers.push('content-encoding', chosen.coding);
    for (const [name, value] of SECURITY_HEADERS) headers.push(name, value);
    headers.push('x-request-id', requestId);
    const body = chosen.body;
    if (body !== null) {
      headers.push(
        'content-length',
        String(typeof body === 'string' ? Buffer.byteLength(body) : body.length),
      );
    } else if (r.status !== 304 && r.status !== 204) {
      headers.push('content-length', '0');
    }
    res.writeHead(r.status, headers);
    if (body === null) res.end();
    else res.end(body);
    const ms = performance.now() - started;
    this.metrics.observeHttp(req.method ?? '', ROUTE_PATTERNS[kind], r.status, ms / 1000);
    const entry = {
      reqId: requestId,
      method: req.method,
      path: (req.url ?? '').split('?')[0],
      status: r.status,
      ms: Math.round(ms * 10) / 10,
    };
    if (r.status >= 500) this.accessLog.error('request failed', entry);
    else this.accessLog.debug('request', entry);
  }

  private allowedOrigin(origin: string | undefined): string | null {
    if (this.anyOrigin) return '*';
    return origin !== undefined && this.origins.has(origin) ? origin : null;
  }
}
