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
import { SegmentsApi } from '../../../api/segments.api';
import { ContextStore } from '../../../core/context/context.store';
import { Notifier } from '../../../core/feedback/notifier.service';
import { settledValid, keyErrorText, keyPattern, slugify, uniqueKey } from '../../../shared/validators';

/** New environment segment; closes with its id. */
@Component({
  selector: 'ff-segment-create-dialog',
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
    <h2 mat-dialog-title>Create a segment</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" (input)="onName()" required data-testid="segment-name" />
          <mat-error>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Key</mat-label>
          <input
            matInput
            formControlName="key"
            (input)="keyEdited = true"
            required
            data-testid="segment-key"
          />
          @if (form.controls.key.pending) {
            <mat-hint>Checking…</mat-hint>
          }
          <mat-error>{{ keyError() }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Description (optional)</mat-label>
          <textarea matInput formControlName="description" rows="2"></textarea>
        </mat-form-field>
        <p class="ff-muted ff-small">The segment belongs to the current environment.</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="segment-create-submit">
          Create
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentCreateDialogComponent {
  private readonly api = inject(SegmentsApi);
  private readonly notifier = inject(Notifier);
  private readonly envId = inject(ContextStore).envId() ?? '';
  readonly ref = inject<MatDialogRef<SegmentCreateDialogComponent, string>>(MatDialogRef);
  readonly saving = signal(false);
  keyEdited = false;

  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    key: [
      '',
      [Validators.required, keyPattern],
      [uniqueKey((key) => this.api.isKeyUsed(this.envId, key, 'environment-specific'))],
    ],
    description: [''],
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
    this.api
      .create(this.envId, {
        type: 'environment-specific',
        name: value.name.trim(),
        key: value.key.trim(),
        description: value.description.trim(),
        scopes: [],
      })
      .subscribe({
        next: (segment) => {
          this.notifier.success(`Created segment “${value.name.trim()}”`);
          this.ref.close(segment.id);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.notifier.error(err, 'Could not create the segment');
        },
      });
  }
}
