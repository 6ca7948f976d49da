import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { EnvironmentInfo } from '../../../api/api.models';
import { TenancyApi } from '../../../api/tenancy.api';
import { Notifier } from '../../../core/feedback/notifier.service';

/** Add a server or client secret to an environment. */
@Component({
  selector: 'ff-secret-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
  ],
  template: `
    <h2 i18n mat-dialog-title>Add a secret to {{ env.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-button-toggle-group formControlName="type" aria-label="Secret type" i18n-aria-label>
          <mat-button-toggle i18n value="server">Server</mat-button-toggle>
          <mat-button-toggle i18n value="client">Client</mat-button-toggle>
        </mat-button-toggle-group>
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" required />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" mat-dialog-close>Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()">Add</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecretDialogComponent {
  private readonly api = inject(TenancyApi);
  private readonly notifier = inject(Notifier);
  readonly env = inject<EnvironmentInfo>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<SecretDialogComponent, boolean>>(MatDialogRef);
  readonly saving = signal(false);
  readonly form = inject(NonNullableFormBuilder).group({
    type: new FormControl<'server' | 'client'>('server', { nonNullable: true }),
    name: ['', Validators.required],
  });

  save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const { name, type } = this.form.getRawValue();
    this.saving.set(true);
    this.api.addSecret(this.env.id, name.trim(), type).subscribe({
      next: () => {
        this.notifier.success(
          type === 'server'
            ? $localize`Added server secret “${name.trim()}:name:”`
            : $localize`Added client secret “${name.trim()}:name:”`,
        );
        this.ref.close(true);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not add the secret`);
      },
    });
  }
}
