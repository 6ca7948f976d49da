import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { OrganizationSummary } from '../../../api/api.models';
import { OrganizationsApi } from '../../../api/organizations.api';
import { Notifier } from '../../../core/feedback/notifier.service';
import { keyErrorText, keyPattern, settledValid, slugify, uniqueKey } from '../../../shared/validators';

/** A new organization in the current workspace; closes with it (the caller is its Owner). */
@Component({
  selector: 'ff-create-organization-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
  ],
  template: `
    <h2 i18n mat-dialog-title>New organization</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" (input)="onName()" required data-testid="org-create-name" />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Key</mat-label>
          <input
            matInput
            formControlName="key"
            (input)="keyEdited = true"
            required
            data-testid="org-create-key"
          />
          @if (form.controls.key.pending) {
            <mat-hint i18n>Checking…</mat-hint>
          }
          <mat-error>{{ keyError() }}</mat-error>
        </mat-form-field>
        <p i18n class="ff-muted ff-small">You become its owner; the next step creates its first project.</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" mat-dialog-close>Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="org-create-submit">
          Create
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateOrganizationDialogComponent {
  private readonly api = inject(OrganizationsApi);
  private readonly notifier = inject(Notifier);
  readonly ref = inject<MatDialogRef<CreateOrganizationDialogComponent, OrganizationSummary>>(MatDialogRef);
  readonly saving = signal(false);
  keyEdited = false;

  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    key: ['', [Validators.required, keyPattern], [uniqueKey((key) => this.api.isKeyUsed(key))]],
  });

  onName(): void {
    if (!this.keyEdited) {
      this.form.controls.key.setValue(slugify(this.form.controls.name.value));
      this.form.controls.key.markAsTouched();
    }
  }

  keyError(): string {
    return keyErrorText(this.form.controls.key);
  }

  async submit(): Promise<void> {
    if (this.saving() || !(await settledValid(this.form)) || this.saving()) return;
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.api.create(value.name.trim(), value.key.trim()).subscribe({
      next: (org) => this.ref.close(org),
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not create the organization`);
      },
    });
  }
}
