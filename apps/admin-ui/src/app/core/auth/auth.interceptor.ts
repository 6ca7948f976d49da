import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { API_BASE } from '../../api/api-client';
import { ContextStore } from '../context/context.store';
import { SessionStore } from './session.store';

// Identity calls made without a session: a 401 there is an answer, not an expired token.
const ANONYMOUS = ['/identity/login-by-email', '/identity/refresh-token'].map((p) => API_BASE + p);

/** Adds the session and tenant headers; on 401 refreshes once (shared by concurrent calls) and retries. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith(API_BASE)) return next(req);
  if (ANONYMOUS.some((p) => req.url.startsWith(p))) return next(req);

  const session = inject(SessionStore);
  const context = inject(ContextStore);
  const withHeaders = (token: string | null): HttpRequest<unknown> => {
    const headers: Record<string, string> = {};
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const workspaceId = context.workspaceId();
    const organizationId = context.organizationId();
    if (workspaceId) headers['Workspace'] = workspaceId;
    if (organizationId) headers['Organization'] = organizationId;
    return req.clone({ setHeaders: headers });
  };

  return next(withHeaders(session.token())).pipe(
    catchError((err: unknown) => {
      if (!(err instanceof HttpErrorResponse) || err.status !== 401 || session.token() === null) {
        return throwError(() => err);
      }
      return session.refresh().pipe(
        catchError(() => {
          session.expire();
          return throwError(() => err);
        }),
        switchMap((token) => next(withHeaders(token))),
      );
    }),
  );
};
