import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

/**
 * Asks for the relay proxy's key before a manual sync: only its hash is stored
 * (docs/relay-proxies.md, Keys), so the server needs it again to send the agent its data.
 */
@Component({
  selector: 'ff-sync-key-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
  ],
  template: `
    <h2 i18n mat-dialog-title>Sync “{{ agentName }}”</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="ff-form">
        <p i18n class="ff-muted">
          The key is not stored, so enter the relay proxy key shown when the relay proxy was created.
        </p>
        <mat-form-field>
          <mat-label i18n>Relay proxy key</mat-label>
          <input
            matInput
            formControlName="key"
            type="password"
            autocomplete="off"
            required
            data-testid="sync-key"
          />
          <mat-hint i18n>Starts with rp-</mat-hint>
          <mat-error i18n>Enter the key (it starts with rp-).</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" (click)="ref.close()">Cancel</button>
        <button i18n mat-flat-button type="submit" data-testid="sync-confirm">Sync</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyncKeyDialogComponent {
  readonly ref = inject<MatDialogRef<SyncKeyDialogComponent, string>>(MatDialogRef);
  readonly agentName = inject<string>(MAT_DIALOG_DATA);
  readonly form = inject(NonNullableFormBuilder).group({
    key: ['', [Validators.required, Validators.pattern(/^\s*rp-\S+\s*$/)]],
  });

  submit(): void {
    this.form.markAllAsTouched();
    if (this.form.valid) this.ref.close(this.form.controls.key.value.trim());
  }
}
