import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
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
import { MatOption } from '@angular/material/core';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { catchError, map, type Observable, of } from 'rxjs';
import type { EnvironmentInfo, ProjectWithEnvs } from '../../../api/api.models';
import { ReleaseWorkflowsApi } from '../../../api/release-workflows.api';
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
    MatSelect,
    MatOption,
  ],
  template: `
    <h2 mat-dialog-title>
      @if (env) {
        <ng-container i18n>Edit {{ env.name }}</ng-container>
      } @else {
        <ng-container i18n>New environment in {{ data.project.name }}</ng-container>
      }
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" (input)="onName()" required data-testid="env-name" />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Key</mat-label>
          <input matInput formControlName="key" (input)="keyEdited = true" required />
          @if (env) {
            <mat-hint i18n>The key cannot change.</mat-hint>
          }
          <mat-error>{{ keyError() }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Description</mat-label>
          <textarea matInput formControlName="description" rows="2"></textarea>
        </mat-form-field>
        <mat-slide-toggle i18n formControlName="requireChangeComment">
          Require a comment for every flag and segment change
        </mat-slide-toggle>
        <mat-slide-toggle i18n formControlName="approvalRequired" data-testid="env-require-approval">
          Require approval for changes
        </mat-slide-toggle>
        @if (form.controls.approvalRequired.value) {
          <p i18n class="ff-muted ff-small">
            Changes to what a flag serves (on/off, targeting, variations) go through a change request that a
            reviewer approves. Nobody approves their own.
          </p>
          <mat-form-field>
            <mat-label i18n>Reviewers</mat-label>
            <mat-select formControlName="reviewerMemberIds" multiple data-testid="env-reviewer-members">
              @for (m of members(); track m.id) {
                <mat-option [value]="m.id">{{ m.name || m.email }} · {{ m.email }}</mat-option>
              }
            </mat-select>
            <mat-hint i18n>Members who may review; with no member or group, every member may.</mat-hint>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n>Reviewer groups</mat-label>
            <mat-select formControlName="reviewerGroupIds" multiple data-testid="env-reviewer-groups">
              @for (g of groups(); track g.id) {
                <mat-option [value]="g.id">{{ g.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-slide-toggle i18n formControlName="applyOnApproval" data-testid="env-apply-on-approval">
            Apply on approval (otherwise the requester applies it)
          </mat-slide-toggle>
        }
        @if (!env) {
          <p i18n class="ff-muted ff-small">
            A server key and a client key are created with the environment.
          </p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" mat-dialog-close>Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="env-save">Save</button>
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
  private readonly workflows = inject(ReleaseWorkflowsApi);
  readonly members = toSignal(
    this.workflows.members().pipe(
      map((page) => page.items),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );
  readonly groups = toSignal(
    this.workflows.groups().pipe(
      map((page) => page.items),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );
  private readonly approval = this.env?.settings.changeApproval;

  readonly form = inject(NonNullableFormBuilder).group({
    name: [this.env?.name ?? '', Validators.required],
    key: [
      { value: this.env?.key ?? '', disabled: !!this.env },
      [Validators.required, keyPattern],
      [uniqueKey((key) => this.api.isEnvironmentKeyUsed(this.data.project.id, key))],
    ],
    description: [this.env?.description ?? ''],
    requireChangeComment: [this.env?.settings.requireChangeComment ?? false],
    approvalRequired: [this.approval?.required ?? false],
    reviewerMemberIds: [this.approval?.reviewerMemberIds ?? ([] as string[])],
    reviewerGroupIds: [this.approval?.reviewerGroupIds ?? ([] as string[])],
    applyOnApproval: [this.approval?.applyOnApproval ?? false],
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
      settings: {
        requireChangeComment: v.requireChangeComment,
        changeApproval: {
          required: v.approvalRequired,
          reviewerMemberIds: v.reviewerMemberIds,
          reviewerGroupIds: v.reviewerGroupIds,
          applyOnApproval: v.applyOnApproval,
        },
      },
    };
    this.saving.set(true);
    const request: Observable<unknown> = this.env
      ? this.api.updateEnvironment(this.data.project.id, this.env.id, { ...input, key: undefined })
      : this.api.createEnvironment(this.data.project.id, input);
    request.subscribe({
      next: () => {
        this.notifier.success(
          this.env
            ? $localize`Saved “${input.name}:name:”`
            : $localize`Created environment “${input.name}:name:”`,
        );
        this.ref.close(true);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not save the environment`);
      },
    });
  }
}
