import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import type { Condition, EndUserPropertyDefinition, SegmentRule } from '../../api/api.models';
import { newCondition } from '../../shared/conditions';
import { newId } from '../../shared/ids';
import { ConditionEditorComponent } from '../condition-editor/condition-editor.component';

/** A segment rule: AND-ed attribute conditions (segment rules cannot reference segments). */
@Component({
  selector: 'ff-segment-rule-editor',
  imports: [MatButton, MatIconButton, MatIcon, MatTooltip, ConditionEditorComponent],
  template: `
    <section class="rule" [attr.aria-label]="sectionLabel()">
      <header>
        <span i18n class="title">Rule {{ index() + 1 }}</span>
        <span i18n class="ff-muted ff-small">a user matches when every condition holds</span>
        <span class="ff-spacer"></span>
        <button
          mat-icon-button
          type="button"
          (click)="remove.emit()"
          aria-label="Remove rule"
          i18n-aria-label
          matTooltip="Remove rule"
          i18n-matTooltip
        >
          <mat-icon>delete</mat-icon>
        </button>
      </header>
      @for (condition of rule().conditions; track condition.id ?? $index; let i = $index) {
        <div class="condition-row">
          <span class="joiner" aria-hidden="true">{{ i === 0 ? joinIf : joinAnd }}</span>
          <ff-condition-editor
            class="condition"
            [condition]="condition"
            [properties]="properties()"
            [segments]="null"
            [showErrors]="showErrors()"
            (conditionChange)="setCondition(i, $event)"
            (remove)="removeCondition(i)"
          />
        </div>
      } @empty {
        <p i18n class="ff-muted">Add a condition.</p>
      }
      <button mat-button type="button" (click)="addCondition()" data-testid="segment-add-condition">
        <mat-icon>add</mat-icon> <span i18n>Add condition</span>
      </button>
    </section>
  `,
  styles: `
    .rule {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 16px 12px;
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .title {
      font-weight: 600;
    }
    .condition-row {
      display: flex;
      gap: 8px;
      align-items: flex-start;
    }
    .joiner {
      width: 32px;
      padding-top: 14px;
      text-align: right;
      color: var(--mat-sys-on-surface-variant);
      flex: none;
    }
    .condition {
      flex: 1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentRuleEditorComponent {
  readonly rule = input.required<SegmentRule>();
  readonly index = input.required<number>();
  readonly properties = input<readonly EndUserPropertyDefinition[]>([]);
  readonly showErrors = input(false);
  readonly ruleChange = output<SegmentRule>();
  readonly remove = output<void>();
  readonly sectionLabel = computed(() => $localize`Segment rule ${this.index() + 1}:number:`);
  readonly joinIf = $localize`:first condition of a rule:If`;
  readonly joinAnd = $localize`:next conditions of a rule:and`;

  setCondition(index: number, condition: Condition): void {
    this.ruleChange.emit({
      ...this.rule(),
      conditions: this.rule().conditions.map((c, i) => (i === index ? condition : c)),
    });
  }

  addCondition(): void {
    this.ruleChange.emit({ ...this.rule(), conditions: [...this.rule().conditions, newCondition(newId())] });
  }

  removeCondition(index: number): void {
    this.ruleChange.emit({
      ...this.rule(),
      conditions: this.rule().conditions.filter((_, i) => i !== index),
    });
  }
}
