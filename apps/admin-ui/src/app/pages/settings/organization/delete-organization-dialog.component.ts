import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { OrganizationSummary } from '../../../api/api.models';
import { OrganizationsApi } from '../../../api/organizations.api';
import { Notifier } from '../../../core/feedback/notifier.service';
import { confirmationMatches } from '../../../shared/organization-forms';

/** Deletes the current organization once its name is typed; closes with true when it is gone. */
@Component({
  selector: 'ff-delete-organization-dialog',
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatInput,
    MatButton,
  ],
  template: `
    <h2 i18n mat-dialog-title>Delete “{{ org.name }}”?</h2>
    <mat-dialog-content class="ff-form">
      <p i18n>
        Its projects, environments, flags, segments, members' access and settings are deleted. This cannot be
        undone.
      </p>
      <mat-form-field>
        <mat-label i18n>Type the organization's name to confirm</mat-label>
        <input
          matInput
          [ngModel]="typed()"
          (ngModelChange)="typed.set($event)"
          autocomplete="off"
          data-testid="org-delete-confirm"
        />
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button i18n mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        i18n
        mat-flat-button
        type="button"
        class="danger"
        [disabled]="!matches() || deleting()"
        (click)="remove()"
        data-testid="org-delete-submit"
      >
        Delete organization
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeleteOrganizationDialogComponent {
  private readonly api = inject(OrganizationsApi);
  private readonly notifier = inject(Notifier);
  readonly org = inject<OrganizationSummary>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<DeleteOrganizationDialogComponent, boolean>>(MatDialogRef);
  readonly typed = signal('');
  readonly deleting = signal(false);

  matches(): boolean {
    return confirmationMatches(this.typed(), this.org.name);
  }

  remove(): void {
    if (!this.matches()) return;
    this.deleting.set(true);
    this.api.remove().subscribe({
      next: () => this.ref.close(true),
      error: (err: unknown) => {
        this.deleting.set(false);
        this.notifier.error(err, $localize`Could not delete the organization`);
      },
    });
  }
}
