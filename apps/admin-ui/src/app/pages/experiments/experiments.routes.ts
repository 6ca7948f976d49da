import type { Routes } from '@angular/router';

export const EXPERIMENT_ROUTES: Routes = [
  {
    path: '',
    title: $localize`Experiments · featbit-ts`,
    loadComponent: () => import('./experiments-page.component').then((m) => m.ExperimentsPageComponent),
  },
  {
    path: 'metrics',
    title: $localize`Metrics · featbit-ts`,
    loadComponent: () => import('./metrics-page.component').then((m) => m.MetricsPageComponent),
  },
];
