import type { FastifyReply } from 'fastify';
import { MAX_JSON_DEPTH, tooDeepMessage } from '../../core/json/bounded-json';

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
  reply.code(response.status);
  if (response.headers !== undefined) for (const [name, value] of response.headers) reply.header(name, value);
  if (response.contentType !== null) reply.header('content-type', response.contentType);
  return response.body === null ? reply.send() : reply.send(response.body);
}
