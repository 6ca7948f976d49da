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
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { type Group, IamApi } from '../../../api/iam.api';
import { Notifier } from '../../../core/feedback/notifier.service';

/** Creates a group, or renames / describes one (`data` is the group to edit). */
@Component({
  selector: 'ff-group-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
  ],
  template: `
    <h2 mat-dialog-title>
      @if (data) {
        <ng-container i18n>Edit group</ng-container>
      } @else {
        <ng-container i18n>New group</ng-container>
      }
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" required data-testid="group-name" />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Description</mat-label>
          <textarea
            matInput
            formControlName="description"
            rows="2"
            data-testid="group-description"
          ></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" (click)="ref.close()">Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="group-save">
          Save
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupDialogComponent {
  private readonly iam = inject(IamApi);
  private readonly notifier = inject(Notifier);
  readonly data = inject<Group | null>(MAT_DIALOG_DATA, { optional: true });
  readonly ref = inject<MatDialogRef<GroupDialogComponent, Group>>(MatDialogRef);
  readonly saving = signal(false);
  readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data?.name ?? '', Validators.required],
    description: [this.data?.description ?? ''],
  });

  save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const body = {
      name: this.form.getRawValue().name.trim(),
      description: this.form.getRawValue().description,
    };
    this.saving.set(true);
    const call = this.data ? this.iam.updateGroup(this.data.id, body) : this.iam.createGroup(body);
    call.subscribe({
      next: (group) => {
        this.notifier.success($localize`Saved “${body.name}:name:”`);
        this.ref.close(group);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not save the group`);
      },
    });
  }
}
