import type { Routes } from '@angular/router';
import { authGuard, guestGuard } from './core/auth/auth.guard';

/** A browser tab title: the page in the build's language, then the product name. */
export const pageTitle = (page: string): string => `${page} · featbit-ts`;

// Every page is its own lazily loaded chunk.
export const routes: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard],
    title: pageTitle($localize`Sign in`),
    loadComponent: () => import('./pages/login/login-page.component').then((m) => m.LoginPageComponent),
  },
  {
    path: 'login/sso-callback',
    title: pageTitle($localize`Signing in`),
    loadComponent: () =>
      import('./pages/login/sso-callback-page.component').then((m) => m.SsoCallbackPageComponent),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/layout/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'feature-flags' },
      {
        path: 'get-started',
        title: pageTitle($localize`Get started`),
        loadComponent: () =>
          import('./pages/get-started/get-started-page.component').then((m) => m.GetStartedPageComponent),
      },
      {
        path: 'feature-flags',
        loadChildren: () =>
          import('./pages/feature-flags/feature-flags.routes').then((m) => m.FEATURE_FLAG_ROUTES),
      },
      {
        path: 'change-requests',
        title: pageTitle($localize`Change requests`),
        loadComponent: () =>
          import('./pages/release-workflows/change-requests-page.component').then(
            (m) => m.ChangeRequestsPageComponent,
          ),
      },
      {
        path: 'experiments',
        loadChildren: () => import('./pages/experiments/experiments.routes').then((m) => m.EXPERIMENT_ROUTES),
      },
      {
        path: 'segments',
        loadChildren: () => import('./pages/segments/segments.routes').then((m) => m.SEGMENT_ROUTES),
      },
      {
        path: 'end-users',
        loadChildren: () => import('./pages/end-users/end-users.routes').then((m) => m.END_USER_ROUTES),
      },
      {
        path: 'audit-log',
        title: pageTitle($localize`Audit log`),
        loadComponent: () =>
          import('./pages/audit-log/audit-log-page.component').then((m) => m.AuditLogPageComponent),
      },
      {
        path: 'settings',
        loadChildren: () => import('./pages/settings/settings.routes').then((m) => m.SETTINGS_ROUTES),
      },
      {
        path: '**',
        title: pageTitle($localize`Not found`),
        loadComponent: () =>
          import('./pages/not-found/not-found-page.component').then((m) => m.NotFoundPageComponent),
      },
    ],
  },
];
