import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatTooltip } from '@angular/material/tooltip';
import type { Variation, VariationType } from '../../api/api.models';
import { errorMatcher } from '../../shared/error-state';
import { newId } from '../../shared/ids';
import { variationsError, variationValueError } from '../../shared/variations';
import { JsonEditorComponent } from '../json-editor/json-editor.component';

/** The variations of a flag: name and value per row, values checked against the variation type. */
@Component({
  selector: 'ff-variations-editor',
  imports: [
    FormsModule,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatButton,
    MatIconButton,
    MatIcon,
    MatTooltip,
    JsonEditorComponent,
  ],
  template: `
    <div class="variations" role="group" aria-label="Variations" i18n-aria-label>
      @for (v of variations(); track v.id; let i = $index) {
        <div class="variation">
          <mat-form-field class="name">
            <mat-label i18n>Name</mat-label>
            <input
              matInput
              [value]="v.name"
              (input)="patch(i, { name: $any($event.target).value })"
              [attr.data-testid]="'variation-name-' + i"
            />
          </mat-form-field>
          @if (type() === 'json') {
            <ff-json-editor
              class="value"
              [value]="v.value"
              label="Value"
              i18n-label
              (valueChange)="patch(i, { value: $event })"
            />
          } @else {
            <mat-form-field class="value">
              <mat-label i18n>Value</mat-label>
              <input
                matInput
                [ngModel]="v.value"
                [ngModelOptions]="{ standalone: true }"
                [readonly]="type() === 'boolean'"
                (ngModelChange)="patch(i, { value: $event })"
                [errorStateMatcher]="matcherFor(v.value)"
                [attr.data-testid]="'variation-value-' + i"
              />
              <mat-error>{{ valueError(v.value) }}</mat-error>
            </mat-form-field>
          }
          @if (type() !== 'boolean') {
            <button
              mat-icon-button
              type="button"
              [disabled]="variations().length <= 2 || !canRemove()(v.id)"
              (click)="removeAt(i)"
              [attr.aria-label]="removeLabel(v.name)"
              matTooltip="Remove variation"
              i18n-matTooltip
            >
              <mat-icon>delete</mat-icon>
            </button>
          }
        </div>
      }
      @if (type() !== 'boolean') {
        <button mat-button type="button" class="add" (click)="add()">
          <mat-icon>add</mat-icon> <span i18n>Add variation</span>
        </button>
      }
      @if (listError(); as message) {
        <p class="ff-error-text ff-small" role="alert">{{ message }}</p>
      }
    </div>
  `,
  styles: `
    .variations {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .variation {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      flex-wrap: wrap;
    }
    .name {
      flex: 1 1 160px;
    }
    .value {
      flex: 2 1 240px;
    }
    .add {
      align-self: flex-start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VariationsEditorComponent {
  readonly type = input.required<VariationType>();
  readonly variations = input.required<readonly Variation[]>();
  /** Variations still in use (off variation, rules) cannot be removed. */
  readonly canRemove = input<(id: string) => boolean>(() => true);
  readonly variationsChange = output<Variation[]>();

  readonly listError = computed(() => {
    const error = variationsError(this.type(), this.variations());
    // Per-value problems are already shown under each field.
    return error && !this.variations().some((v) => variationValueError(this.type(), v.value)) ? error : null;
  });

  removeLabel(name: string): string {
    return $localize`Remove variation ${name}:name:`;
  }

  valueError(value: string): string | null {
    return variationValueError(this.type(), value);
  }

  matcherFor(value: string) {
    return errorMatcher(this.valueError(value));
  }

  patch(index: number, patch: Partial<Variation>): void {
    this.variationsChange.emit(this.variations().map((v, i) => (i === index ? { ...v, ...patch } : v)));
  }

  add(): void {
    const n = this.variations().length + 1;
    const value = this.type() === 'number' ? String(n) : this.type() === 'json' ? '{}' : `variant-${n}`;
    this.variationsChange.emit([...this.variations(), { id: newId(), name: `Variant ${n}`, value }]);
  }

  removeAt(index: number): void {
    this.variationsChange.emit(this.variations().filter((_, i) => i !== index));
  }
}
