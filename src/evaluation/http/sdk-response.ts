import type { FastifyReply } from 'fastify';
import { MAX_JSON_DEPTH, tooDeepMessage } from '../../core/json/bounded-json';
import type { Compression, EncodedBody } from '../environments/encoded-body';
import { negotiateEncoding } from './accept-encoding';

// An SDK endpoint's answer independent of the HTTP layer: the Fastify routes and the fast path
// (sdk-fast-path.ts) write the same status, headers and bytes.

export const JSON_TYPE = 'application/json; charset=utf-8';
export const TEXT_TYPE = 'text/plain; charset=utf-8';

export interface SdkResponse {
  status: number;
  /** null: an empty body without a content type (FeatBit's empty 200). */
  body: string | Buffer | null;
  contentType: string | null;
  /** Extra headers (lower-case names), written before the content type. */
  headers?: [string, string][];
  /**
   * The body with its compressed forms, for bodies shared by every caller of an environment
   * version (`body` is its plain bytes). Per-request bodies go out plain: compressing them would
   * cost as much CPU as building them (docs/performance.md, issue 22).
   */
  encodable?: EncodedBody;
}

/** What goes on the wire for one caller. */
export interface Representation {
  body: string | Buffer | null;
  /** The Content-Encoding, or null for the plain body. */
  coding: Compression | null;
  /** The answer depends on Accept-Encoding (Vary). */
  varies: boolean;
}

/**
 * The representation of `r` for a caller's Accept-Encoding. A Promise only the first time a coding
 * of that body is asked for (it is being computed); a failed compression falls back to plain.
 */
export function representation(
  r: SdkResponse,
  acceptEncoding: string | string[] | undefined,
): Representation | Promise<Representation> {
  const encodable = r.encodable;
  if (encodable === undefined || !encodable.compressible)
    return { body: r.body, coding: null, varies: false };
  const coding = negotiateEncoding(acceptEncoding);
  if (coding === 'identity') return { body: r.body, coding: null, varies: true };
  const ready = encodable.ready(coding);
  if (ready !== undefined) return { body: ready, coding, varies: true };
  return encodable.encode(coding).then(
    (body) => ({ body, coding, varies: true }),
    () => ({ body: r.body, coding: null, varies: true }),
  );
}

export function jsonResponse(
  status: number,
  body: string | Buffer,
  headers?: [string, string][],
): SdkResponse {
  return { status, body, contentType: JSON_TYPE, headers };
}

export function errorResponse(status: number, message: string): SdkResponse {
  return jsonResponse(status, JSON.stringify({ error: message }));
}

export function textResponse(status: number, text: string): SdkResponse {
  return { status, body: text, contentType: TEXT_TYPE };
}

/** Bodies nested deeper than MAX_JSON_DEPTH: refused before any handler recurses on them. */
export const BODY_TOO_DEEP = errorResponse(400, `the request body is ${tooDeepMessage(MAX_JSON_DEPTH)}`);

/** A handler failed: this request only gets 500 (the body Fastify's own error handler sends). */
export const INTERNAL_ERROR = jsonResponse(
  500,
  JSON.stringify({ statusCode: 500, message: 'Internal server error' }),
);

export const EMPTY_OK: SdkResponse = { status: 200, body: null, contentType: null };

export function isSdkResponse(value: object): value is SdkResponse {
  return 'status' in value && 'body' in value;
}

/** Sends through Fastify (its hooks add CORS headers, the request id and the access log). */
export function sendResponse(reply: FastifyReply, response: SdkResponse): FastifyReply {
  return sendRepresentation(reply, response, { body: response.body, coding: null, varies: false });
}

/** sendResponse in the coding the caller accepts (for answers that have compressed forms). */
export function sendNegotiated(
  reply: FastifyReply,
  response: SdkResponse,
): FastifyReply | Promise<FastifyReply> {
  const chosen = representation(response, reply.request.headers['accept-encoding']);
  return chosen instanceof Promise
    ? chosen.then((r) => sendRepresentation(reply, response, r))
    : sendRepresentation(reply, response, chosen);
}

function sendRepresentation(reply: FastifyReply, response: SdkResponse, r: Representation): FastifyReply {
  reply.code(response.status);
  if (response.headers !== undefined) for (const [name, value] of response.headers) reply.header(name, value);
  if (response.contentType !== null) reply.header('content-type', response.contentType);
  if (r.varies) {
    const vary = reply.getHeader('vary');
    reply.header('vary', vary === undefined ? 'Accept-Encoding' : `${String(vary)}, Accept-Encoding`);
  }
  if (r.coding !== null) reply.header('content-encoding', r.coding);
  return r.body === null ? reply.send() : reply.send(r.body);
}
