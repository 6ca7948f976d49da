import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuTrigger } from '@angular/material/menu';
import type { EnvironmentInfo } from '../../api/api.models';
import { CopyButtonComponent } from '../../ui/copy-button/copy-button.component';

/** The current environment's SDK secrets, one copy button each. */
@Component({
  selector: 'ff-secrets-menu',
  imports: [MatButton, MatIcon, MatMenu, MatMenuTrigger, CopyButtonComponent],
  template: `
    <button mat-button type="button" [matMenuTriggerFor]="menu" data-testid="secrets-menu">
      <mat-icon>vpn_key</mat-icon>
      <span i18n>SDK keys</span>
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="ff-secrets-menu">
      <div class="secrets" role="presentation" (click)="$event.stopPropagation()">
        <p i18n class="title">{{ environment().name }} · SDK keys</p>
        @for (secret of environment().secrets; track secret.id) {
          <div class="secret">
            <div class="meta">
              <span class="ff-badge">{{ secret.type === 'server' ? serverLabel : clientLabel }}</span>
              <span class="name">{{ secret.name }}</span>
            </div>
            <div class="value-row">
              <code class="value" [attr.data-testid]="'secret-' + secret.type">{{ secret.value }}</code>
              <ff-copy-button
                [value]="secret.value"
                [what]="secret.type === 'server' ? serverKey : clientKey"
              />
            </div>
          </div>
        } @empty {
          <p i18n class="ff-muted">
            No SDK keys to show: the environment has none, or your permissions do not include them.
          </p>
        }
        <p i18n class="ff-muted ff-small hint">
          Server keys are for back-end SDKs and must stay private; client keys may ship in browsers and apps.
        </p>
      </div>
    </mat-menu>
  `,
  styles: `
    .secrets {
      padding: 8px 16px;
      width: min(440px, 90vw);
      box-sizing: border-box;
    }
    .title {
      font-weight: 600;
      margin: 4px 0 8px;
    }
    .secret {
      margin-bottom: 10px;
    }
    .meta {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .value-row {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .value {
      flex: 1;
      word-break: break-all;
      background: var(--mat-sys-surface-container-high);
      border-radius: 6px;
      padding: 4px 8px;
    }
    .hint {
      margin: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecretsMenuComponent {
  readonly environment = input.required<EnvironmentInfo>();
  readonly serverLabel = $localize`Server`;
  readonly clientLabel = $localize`Client`;
  readonly serverKey = $localize`server key`;
  readonly clientKey = $localize`client key`;
}
