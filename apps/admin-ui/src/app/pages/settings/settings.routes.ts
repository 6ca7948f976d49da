import type { Routes } from '@angular/router';

export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./settings-page.component').then((m) => m.SettingsPageComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'projects' },
      {
        path: 'projects',
        title: 'Projects and environments · featbit-ts',
        loadComponent: () =>
          import('./projects/projects-page.component').then((m) => m.ProjectsPageComponent),
      },
      {
        path: 'access-tokens',
        title: 'Access tokens · featbit-ts',
        loadComponent: () =>
          import('./access-tokens/access-tokens-page.component').then((m) => m.AccessTokensPageComponent),
      },
      {
        path: 'webhooks',
        title: 'Webhooks · featbit-ts',
        loadComponent: () =>
          import('./webhooks/webhooks-page.component').then((m) => m.WebhooksPageComponent),
      },
      {
        path: 'usage',
        title: 'Usage · featbit-ts',
        loadComponent: () => import('./usage/usage-page.component').then((m) => m.UsagePageComponent),
      },
      {
        path: 'profile',
        title: 'Profile · featbit-ts',
        loadComponent: () => import('./profile/profile-page.component').then((m) => m.ProfilePageComponent),
      },
    ],
  },
];
