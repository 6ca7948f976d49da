import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import type { EndUserPropertyDefinition, PresetValue } from '../../../api/api.models';
import { EndUsersApi } from '../../../api/end-users.api';
import { ContextStore } from '../../../core/context/context.store';
import { Notifier } from '../../../core/feedback/notifier.service';
import { newId } from '../../../shared/ids';

/** Add or edit a custom user property with its preset values. Closes with `true` when saved. */
@Component({
  selector: 'ff-property-dialog',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatCheckbox,
    MatButton,
    MatIconButton,
    MatIcon,
  ],
  template: `
    <h2 mat-dialog-title>
      @if (existing) {
        <ng-container i18n>Edit property</ng-container>
      } @else {
        <ng-container i18n>Add a property</ng-container>
      }
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" required data-testid="property-name" />
          <mat-error i18n>Enter the property name your SDKs send.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Description</mat-label>
          <input matInput formControlName="remark" />
        </mat-form-field>
        <h3 i18n class="sub">Preset values</h3>
        @for (preset of presets(); track preset.id; let i = $index) {
          <div class="preset">
            <mat-form-field>
              <mat-label i18n>Value</mat-label>
              <input
                matInput
                [value]="preset.value"
                (input)="setPreset(i, { value: $any($event.target).value })"
              />
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n>Description</mat-label>
              <input
                matInput
                [value]="preset.description"
                (input)="setPreset(i, { description: $any($event.target).value })"
              />
            </mat-form-field>
            <button
              mat-icon-button
              type="button"
              (click)="removePreset(i)"
              aria-label="Remove preset value"
              i18n-aria-label
            >
              <mat-icon>close</mat-icon>
            </button>
          </div>
        }
        <button mat-button type="button" class="add" (click)="addPreset()">
          <mat-icon>add</mat-icon> <span i18n>Add preset value</span>
        </button>
        <mat-checkbox i18n formControlName="usePresetValuesOnly"
          >Only allow preset values in rules</mat-checkbox
        >
        <mat-checkbox i18n formControlName="isDigestField">Show in user lists</mat-checkbox>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" mat-dialog-close>Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()">Save</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .sub {
      font: var(--mat-sys-title-small);
      margin: 4px 0 0;
    }
    .preset {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      mat-form-field {
        flex: 1;
      }
    }
    .add {
      align-self: flex-start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PropertyDialogComponent {
  private readonly api = inject(EndUsersApi);
  private readonly notifier = inject(Notifier);
  private readonly envId = inject(ContextStore).envId() ?? '';
  readonly existing = inject<EndUserPropertyDefinition | null>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<PropertyDialogComponent, boolean>>(MatDialogRef);
  readonly saving = signal(false);
  readonly presets = signal<PresetValue[]>(this.existing?.presetValues ?? []);

  readonly form = inject(NonNullableFormBuilder).group({
    name: [this.existing?.name ?? '', Validators.required],
    remark: [this.existing?.remark ?? ''],
    usePresetValuesOnly: [this.existing?.usePresetValuesOnly ?? false],
    isDigestField: [this.existing?.isDigestField ?? false],
  });

  addPreset(): void {
    this.presets.set([...this.presets(), { id: newId(), value: '', description: '' }]);
  }

  setPreset(index: number, patch: Partial<PresetValue>): void {
    this.presets.set(this.presets().map((p, i) => (i === index ? { ...p, ...patch } : p)));
  }

  removePreset(index: number): void {
    this.presets.set(this.presets().filter((_, i) => i !== index));
  }

  save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.api
      .upsertProperty(this.envId, this.existing?.id ?? newId(), {
        name: value.name.trim(),
        remark: value.remark.trim(),
        usePresetValuesOnly: value.usePresetValuesOnly,
        isDigestField: value.isDigestField,
        presetValues: this.presets().filter((p) => p.value.trim() !== ''),
      })
      .subscribe({
        next: () => {
          this.notifier.success($localize`Saved property “${value.name.trim()}:name:”`);
          this.ref.close(true);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.notifier.error(err, $localize`Could not save the property`);
        },
      });
  }
}
