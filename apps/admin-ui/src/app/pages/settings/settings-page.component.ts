import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { PermissionsStore } from '../../core/auth/permissions.store';
import { RN } from '../../shared/permissions';

@Component({
  selector: 'ff-settings-page',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabNav, MatTabLink, MatTabNavPanel],
  template: `
    <div class="ff-page">
      <header class="ff-page-header"><h1 i18n>Settings</h1></header>
      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Settings sections" i18n-aria-label>
        @for (tab of tabs(); track tab.path) {
          <a
            mat-tab-link
            [routerLink]="tab.path"
            routerLinkActive
            #rla="routerLinkActive"
            [active]="rla.isActive"
          >
            {{ tab.label }}
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel class="panel"><router-outlet /></mat-tab-nav-panel>
    </div>
  `,
  styles: `
    .panel {
      display: block;
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsPageComponent {
  private readonly perm = inject(PermissionsStore);
  private readonly allTabs = [
    { path: 'projects', label: $localize`Projects and environments` },
    { path: 'team', label: $localize`Team` },
    { path: 'groups', label: $localize`Groups` },
    { path: 'policies', label: $localize`Policies` },
    { path: 'access-tokens', label: $localize`Access tokens` },
    { path: 'webhooks', label: $localize`Webhooks` },
    { path: 'relay-proxies', label: $localize`Relay proxies` },
    { path: 'single-sign-on', label: $localize`Single sign-on` },
    { path: 'organization', label: $localize`Workspace and organization` },
    { path: 'usage', label: $localize`Usage` },
    { path: 'profile', label: $localize`Profile and password` },
  ];
  /** Single sign-on is for those who may configure it (FeatBit shows the tab to workspace admins only). */
  readonly tabs = computed(() =>
    this.allTabs.filter(
      (tab) =>
        tab.path !== 'single-sign-on' ||
        this.perm.denied('UpdateWorkspaceSSOSettings', RN.workspace(), 'workspace') === null,
    ),
  );
}
