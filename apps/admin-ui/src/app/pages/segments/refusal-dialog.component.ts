import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import type { FlagReference } from '../../api/api.models';
import { SegmentsApi } from '../../api/segments.api';
import { ContextStore } from '../../core/context/context.store';

export interface RefusalData {
  title: string;
  reason: string;
  flags: FlagReference[];
  segmentId: string;
}

/** Why the server refused, with links to the flags that block the action. */
@Component({
  selector: 'ff-refusal-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, RouterLink],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p data-testid="refusal-reason">{{ data.reason }}</p>
      <ul>
        @for (flag of flags(); track flag.id) {
          <li>
            <a [routerLink]="['/feature-flags', flag.key, 'targeting']" mat-dialog-close>{{ flag.name }}</a>
            <span class="ff-chip-key">{{ flag.key }}</span>
          </li>
        }
      </ul>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button i18n mat-flat-button type="button" mat-dialog-close>OK</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RefusalDialogComponent {
  readonly data = inject<RefusalData>(MAT_DIALOG_DATA);
  readonly flags = signal<FlagReference[]>(this.data.flags);

  constructor() {
    // The error may not list the flags: ask for the references.
    if (this.data.flags.length === 0) {
      const envId = inject(ContextStore).envId() ?? '';
      inject(SegmentsApi)
        .flagReferences(envId, this.data.segmentId)
        .subscribe({ next: (flags) => this.flags.set(flags), error: () => undefined });
    }
  }
}
