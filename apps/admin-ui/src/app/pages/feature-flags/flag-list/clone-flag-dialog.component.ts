import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { FlagListItem } from '../../../api/api.models';
import { FlagsApi } from '../../../api/flags.api';
import { ContextStore } from '../../../core/context/context.store';
import { Notifier } from '../../../core/feedback/notifier.service';
import { settledValid, keyErrorText, keyPattern, uniqueKey } from '../../../shared/validators';

/** Clone a flag (with its targeting) in the same environment; closes with the new key. */
@Component({
  selector: 'ff-clone-flag-dialog',
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
    <h2 i18n mat-dialog-title>Clone “{{ source.name }}”</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="ff-form">
        <p i18n class="ff-muted">The copy gets the same variations and targeting, turned off.</p>
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" required />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Key</mat-label>
          <input matInput formControlName="key" required data-testid="clone-key" />
          @if (form.controls.key.pending) {
            <mat-hint i18n>Checking…</mat-hint>
          }
          <mat-error>{{ keyError() }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Description</mat-label>
          <textarea matInput formControlName="description" rows="2"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" mat-dialog-close>Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()">Clone</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CloneFlagDialogComponent {
  private readonly api = inject(FlagsApi);
  private readonly notifier = inject(Notifier);
  private readonly envId = inject(ContextStore).envId() ?? '';
  readonly source = inject<FlagListItem>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<CloneFlagDialogComponent, string>>(MatDialogRef);
  readonly saving = signal(false);

  readonly form = inject(NonNullableFormBuilder).group({
    name: [$localize`${this.source.name}:flagName: (copy)`, Validators.required],
    key: [
      `${this.source.key}-copy`,
      [Validators.required, keyPattern],
      [uniqueKey((key) => this.api.isKeyUsed(this.envId, key))],
    ],
    description: [this.source.description ?? ''],
  });

  keyError(): string {
    return keyErrorText(this.form.controls.key);
  }

  async submit(): Promise<void> {
    if (this.saving() || !(await settledValid(this.form)) || this.saving()) return;
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.api
      .clone(this.envId, this.source.key, {
        name: value.name.trim(),
        key: value.key.trim(),
        description: value.description,
        tags: this.source.tags ?? [],
      })
      .subscribe({
        next: () => {
          this.notifier.success($localize`Cloned into “${value.name.trim()}:flagName:”`);
          this.ref.close(value.key.trim());
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.notifier.error(err, $localize`Could not clone the flag`);
        },
      });
  }
}
