import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

@Component({
  selector: 'ff-settings-page',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabNav, MatTabLink, MatTabNavPanel],
  template: `
    <div class="ff-page">
      <header class="ff-page-header"><h1>Settings</h1></header>
      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Settings sections">
        @for (tab of tabs; track tab.path) {
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
  readonly tabs = [
    { path: 'projects', label: 'Projects and environments' },
    { path: 'team', label: 'Team' },
    { path: 'groups', label: 'Groups' },
    { path: 'policies', label: 'Policies' },
    { path: 'access-tokens', label: 'Access tokens' },
    { path: 'webhooks', label: 'Webhooks' },
    { path: 'single-sign-on', label: 'Single sign-on' },
    { path: 'organization', label: 'Workspace and organization' },
    { path: 'usage', label: 'Usage' },
    { path: 'profile', label: 'Profile and password' },
  ];
}
