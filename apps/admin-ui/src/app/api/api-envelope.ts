import { HttpErrorResponse } from '@angular/common/http';

/** Every management-API response: `{ success, errors, data }`. */
export interface ApiEnvelope<T> {
  success: boolean;
  errors: string[];
  data: T;
  /** Additive: a readable explanation of a failure. */
  message?: string;
  /** Additive field-level detail: which field failed and why. */
  details?: ApiErrorDetail[];
}

export interface ApiErrorDetail {
  field: string;
  code: string;
  message: string;
}

/** A failed API call, already unwrapped from HTTP and the envelope. */
export class ApiError extends Error {
  constructor(
    /** HTTP status, 0 when the server could not be reached. */
    readonly status: number,
    /** Error codes such as `key_is_invalid` or `KeyHasBeenUsed`. */
    readonly codes: readonly string[],
    readonly details: readonly ApiErrorDetail[] = [],
    /** The server's readable explanation, when it sent one. */
    readonly serverMessage: string | null = null,
    /** Extra data of some business-rule errors (e.g. the flags still using a segment). */
    readonly data: unknown = null,
  ) {
    super(codes.join(', ') || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  has(code: string): boolean {
    const wanted = normalizeCode(code);
    return this.codes.some((c) => normalizeCode(c) === wanted);
  }

  static from(err: unknown): ApiError {
    if (err instanceof ApiError) return err;
    if (err instanceof HttpErrorResponse) {
      const body: unknown = err.error;
      if (isEnvelope(body)) {
        return new ApiError(
          err.status,
          body.errors ?? [],
          body.details ?? [],
          body.message ?? null,
          body.data,
        );
      }
      if (err.status === 0) return new ApiError(0, ['NetworkError']);
      if (body && typeof body === 'object' && 'message' in body) {
        const message = body.message;
        const codes = Array.isArray(message) ? message.map(String) : [String(message)];
        return new ApiError(err.status, codes);
      }
      return new ApiError(err.status, [statusCode(err.status)]);
    }
    return new ApiError(-1, [err instanceof Error ? err.message : String(err)]);
  }
}

export function isEnvelope(body: unknown): body is ApiEnvelope<unknown> {
  return !!body && typeof body === 'object' && 'success' in body && 'errors' in body;
}

/** `KeyHasBeenUsed`, `key_has_been_used` and `key-has-been-used` compare equal. */
export function normalizeCode(code: string): string {
  return code.replace(/[_\-\s]/g, '').toLowerCase();
}

function statusCode(status: number): string {
  switch (status) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'ResourceNotFound';
    case 409:
      return 'Conflict';
    default:
      return status >= 500 ? 'InternalServerError' : `HTTP ${status}`;
  }
}
