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
import { MatSlideToggle } from '@angular/material/slide-toggle';
import type { Observable } from 'rxjs';
import type { EnvironmentInfo, ProjectWithEnvs } from '../../../api/api.models';
import { TenancyApi } from '../../../api/tenancy.api';
import { Notifier } from '../../../core/feedback/notifier.service';
import { settledValid, keyErrorText, keyPattern, slugify, uniqueKey } from '../../../shared/validators';

export interface EnvironmentDialogData {
  project: ProjectWithEnvs;
  environment: EnvironmentInfo | null;
}

/** Create or edit an environment. Closes with `true` when saved. */
@Component({
  selector: 'ff-environment-dialog',
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
    MatSlideToggle,
  ],
  template: `
    <h2 mat-dialog-title>{{ env ? 'Edit ' + env.name : 'New environment in ' + data.project.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" (input)="onName()" required data-testid="env-name" />
          <mat-error>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Key</mat-label>
          <input matInput formControlName="key" (input)="keyEdited = true" required />
          @if (env) {
            <mat-hint>The key cannot change.</mat-hint>
          }
          <mat-error>{{ keyError() }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Description</mat-label>
          <textarea matInput formControlName="description" rows="2"></textarea>
        </mat-form-field>
        <mat-slide-toggle formControlName="requireChangeComment">
          Require a comment for every flag and segment change
        </mat-slide-toggle>
        @if (!env) {
          <p class="ff-muted ff-small">A server key and a client key are created with the environment.</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="env-save">Save</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnvironmentDialogComponent {
  private readonly api = inject(TenancyApi);
  private readonly notifier = inject(Notifier);
  readonly data = inject<EnvironmentDialogData>(MAT_DIALOG_DATA);
  readonly env = this.data.environment;
  readonly ref = inject<MatDialogRef<EnvironmentDialogComponent, boolean>>(MatDialogRef);
  readonly saving = signal(false);
  keyEdited = !!this.env;

  readonly form = inject(NonNullableFormBuilder).group({
    name: [this.env?.name ?? '', Validators.required],
    key: [
      { value: this.env?.key ?? '', disabled: !!this.env },
      [Validators.required, keyPattern],
      [uniqueKey((key) => this.api.isEnvironmentKeyUsed(this.data.project.id, key))],
    ],
    description: [this.env?.description ?? ''],
    requireChangeComment: [this.env?.settings.requireChangeComment ?? false],
  });

  onName(): void {
    if (!this.keyEdited) this.form.controls.key.setValue(slugify(this.form.controls.name.value));
  }

  keyError(): string {
    return keyErrorText(this.form.controls.key);
  }

  async save(): Promise<void> {
    if (this.saving() || !(await settledValid(this.form)) || this.saving()) return;
    const v = this.form.getRawValue();
    const input = {
      name: v.name.trim(),
      key: v.key.trim(),
      description: v.description.trim(),
      settings: { requireChangeComment: v.requireChangeComment },
    };
    this.saving.set(true);
    const request: Observable<unknown> = this.env
      ? this.api.updateEnvironment(this.data.project.id, this.env.id, { ...input, key: undefined })
      : this.api.createEnvironment(this.data.project.id, input);
    request.subscribe({
      next: () => {
        this.notifier.success(this.env ? `Saved “${input.name}”` : `Created environment “${input.name}”`);
        this.ref.close(true);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, 'Could not save the environment');
      },
    });
  }
}
