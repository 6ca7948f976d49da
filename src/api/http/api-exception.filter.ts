import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DuplicateKeyError,
  NotFoundError,
  RevisionConflictError,
  StoreUnavailableError,
} from '../../core/shared/errors';
import { Logger } from '../../core/ports/logger.port';
import { RequestStateMissingError } from '../auth/request-state.decorators';
import { routeKind } from '../../shared/http/route-prefixes';
import { type ApiEnvelope } from './api-envelope';
import { ApiError, ERROR_CODES, TooManyRequestsError } from './api-errors';

interface Mapped {
  status: number;
  body: ApiEnvelope<unknown>;
  headers?: Record<string, string>;
}

const HTTP_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'ResourceNotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
};

function fail(
  status: number,
  code: string,
  message: string,
  extra: Partial<ApiEnvelope<unknown>> = {},
): Mapped {
  return { status, body: { success: false, errors: [code], data: null, message, ...extra } };
}

/** Fastify's own request errors (body parsing, size limits) carry `code` and `statusCode`. */
function fastifyError(err: unknown): { code: string; statusCode: number; message: string } | null {
  if (!(err instanceof Error)) return null;
  const { code, statusCode } = err as Error & { code?: unknown; statusCode?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  return { code: typeof code === 'string' ? code : '', statusCode, message: err.message };
}

/** Maps any error thrown under /api/v1 to FeatBit's envelope and status. */
export function mapApiError(err: unknown, log: Logger): Mapped {
  if (err instanceof ApiError) {
    const mapped: Mapped = {
      status: err.status,
      body: { success: false, errors: err.codes, data: err.data, message: err.message },
    };
    if (err.details) mapped.body.details = err.details;
    if (err instanceof TooManyRequestsError)
      mapped.headers = { 'retry-after': String(err.retryAfterSeconds) };
    return mapped;
  }
  if (err instanceof NotFoundError) return fail(404, 'ResourceNotFound', err.message);
  if (err instanceof RevisionConflictError) return fail(409, 'Conflict', err.message);
  if (err instanceof DuplicateKeyError) {
    const code =
      err.field === 'name'
        ? ERROR_CODES.nameHasBeenUsed
        : err.field === 'email'
          ? ERROR_CODES.emailHasBeenUsed
          : ERROR_CODES.keyHasBeenUsed;
    return fail(422, code, err.message);
  }
  if (err instanceof StoreUnavailableError) {
    log.warn('request failed: backing service unavailable', { service: err.service });
    return { ...fail(503, 'ServiceUnavailable', err.message), headers: { 'retry-after': '5' } };
  }
  if (err instanceof HttpException) {
    // Nest wraps Fastify's body errors (invalid JSON, size limit) into HttpExceptions.
    const status = err.getStatus();
    if (status === 400 && /json/i.test(err.message)) {
      return fail(400, 'InvalidJson', `the request body is not valid JSON (${err.message})`);
    }
    if (status === 413)
      return fail(413, 'PayloadTooLarge', 'the request body is larger than the server accepts');
    if (status >= 500) {
      log.error('server error in management API', { error: err.message });
      return fail(500, 'InternalServerError', 'an unexpected error occurred');
    }
    const code = HTTP_CODES[status] ?? 'BadRequest';
    return fail(status, code, status === 404 ? 'no such route' : err.message);
  }
  const fastify = fastifyError(err);
  if (fastify) {
    switch (fastify.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return fail(413, 'PayloadTooLarge', 'the request body is larger than the server accepts');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return fail(400, 'InvalidJson', `the request body is not valid JSON: ${fastify.message}`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return fail(415, 'UnsupportedMediaType', fastify.message);
      default:
        return fail(fastify.statusCode, HTTP_CODES[fastify.statusCode] ?? 'BadRequest', fastify.message);
    }
  }
  if (err instanceof RequestStateMissingError) {
    // A route whose access rule and handler disagree: a bug to fix, so say exactly where.
    log.error('handler needs request state the access guard did not resolve', {
      route: err.route,
      missing: err.missing,
    });
    return fail(500, 'InternalServerError', 'an unexpected error occurred');
  }
  if (err instanceof SyntaxError)
    return fail(400, 'InvalidJson', `the request body is not valid JSON: ${err.message}`);
  log.error('unhandled error in management API', {
    error: err instanceof Error ? err.message : String(err),
    stack: err instanceof Error ? err.stack : undefined,
  });
  return fail(500, 'InternalServerError', 'an unexpected error occurred');
}

/** Whether a request gets the management API's error envelope: decided by the route it matched. */
export function isManagementRequest(req: FastifyRequest): boolean {
  return routeKind(req) === 'management';
}

/**
 * The one exception filter of the management API. Other prefixes (SDK routes, health) keep Nest's
 * default handling so this filter changes nothing for the other roles.
 */
@Catch()
export class ApiExceptionFilter extends BaseExceptionFilter implements ExceptionFilter {
  private readonly log: Logger;

  constructor(adapterHost: HttpAdapterHost, logger: Logger) {
    super(adapterHost.httpAdapter);
    this.log = logger.child({ component: 'api-errors' });
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return super.catch(exception, host);
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (!isManagementRequest(req)) return super.catch(exception, host);
    const mapped = mapApiError(exception, this.log);
    if (reply.sent) return;
    if (mapped.headers) void reply.headers(mapped.headers);
    void reply.status(mapped.status).send(mapped.body);
  }
}
