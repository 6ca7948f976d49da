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
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import type { SegmentType } from '../../../api/api.models';
import { SegmentsApi } from '../../../api/segments.api';
import { ContextStore } from '../../../core/context/context.store';
import { Notifier } from '../../../core/feedback/notifier.service';
import { sharedSegmentScopes } from '../../../shared/organization-forms';
import { settledValid, keyErrorText, keyPattern, slugify, uniqueKey } from '../../../shared/validators';

/** New segment, of this environment or shared by several; closes with its id. */
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
    MatRadioGroup,
    MatRadioButton,
    MatSelect,
    MatOption,
  ],
  template: `
    <h2 i18n mat-dialog-title>Create a segment</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" (input)="onName()" required data-testid="segment-name" />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Key</mat-label>
          <input
            matInput
            formControlName="key"
            (input)="keyEdited = true"
            required
            data-testid="segment-key"
          />
          @if (form.controls.key.pending) {
            <mat-hint i18n>Checking…</mat-hint>
          }
          <mat-error>{{ keyError() }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Description (optional)</mat-label>
          <textarea matInput formControlName="description" rows="2"></textarea>
        </mat-form-field>
        <mat-radio-group
          formControlName="type"
          aria-label="Where the segment applies"
          i18n-aria-label
          class="types"
          (change)="form.controls.key.updateValueAndValidity()"
        >
          <mat-radio-button i18n value="environment-specific" data-testid="segment-type-env"
            >This environment only</mat-radio-button
          >
          <mat-radio-button i18n value="shared" data-testid="segment-type-shared"
            >Shared by several environments</mat-radio-button
          >
        </mat-radio-group>
        @if (form.controls.type.value === 'shared') {
          <mat-form-field>
            <mat-label i18n>Environments it covers</mat-label>
            <mat-select formControlName="envIds" multiple data-testid="segment-envs">
              @for (e of environments; track e.env.id) {
                <mat-option [value]="e.env.id" [disabled]="e.env.id === envId"
                  >{{ e.project.name }} / {{ e.env.name }}</mat-option
                >
              }
            </mat-select>
            <mat-hint i18n>The current environment is always included.</mat-hint>
          </mat-form-field>
        } @else {
          <p i18n class="ff-muted ff-small">The segment belongs to the current environment.</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" mat-dialog-close>Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="segment-create-submit">
          Create
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .types {
      display: flex;
      flex-direction: column;
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentCreateDialogComponent {
  private readonly api = inject(SegmentsApi);
  private readonly notifier = inject(Notifier);
  private readonly context = inject(ContextStore);
  readonly envId = this.context.envId() ?? '';
  readonly environments = this.context.allEnvironments();
  readonly ref = inject<MatDialogRef<SegmentCreateDialogComponent, string>>(MatDialogRef);
  readonly saving = signal(false);
  keyEdited = false;

  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    key: [
      '',
      [Validators.required, keyPattern],
      [uniqueKey((key) => this.api.isKeyUsed(this.envId, key, this.keyType()))],
    ],
    description: [''],
    type: inject(NonNullableFormBuilder).control<SegmentType>('environment-specific'),
    envIds: [[this.envId]],
  });

  onName(): void {
    if (!this.keyEdited) {
      this.form.controls.key.setValue(slugify(this.form.controls.name.value));
      this.form.controls.key.markAsTouched();
    }
  }

  // A shared key must be free across the organization, an environment one in the environment.
  private keyType(): SegmentType {
    return this.form.controls.type.value ?? 'environment-specific';
  }

  /** The covered environments as scopes; the current one always among them (the server requires it). */
  private scopes(envIds: readonly string[]): string[] {
    const orgKey = this.context.organization()?.key ?? '';
    const chosen = new Set([this.envId, ...envIds]);
    return sharedSegmentScopes(
      orgKey,
      this.environments
        .filter((e) => chosen.has(e.env.id))
        .map((e) => ({ projectKey: e.project.key, envKey: e.env.key })),
    );
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
        type: value.type,
        name: value.name.trim(),
        key: value.key.trim(),
        description: value.description.trim(),
        scopes: value.type === 'shared' ? this.scopes(value.envIds) : [],
      })
      .subscribe({
        next: (segment) => {
          this.notifier.success($localize`Created segment “${value.name.trim()}:name:”`);
          this.ref.close(segment.id);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.notifier.error(err, $localize`Could not create the segment`);
        },
      });
  }
}
