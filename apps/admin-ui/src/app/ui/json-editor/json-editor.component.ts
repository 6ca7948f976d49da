import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { errorMatcher } from '../../shared/error-state';

/** A monospace JSON text area that validates as you type and can pretty-print. */
@Component({
  selector: 'ff-json-editor',
  imports: [FormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton],
  template: `
    <mat-form-field class="json">
      <mat-label>{{ label() }}</mat-label>
      <textarea
        matInput
        class="code"
        spellcheck="false"
        [rows]="rows()"
        [ngModel]="value()"
        [ngModelOptions]="{ standalone: true }"
        (ngModelChange)="valueChange.emit($event)"
        [errorStateMatcher]="matcher()"
        [attr.aria-label]="label()"
      ></textarea>
      @if (error(); as message) {
        <mat-error>{{ message }}</mat-error>
      } @else {
        <mat-hint i18n>Valid JSON</mat-hint>
      }
    </mat-form-field>
    <button i18n mat-button type="button" class="format" [disabled]="!!error()" (click)="format()">
      Format
    </button>
  `,
  styles: `
    :host {
      display: flex;
      gap: 8px;
      align-items: flex-start;
    }
    .json {
      flex: 1;
    }
    .code {
      font-family: 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
      font-size: 13px;
      line-height: 1.45;
    }
    .format {
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JsonEditorComponent {
  readonly value = input.required<string>();
  readonly label = input($localize`JSON value`);
  readonly rows = input(4);
  readonly valueChange = output<string>();

  readonly error = computed(() => {
    try {
      JSON.parse(this.value());
      return null;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return $localize`Invalid JSON: ${reason}:reason:`;
    }
  });
  readonly matcher = computed(() => errorMatcher(this.error()));

  format(): void {
    this.valueChange.emit(JSON.stringify(JSON.parse(this.value()), null, 2));
  }
}
