import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, map, type Observable, throwError } from 'rxjs';
import { ApiError, type ApiEnvelope, isEnvelope } from './api-envelope';

export type QueryValue =
  string | number | boolean | readonly (string | number | boolean)[] | null | undefined;
export type Query = Record<string, QueryValue>;

/** Management API base path; the console is served by the same origin. */
export const API_BASE = '/api/v1';

/**
 * Thin HTTP layer: relative URLs under /api/v1, envelope unwrapping and one error type (ApiError).
 * The typed facades (*.api.ts) are the only callers.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  get<T>(path: string, query?: Query): Observable<T> {
    return this.unwrap(this.http.get<ApiEnvelope<T>>(API_BASE + path, { params: toParams(query) }));
  }

  post<T>(path: string, body: unknown = {}, query?: Query): Observable<T> {
    return this.unwrap(this.http.post<ApiEnvelope<T>>(API_BASE + path, body, { params: toParams(query) }));
  }

  put<T>(path: string, body: unknown = {}): Observable<T> {
    return this.unwrap(this.http.put<ApiEnvelope<T>>(API_BASE + path, body));
  }

  patch<T>(path: string, body: unknown): Observable<T> {
    return this.unwrap(this.http.patch<ApiEnvelope<T>>(API_BASE + path, body));
  }

  delete<T>(path: string, body?: unknown): Observable<T> {
    return this.unwrap(this.http.delete<ApiEnvelope<T>>(API_BASE + path, { body }));
  }

  private unwrap<T>(source: Observable<ApiEnvelope<T> | T>): Observable<T> {
    return source.pipe(
      map((body) => {
        if (!isEnvelope(body)) return body;
        if (!body.success)
          throw new ApiError(200, body.errors, body.details ?? [], body.message ?? null, body.data);
        return body.data;
      }),
      catchError((err: unknown) => throwError(() => ApiError.from(err))),
    );
  }
}

export function toParams(query?: Query): HttpParams {
  let params = new HttpParams();
  if (!query) return params;
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number | boolean)[])
        params = params.append(key, String(item));
    } else {
      params = params.set(key, String(value));
    }
  }
  return params;
}

/** Encodes one path segment (flag keys may contain dots; ids are GUIDs). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
