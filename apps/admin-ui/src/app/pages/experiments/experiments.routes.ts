import type { Routes } from '@angular/router';

export const EXPERIMENT_ROUTES: Routes = [
  {
    path: '',
    title: 'Experiments · featbit-ts',
    loadComponent: () => import('./experiments-page.component').then((m) => m.ExperimentsPageComponent),
  },
  {
    path: 'metrics',
    title: 'Metrics · featbit-ts',
    loadComponent: () => import('./metrics-page.component').then((m) => m.MetricsPageComponent),
  },
];
