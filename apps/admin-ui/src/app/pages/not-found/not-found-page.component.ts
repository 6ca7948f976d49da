import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'ff-not-found-page',
  imports: [RouterLink, MatButton],
  template: `
    <div class="ff-page">
      <div class="ff-card">
        <h2>Page not found</h2>
        <p class="ff-muted">There is nothing at this address.</p>
        <a mat-flat-button routerLink="/feature-flags">Go to feature flags</a>
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPageComponent {}
