import type { Routes } from '@angular/router';

export const END_USER_ROUTES: Routes = [
  {
    path: '',
    title: $localize`End users · featbit-ts`,
    loadComponent: () => import('./user-list/user-list-page.component').then((m) => m.UserListPageComponent),
  },
  {
    path: 'properties',
    title: $localize`User properties · featbit-ts`,
    loadComponent: () =>
      import('./properties/properties-page.component').then((m) => m.PropertiesPageComponent),
  },
  {
    path: 'global',
    title: $localize`Global users · featbit-ts`,
    loadComponent: () =>
      import('./global-users/global-users-page.component').then((m) => m.GlobalUsersPageComponent),
  },
  {
    path: ':id',
    title: $localize`End user · featbit-ts`,
    loadComponent: () =>
      import('./user-detail/user-detail-page.component').then((m) => m.UserDetailPageComponent),
  },
];
