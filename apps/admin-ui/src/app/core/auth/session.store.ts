import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  catchError,
  finalize,
  firstValueFrom,
  map,
  type Observable,
  of,
  shareReplay,
  switchMap,
  tap,
} from 'rxjs';
import { IdentityApi } from '../../api/identity.api';
import type { Profile } from '../../api/api.models';
import { ContextStore } from '../context/context.store';

/**
 * The signed-in user. The access token lives only in memory; after a reload it is recovered from the
 * HttpOnly refresh cookie, so nothing secret is kept in web storage.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly identity = inject(IdentityApi);
  private readonly router = inject(Router);
  private readonly context = inject(ContextStore);

  readonly token = signal<string | null>(null);
  readonly profile = signal<Profile | null>(null);
  readonly isSignedIn = computed(() => this.token() !== null && this.profile() !== null);
  /** Set when the session ended on its own (refresh failed), shown on the login page. */
  readonly expiredNotice = signal(false);

  private refreshInFlight: Observable<string> | null = null;
  private restoreAttempted = false;

  login(email: string, password: string): Observable<Profile> {
    return this.start(this.identity.loginByEmail(email, password));
  }

  /** Takes over a session another sign-in (single sign-on) obtained: same token handling as login. */
  start(signIn: Observable<{ token: string }>): Observable<Profile> {
    return signIn.pipe(
      tap((result) => {
        this.token.set(result.token);
        this.expiredNotice.set(false);
      }),
      switchMap(() => this.identity.profile()),
      tap((profile) => this.profile.set(profile)),
    );
  }

  /**
   * One refresh at a time: concurrent 401s share the same request and then retry with its token.
   * Errors propagate to every waiter; the caller decides whether that ends the session.
   */
  refresh(): Observable<string> {
    this.refreshInFlight ??= this.identity.refreshToken().pipe(
      map((result) => result.token),
      tap((token) => this.token.set(token)),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /** For the auth guard: is there a session, possibly after recovering it from the refresh cookie? */
  async ensureSignedIn(): Promise<boolean> {
    if (this.isSignedIn()) return true;
    if (this.token() === null) {
      if (this.restoreAttempted) return false;
      this.restoreAttempted = true;
      const token = await firstValueFrom(this.refresh().pipe(catchError(() => of(null))));
      if (token === null) return false;
    }
    const profile = await firstValueFrom(this.identity.profile().pipe(catchError(() => of(null))));
    this.profile.set(profile);
    return profile !== null;
  }

  /** The refresh token was refused: end the session and send the user to the login page. */
  expire(): void {
    if (this.token() === null && this.profile() === null) return;
    this.clear();
    this.expiredNotice.set(true);
    void this.router.navigate(['/login'], { queryParams: { redirect: this.router.url } });
  }

  logout(): Observable<void> {
    return this.identity.logout().pipe(
      catchError(() => of(null)),
      map(() => undefined),
      tap(() => {
        this.clear();
        void this.router.navigate(['/login']);
      }),
    );
  }

  private clear(): void {
    this.token.set(null);
    this.profile.set(null);
    this.context.reset();
    // A manual login after this should not try the cookie again.
    this.restoreAttempted = true;
  }
}
