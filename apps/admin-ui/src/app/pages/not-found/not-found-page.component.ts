import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'ff-not-found-page',
  imports: [RouterLink, MatButton],
  template: `
    <div class="ff-page">
      <div class="ff-card">
        <h2 i18n>Page not found</h2>
        <p i18n class="ff-muted">There is nothing at this address.</p>
        <a i18n mat-flat-button routerLink="/feature-flags">Go to feature flags</a>
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPageComponent {}
