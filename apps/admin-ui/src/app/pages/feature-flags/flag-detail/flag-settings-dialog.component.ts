import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatChipGrid,
  MatChipInput,
  type MatChipInputEvent,
  MatChipRemove,
  MatChipRow,
} from '@angular/material/chips';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import type { FeatureFlag } from '../../../api/api.models';
import { FlagsApi } from '../../../api/flags.api';
import { ContextStore } from '../../../core/context/context.store';
import { Notifier } from '../../../core/feedback/notifier.service';

/** Name, description and tags of a flag (each its own endpoint). Closes with `true` when saved. */
@Component({
  selector: 'ff-flag-settings-dialog',
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
    MatIcon,
    MatChipGrid,
    MatChipRow,
    MatChipInput,
    MatChipRemove,
  ],
  template: `
    <h2 i18n mat-dialog-title>Edit “{{ flag.name }}”</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" required data-testid="flag-settings-name" />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Description</mat-label>
          <textarea matInput formControlName="description" rows="3"></textarea>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Tags</mat-label>
          <mat-chip-grid #grid aria-label="Tags" i18n-aria-label>
            @for (tag of tags(); track tag) {
              <mat-chip-row (removed)="removeTag(tag)">
                {{ tag }}
                <button matChipRemove [attr.aria-label]="removeTagLabel(tag)">
                  <mat-icon>cancel</mat-icon>
                </button>
              </mat-chip-row>
            }
            <input
              placeholder="Add a tag"
              i18n-placeholder
              [matChipInputFor]="grid"
              [matChipInputSeparatorKeyCodes]="separators"
              [matChipInputAddOnBlur]="true"
              (matChipInputTokenEnd)="addTag($event)"
            />
          </mat-chip-grid>
        </mat-form-field>
        @if (context.requireChangeComment()) {
          <mat-form-field>
            <mat-label i18n>Comment</mat-label>
            <input matInput formControlName="comment" required />
            <mat-hint i18n>This environment requires a comment for every change.</mat-hint>
            <mat-error i18n>Enter a comment.</mat-error>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" mat-dialog-close>Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()">Save</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagSettingsDialogComponent {
  private readonly api = inject(FlagsApi);
  private readonly notifier = inject(Notifier);
  readonly context = inject(ContextStore);
  readonly flag = inject<FeatureFlag>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<FlagSettingsDialogComponent, boolean>>(MatDialogRef);
  readonly separators = [ENTER, COMMA] as const;
  readonly saving = signal(false);
  readonly tags = signal<string[]>([...this.flag.tags]);

  readonly form = inject(NonNullableFormBuilder).group({
    name: [this.flag.name, Validators.required],
    description: [this.flag.description],
    comment: ['', this.context.requireChangeComment() ? Validators.required : []],
  });

  removeTagLabel(tag: string): string {
    return $localize`Remove tag ${tag}:tag:`;
  }

  addTag(event: MatChipInputEvent): void {
    const tag = event.value.trim();
    if (tag && !this.tags().includes(tag)) this.tags.set([...this.tags(), tag]);
    event.chipInput.clear();
  }

  removeTag(tag: string): void {
    this.tags.set(this.tags().filter((t) => t !== tag));
  }

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const { name, description, comment } = this.form.getRawValue();
    const envId = this.context.envId() ?? '';
    const note = comment.trim() || undefined;
    this.saving.set(true);
    try {
      if (name.trim() !== this.flag.name) {
        await firstValueFrom(this.api.updateName(envId, this.flag.key, name.trim(), note));
      }
      if (description !== this.flag.description) {
        await firstValueFrom(this.api.updateDescription(envId, this.flag.key, description, note));
      }
      if (JSON.stringify(this.tags()) !== JSON.stringify(this.flag.tags)) {
        await firstValueFrom(this.api.updateTags(envId, this.flag.key, this.tags(), note));
      }
      this.notifier.success($localize`Saved “${name.trim()}:flagName:”`);
      this.ref.close(true);
    } catch (err) {
      this.saving.set(false);
      this.notifier.error(err, $localize`Could not save the flag`);
    }
  }
}
