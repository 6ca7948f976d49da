import { ChangeDetectionStrategy, Component, computed, inject, input, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import { catchError, of } from 'rxjs';
import { IamApi, type Resource } from '../../api/iam.api';
import { actionsFor, RESOURCE_TYPES } from '../../shared/permissions';
import {
  draftProblems,
  newDraft,
  RESOURCE_EXAMPLES,
  resourcesOf,
  type StatementDraft,
} from '../../shared/statement-draft';

/**
 * Edits policy statements (FeatBit's policy editor): allow or deny, a resource type, its actions and
 * resource names (one per line, `*` wildcards, `;tag` filters), picked from `GET resources` or typed.
 * The parent saves `drafts()`; `problems()` (the server's own validation) says whether it may.
 */
@Component({
  selector: 'ff-statement-editor',
  imports: [
    FormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatIconButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatOption,
    MatFormField,
    MatLabel,
    MatHint,
    MatIcon,
    MatInput,
    MatSelect,
    MatTooltip,
  ],
  template: `
    @for (draft of drafts(); track $index; let i = $index) {
      <fieldset class="statement" [attr.data-testid]="'statement-' + i" [disabled]="readonly()">
        <legend i18n>Statement {{ i + 1 }}</legend>
        <div class="row">
          <mat-button-toggle-group
            [value]="draft.effect"
            (change)="patch(i, { effect: $event.value })"
            [disabled]="readonly()"
            aria-label="Effect"
            i18n-aria-label
            [attr.data-testid]="'statement-effect-' + i"
          >
            <mat-button-toggle i18n value="allow">Allow</mat-button-toggle>
            <mat-button-toggle i18n value="deny">Deny</mat-button-toggle>
          </mat-button-toggle-group>
          <mat-form-field class="type">
            <mat-label i18n>Resource type</mat-label>
            <mat-select
              [value]="draft.resourceType"
              (selectionChange)="changeType(i, $event.value)"
              [disabled]="readonly()"
              [attr.data-testid]="'statement-type-' + i"
            >
              @for (type of types; track type) {
                <mat-option [value]="type">{{ type === '*' ? allTypes : type }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <span class="ff-spacer"></span>
          @if (!readonly()) {
            <button
              mat-icon-button
              type="button"
              (click)="remove(i)"
              [attr.aria-label]="removeLabel(i)"
              matTooltip="Remove statement"
              i18n-matTooltip
            >
              <mat-icon>delete</mat-icon>
            </button>
          }
        </div>
        <mat-form-field class="wide">
          <mat-label i18n>Actions</mat-label>
          <mat-select
            multiple
            [value]="draft.actions"
            (selectionChange)="patch(i, { actions: $event.value })"
            [disabled]="readonly()"
            [attr.data-testid]="'statement-actions-' + i"
          >
            <mat-option i18n value="*">All actions (*)</mat-option>
            @for (action of actionsOf(draft.resourceType); track action) {
              <mat-option [value]="action">{{ action }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label i18n>Resources</mat-label>
          <textarea
            matInput
            rows="2"
            [ngModel]="draft.resourcesText"
            (ngModelChange)="patch(i, { resourcesText: $event })"
            [readonly]="readonly()"
            [attr.data-testid]="'statement-resources-' + i"
          ></textarea>
          <mat-hint i18n>
            One per line, e.g. <code>{{ example(draft.resourceType) }}</code>; <code>*</code> matches any key,
            <code>;tag</code> limits flags and segments to a tag.
          </mat-hint>
        </mat-form-field>
        @if (!readonly()) {
          <mat-form-field class="wide picker">
            <mat-label i18n>Add a resource</mat-label>
            <input
              matInput
              [matAutocomplete]="auto"
              [ngModel]="query()"
              (ngModelChange)="search(draft.resourceType, $event)"
              (focus)="search(draft.resourceType, query())"
              [attr.data-testid]="'statement-picker-' + i"
            />
            <mat-autocomplete #auto (optionSelected)="pick(i, $event.option.value)">
              @for (r of found(); track r.rn) {
                <mat-option [value]="r.rn">
                  {{ r.name }} <span class="ff-muted ff-small mono">{{ r.rn }}</span>
                </mat-option>
              }
            </mat-autocomplete>
          </mat-form-field>
        }
        @if (problems().get(i); as messages) {
          <ul class="problems ff-error-text" role="alert" [attr.data-testid]="'statement-problems-' + i">
            @for (m of messages; track m) {
              <li>{{ m }}</li>
            }
          </ul>
        }
      </fieldset>
    } @empty {
      <p i18n class="ff-muted">No statements: this policy grants nothing.</p>
    }
    @if (!readonly()) {
      <button mat-stroked-button type="button" (click)="add()" data-testid="statement-add">
        <mat-icon>add</mat-icon> <span i18n>Add statement</span>
      </button>
    }
  `,
  styles: `
    .statement {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 16px;
      margin: 0 0 12px;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 16px;
      flex-wrap: wrap;
    }
    .type {
      width: 200px;
    }
    .wide {
      width: 100%;
    }
    .problems {
      margin: 0 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatementEditorComponent {
  private readonly iam = inject(IamApi);

  readonly drafts = model<StatementDraft[]>([]);
  readonly readonly = input(false);
  readonly problems = computed(() => draftProblems(this.drafts()));
  readonly types = RESOURCE_TYPES;
  readonly query = signal('');
  readonly found = signal<Resource[]>([]);

  actionsOf = actionsFor;
  readonly allTypes = $localize`All (*)`;

  removeLabel(index: number): string {
    return $localize`Remove statement ${index + 1}:number:`;
  }

  example(type: string): string {
    return RESOURCE_EXAMPLES[type] ?? '*';
  }

  patch(index: number, change: Partial<StatementDraft>): void {
    this.drafts.update((list) => list.map((d, i) => (i === index ? { ...d, ...change } : d)));
  }

  changeType(index: number, type: string): void {
    // Actions of another type would be refused; the resources keep what was typed unless untouched.
    const current = this.drafts()[index];
    const untouched = current.resourcesText.trim() === (RESOURCE_EXAMPLES[current.resourceType] ?? '');
    this.patch(index, {
      resourceType: type,
      actions: current.actions.filter((a) => a === '*' || actionsFor(type).some((x) => x === a)),
      resourcesText: untouched ? (RESOURCE_EXAMPLES[type] ?? '') : current.resourcesText,
    });
  }

  add(): void {
    this.drafts.update((list) => [...list, newDraft()]);
  }

  remove(index: number): void {
    this.drafts.update((list) => list.filter((_, i) => i !== index));
  }

  search(type: string, text: string): void {
    this.query.set(text);
    this.iam
      .resources(type as Resource['type'], text)
      .pipe(catchError(() => of([] as Resource[])))
      .subscribe((list) => this.found.set(list.slice(0, 50)));
  }

  pick(index: number, rn: string): void {
    const current = resourcesOf(this.drafts()[index].resourcesText);
    const untouched =
      current.length === 1 && current[0] === RESOURCE_EXAMPLES[this.drafts()[index].resourceType];
    this.patch(index, { resourcesText: [...(untouched ? [] : current), rn].filter(unique).join('\n') });
    this.query.set('');
  }
}

function unique(value: string, index: number, all: string[]): boolean {
  return all.indexOf(value) === index;
}
