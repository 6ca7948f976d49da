import type { Routes } from '@angular/router';

export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./settings-page.component').then((m) => m.SettingsPageComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'projects' },
      {
        path: 'projects',
        title: $localize`Projects and environments · featbit-ts`,
        loadComponent: () =>
          import('./projects/projects-page.component').then((m) => m.ProjectsPageComponent),
      },
      {
        path: 'team',
        title: $localize`Team · featbit-ts`,
        loadComponent: () => import('./iam/team-page.component').then((m) => m.TeamPageComponent),
      },
      {
        path: 'team/:memberId',
        title: $localize`Member · featbit-ts`,
        loadComponent: () =>
          import('./iam/member-detail-page.component').then((m) => m.MemberDetailPageComponent),
      },
      {
        path: 'groups',
        title: $localize`Groups · featbit-ts`,
        loadComponent: () => import('./iam/groups-page.component').then((m) => m.GroupsPageComponent),
      },
      {
        path: 'groups/:groupId',
        title: $localize`Group · featbit-ts`,
        loadComponent: () =>
          import('./iam/group-detail-page.component').then((m) => m.GroupDetailPageComponent),
      },
      {
        path: 'policies',
        title: $localize`Policies · featbit-ts`,
        loadComponent: () => import('./iam/policies-page.component').then((m) => m.PoliciesPageComponent),
      },
      {
        path: 'policies/:policyId',
        title: $localize`Policy · featbit-ts`,
        loadComponent: () =>
          import('./iam/policy-detail-page.component').then((m) => m.PolicyDetailPageComponent),
      },
      {
        path: 'access-tokens',
        title: $localize`Access tokens · featbit-ts`,
        loadComponent: () =>
          import('./access-tokens/access-tokens-page.component').then((m) => m.AccessTokensPageComponent),
      },
      {
        path: 'webhooks',
        title: $localize`Webhooks · featbit-ts`,
        loadComponent: () =>
          import('./webhooks/webhooks-page.component').then((m) => m.WebhooksPageComponent),
      },
      {
        path: 'relay-proxies',
        title: $localize`Relay proxies · featbit-ts`,
        loadComponent: () =>
          import('./relay-proxies/relay-proxies-page.component').then((m) => m.RelayProxiesPageComponent),
      },
      {
        path: 'single-sign-on',
        title: $localize`Single sign-on · featbit-ts`,
        loadComponent: () =>
          import('./workspace-sso/workspace-sso-page.component').then((m) => m.WorkspaceSsoPageComponent),
      },
      {
        path: 'organization',
        title: $localize`Workspace and organization · featbit-ts`,
        loadComponent: () =>
          import('./organization/organization-settings-page.component').then(
            (m) => m.OrganizationSettingsPageComponent,
          ),
      },
      {
        path: 'usage',
        title: $localize`Usage · featbit-ts`,
        loadComponent: () => import('./usage/usage-page.component').then((m) => m.UsagePageComponent),
      },
      {
        path: 'profile',
        title: $localize`Profile · featbit-ts`,
        loadComponent: () => import('./profile/profile-page.component').then((m) => m.ProfilePageComponent),
      },
    ],
  },
];
