import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { ContextStore } from '../context/context.store';
import { SessionStore } from './session.store';

/** Signed in (possibly recovered from the refresh cookie) and the tenant context loaded. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const session = inject(SessionStore);
  const context = inject(ContextStore);
  const router = inject(Router);
  if (!(await session.ensureSignedIn())) {
    return router.createUrlTree(['/login'], { queryParams: { redirect: state.url } });
  }
  const profile = session.profile();
  if (profile && context.loadedFor() !== profile.id) await context.load(profile);
  return true;
};

/** The login page is for signed-out users only. */
export const guestGuard: CanActivateFn = async () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return (await session.ensureSignedIn()) ? router.createUrlTree(['/']) : true;
};
