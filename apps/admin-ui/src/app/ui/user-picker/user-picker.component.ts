import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import {
  MatChipGrid,
  MatChipInput,
  type MatChipInputEvent,
  MatChipRemove,
  MatChipRow,
} from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { catchError, debounceTime, distinctUntilChanged, type Observable, of, switchMap } from 'rxjs';

export interface PickableUser {
  keyId: string;
  name: string | null;
}

export type UserSearch = (text: string, exclude: string[]) => Observable<PickableUser[]>;

const CREATE = '\u0000create:';

/**
 * A list of end-user keys as chips, with search over the environment's known users and
 * "Add <key>" for users the server has not seen yet.
 */
@Component({
  selector: 'ff-user-picker',
  imports: [
    MatFormField,
    MatLabel,
    MatHint,
    MatChipGrid,
    MatChipRow,
    MatChipInput,
    MatChipRemove,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
    MatIcon,
  ],
  template: `
    <mat-form-field class="picker">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [attr.aria-label]="label()">
        @for (key of keyIds(); track key) {
          <mat-chip-row (removed)="remove(key)">
            {{ key }}
            <button matChipRemove [attr.aria-label]="removeLabel(key)"><mat-icon>cancel</mat-icon></button>
          </mat-chip-row>
        }
        <input
          #box
          placeholder="Search users or type a key"
          i18n-placeholder
          [value]="query()"
          (input)="query.set($any($event.target).value)"
          [matChipInputFor]="grid"
          [matChipInputSeparatorKeyCodes]="separators"
          (matChipInputTokenEnd)="addTyped($event)"
          [matAutocomplete]="auto"
          [attr.data-testid]="testId()"
        />
      </mat-chip-grid>
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="pick($event); box.value = ''">
        @for (user of results(); track user.keyId) {
          <mat-option [value]="user.keyId">
            {{ user.keyId }}
            @if (user.name && user.name !== user.keyId) {
              <span class="ff-muted">· {{ user.name }}</span>
            }
          </mat-option>
        }
        @if (canCreate()) {
          <mat-option i18n [value]="createValue()">Add “{{ query().trim() }}”</mat-option>
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    .picker {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserPickerComponent {
  readonly keyIds = input.required<readonly string[]>();
  readonly search = input.required<UserSearch>();
  readonly label = input($localize`Users`);
  readonly hint = input('');
  readonly testId = input('user-picker');
  readonly keyIdsChange = output<string[]>();

  readonly separators = [ENTER, COMMA] as const;
  readonly query = signal('');

  readonly results = toSignal(
    toObservable(this.query).pipe(
      debounceTime(200),
      distinctUntilChanged(),
      switchMap((text) => this.search()(text.trim(), [...this.keyIds()]).pipe(catchError(() => of([])))),
    ),
    { initialValue: [] as PickableUser[] },
  );
  readonly canCreate = computed(() => {
    const text = this.query().trim();
    return text !== '' && !this.keyIds().includes(text) && !this.results().some((u) => u.keyId === text);
  });
  readonly createValue = computed(() => CREATE + this.query().trim());

  removeLabel(key: string): string {
    return $localize`Remove ${key}:value:`;
  }

  pick(event: MatAutocompleteSelectedEvent): void {
    const value = String(event.option.value);
    this.add(value.startsWith(CREATE) ? value.slice(CREATE.length) : value);
  }

  addTyped(event: MatChipInputEvent): void {
    const value = event.value.trim();
    if (value) this.add(value);
    event.chipInput.clear();
  }

  remove(key: string): void {
    this.keyIdsChange.emit(this.keyIds().filter((k) => k !== key));
  }

  private add(key: string): void {
    this.query.set('');
    if (!key || this.keyIds().includes(key)) return;
    this.keyIdsChange.emit([...this.keyIds(), key]);
  }
}
