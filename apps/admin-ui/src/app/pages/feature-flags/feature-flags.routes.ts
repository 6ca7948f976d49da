import type { Routes } from '@angular/router';
import { FlagActions } from './flag-actions.service';
import { unsavedChangesGuard } from '../../shared/unsaved-changes.guard';

export const FEATURE_FLAG_ROUTES: Routes = [
  {
    path: '',
    providers: [FlagActions],
    children: [
      {
        path: '',
        title: $localize`Feature flags · featbit-ts`,
        loadComponent: () =>
          import('./flag-list/flag-list-page.component').then((m) => m.FlagListPageComponent),
      },
      {
        path: 'compare',
        title: $localize`Compare flags · featbit-ts`,
        loadComponent: () =>
          import('./flag-compare/flag-compare-page.component').then((m) => m.FlagComparePageComponent),
      },
      {
        path: ':key',
        loadComponent: () =>
          import('./flag-detail/flag-detail-page.component').then((m) => m.FlagDetailPageComponent),
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'targeting' },
          {
            path: 'targeting',
            title: $localize`Targeting · featbit-ts`,
            canDeactivate: [unsavedChangesGuard],
            loadComponent: () =>
              import('./flag-detail/targeting/targeting-page.component').then(
                (m) => m.TargetingPageComponent,
              ),
          },
          {
            path: 'insights',
            title: $localize`Insights · featbit-ts`,
            loadComponent: () =>
              import('./flag-detail/insights/flag-insights-page.component').then(
                (m) => m.FlagInsightsPageComponent,
              ),
          },
          {
            path: 'experimentation',
            title: $localize`Experimentation · featbit-ts`,
            loadComponent: () =>
              import('./flag-detail/experimentation/flag-experimentation-page.component').then(
                (m) => m.FlagExperimentationPageComponent,
              ),
          },
          {
            path: 'triggers',
            title: $localize`Triggers · featbit-ts`,
            loadComponent: () =>
              import('./flag-detail/triggers/flag-triggers-page.component').then(
                (m) => m.FlagTriggersPageComponent,
              ),
          },
          {
            path: 'history',
            title: $localize`History · featbit-ts`,
            loadComponent: () =>
              import('./flag-detail/history/flag-history-page.component').then(
                (m) => m.FlagHistoryPageComponent,
              ),
          },
        ],
      },
    ],
  },
];
