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
import type { Observable } from 'rxjs';
import type { ProjectWithEnvs } from '../../../api/api.models';
import { TenancyApi } from '../../../api/tenancy.api';
import { Notifier } from '../../../core/feedback/notifier.service';
import { settledValid, keyErrorText, keyPattern, slugify, uniqueKey } from '../../../shared/validators';

/** Create a project (the server adds Prod and Dev) or rename one. Closes with `true` when saved. */
@Component({
  selector: 'ff-project-dialog',
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
    <h2 mat-dialog-title>
      @if (project) {
        <ng-container i18n>Rename project</ng-container>
      } @else {
        <ng-container i18n>New project</ng-container>
      }
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" (input)="onName()" required data-testid="project-name" />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Key</mat-label>
          <input matInput formControlName="key" (input)="keyEdited = true" required />
          @if (project) {
            <mat-hint i18n>The key cannot change.</mat-hint>
          } @else {
            <mat-hint i18n>Environments Prod and Dev are created with the project.</mat-hint>
          }
          <mat-error>{{ keyError() }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" mat-dialog-close>Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="project-save">
          Save
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectDialogComponent {
  private readonly api = inject(TenancyApi);
  private readonly notifier = inject(Notifier);
  readonly project = inject<ProjectWithEnvs | null>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<ProjectDialogComponent, boolean>>(MatDialogRef);
  readonly saving = signal(false);
  keyEdited = !!this.project;

  readonly form = inject(NonNullableFormBuilder).group({
    name: [this.project?.name ?? '', Validators.required],
    key: [
      { value: this.project?.key ?? '', disabled: !!this.project },
      [Validators.required, keyPattern],
      [uniqueKey((key) => this.api.isProjectKeyUsed(key))],
    ],
  });

  onName(): void {
    if (!this.keyEdited) this.form.controls.key.setValue(slugify(this.form.controls.name.value));
  }

  keyError(): string {
    return keyErrorText(this.form.controls.key);
  }

  async save(): Promise<void> {
    if (this.saving() || !(await settledValid(this.form)) || this.saving()) return;
    const { name, key } = this.form.getRawValue();
    this.saving.set(true);
    const request: Observable<unknown> = this.project
      ? this.api.updateProject(this.project.id, name.trim())
      : this.api.createProject(name.trim(), key.trim());
    request.subscribe({
      next: () => {
        this.notifier.success(
          this.project
            ? $localize`Renamed to “${name.trim()}:name:”`
            : $localize`Created project “${name.trim()}:name:”`,
        );
        this.ref.close(true);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not save the project`);
      },
    });
  }
}
