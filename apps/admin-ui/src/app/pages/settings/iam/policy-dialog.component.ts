import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
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
import { IamApi, type Policy } from '../../../api/iam.api';
import { Notifier } from '../../../core/feedback/notifier.service';
import { slugify } from '../../../shared/validators';

/** What the dialog does: create a policy, clone one (`from`), or edit its name and description. */
export interface PolicyDialogData {
  from?: Policy;
  edit?: Policy;
}

@Component({
  selector: 'ff-policy-dialog',
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
    <h2 mat-dialog-title>{{ title }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" required (input)="suggestKey()" data-testid="policy-name" />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
        @if (!data.edit) {
          <mat-form-field>
            <mat-label i18n>Key</mat-label>
            <input matInput formControlName="key" required data-testid="policy-key" />
            <mat-hint i18n>Unique in the organization; letters, digits, - and _.</mat-hint>
            <mat-error i18n>Enter a key.</mat-error>
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label i18n>Description</mat-label>
          <textarea matInput formControlName="description" rows="2"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" (click)="ref.close()">Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="policy-save">
          Save
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PolicyDialogComponent {
  private readonly iam = inject(IamApi);
  private readonly notifier = inject(Notifier);
  readonly data = inject<PolicyDialogData>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<PolicyDialogComponent, Policy>>(MatDialogRef);
  readonly saving = signal(false);
  readonly title = this.data.edit
    ? $localize`Edit policy`
    : this.data.from
      ? $localize`Clone “${this.data.from.name}:name:”`
      : $localize`New policy`;
  private keyTouched = false;
  readonly form = inject(NonNullableFormBuilder).group({
    name: [
      this.data.edit?.name ?? (this.data.from ? `${this.data.from.name} copy` : ''),
      Validators.required,
    ],
    key: [this.data.from ? `${this.data.from.key}-copy` : '', Validators.required],
    description: [this.data.edit?.description ?? this.data.from?.description ?? ''],
  });

  constructor() {
    this.form.controls.key.valueChanges.subscribe(() => {
      if (this.form.controls.key.dirty) this.keyTouched = true;
    });
  }

  suggestKey(): void {
    if (!this.keyTouched && !this.data.from)
      this.form.controls.key.setValue(slugify(this.form.controls.name.value));
  }

  save(): void {
    this.form.markAllAsTouched();
    const { name, key, description } = this.form.getRawValue();
    if (this.data.edit ? this.form.controls.name.invalid : this.form.invalid) return;
    if (this.saving()) return;
    this.saving.set(true);
    const body = { name: name.trim(), key: key.trim(), description };
    const call = this.data.edit
      ? this.iam.updatePolicySettings(this.data.edit.id, body.name, description)
      : this.data.from
        ? this.iam.clonePolicy(this.data.from.key, body)
        : this.iam.createPolicy(body);
    call.subscribe({
      next: (policy) => {
        this.notifier.success($localize`Saved “${body.name}:name:”`);
        this.ref.close(policy);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not save the policy`);
      },
    });
  }
}
