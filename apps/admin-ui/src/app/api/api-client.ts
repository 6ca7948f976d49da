import { inject, Injectable } from '@angular/core';
import { catchError, map, type Observable, throwError } from 'rxjs';
import { ApiError, isEnvelope } from './api-envelope';
import { Api, type ApiFnOptional, type ApiFnRequired } from './generated/api';

/** Management API base path; the console is served by the same origin. */
export const API_BASE = '/api/v1';

/** What a call answers once unwrapped: the envelope's `data`, nothing for a body-less answer. */
export type DataOf<R> = R extends { data: infer D } ? D : void;

/**
 * Runs one generated operation (generated/fn, `npm run generate:api`) through Angular's HttpClient,
 * so only documented calls with documented params and bodies compile, then unwraps the envelope and
 * turns every failure into one error type (ApiError). The typed facades (*.api.ts) are the only callers.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly api = inject(Api);

  // NoInfer: P comes from the operation alone, so an undocumented param in `params` is an error
  // (inferred from the literal it would be a wider P, and accepted).
  call<P, R>(fn: ApiFnRequired<P, R>, params: NoInfer<P>): Observable<DataOf<R>>;
  call<P, R>(fn: ApiFnOptional<P, R>, params?: NoInfer<P>): Observable<DataOf<R>>;
  call<P, R>(fn: ApiFnRequired<P, R>, params: P): Observable<DataOf<R>> {
    return this.api.invoke(fn, params).pipe(unwrapEnvelope<R>());
  }
}

function unwrapEnvelope<R>(): (source: Observable<R>) => Observable<DataOf<R>> {
  return (source) =>
    source.pipe(
      map((body) => {
        if (!isEnvelope(body)) return body as DataOf<R>;
        if (!body.success)
          throw new ApiError(200, body.errors, body.details ?? [], body.message ?? null, body.data);
        return body.data as DataOf<R>;
      }),
      catchError((err: unknown) => throwError(() => ApiError.from(err))),
    );
}
