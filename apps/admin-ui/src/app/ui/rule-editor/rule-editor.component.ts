import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatTooltip } from '@angular/material/tooltip';
import type {
  Condition,
  EndUserPropertyDefinition,
  RolloutVariation,
  TargetRule,
  Variation,
} from '../../api/api.models';
import { newCondition, newSegmentCondition } from '../../shared/conditions';
import { newId } from '../../shared/ids';
import { ConditionEditorComponent, type SegmentOption } from '../condition-editor/condition-editor.component';
import { ServeEditorComponent } from '../serve-editor/serve-editor.component';

/** One targeting rule: a name, AND-ed conditions and what it serves. */
@Component({
  selector: 'ff-rule-editor',
  imports: [
    MatFormField,
    MatLabel,
    MatInput,
    MatButton,
    MatIconButton,
    MatIcon,
    MatTooltip,
    ConditionEditorComponent,
    ServeEditorComponent,
  ],
  templateUrl: './rule-editor.component.html',
  styleUrl: './rule-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleEditorComponent {
  readonly rule = input.required<TargetRule>();
  readonly index = input.required<number>();
  readonly count = input.required<number>();
  readonly variations = input.required<readonly Variation[]>();
  readonly properties = input<readonly EndUserPropertyDefinition[]>([]);
  readonly segments = input<readonly SegmentOption[]>([]);
  readonly showErrors = input(false);

  readonly ruleChange = output<TargetRule>();
  readonly remove = output<void>();
  readonly move = output<-1 | 1>();

  readonly propertyNames = computed(() => this.properties().map((p) => p.name));
  readonly sectionLabel = computed(() => {
    const n = this.index() + 1;
    const name = this.rule().name;
    return name ? $localize`Rule ${n}:number:: ${name}:name:` : $localize`Rule ${n}:number:`;
  });
  readonly joinIf = $localize`:first condition of a rule:If`;
  readonly joinAnd = $localize`:next conditions of a rule:and`;

  private patch(patch: Partial<TargetRule>): void {
    this.ruleChange.emit({ ...this.rule(), ...patch });
  }

  setName(name: string): void {
    this.patch({ name });
  }

  setCondition(index: number, condition: Condition): void {
    this.patch({ conditions: this.rule().conditions.map((c, i) => (i === index ? condition : c)) });
  }

  addCondition(): void {
    this.patch({ conditions: [...this.rule().conditions, newCondition(newId())] });
  }

  addSegmentCondition(): void {
    this.patch({ conditions: [...this.rule().conditions, newSegmentCondition(newId())] });
  }

  removeCondition(index: number): void {
    this.patch({ conditions: this.rule().conditions.filter((_, i) => i !== index) });
  }

  setServe(variations: RolloutVariation[]): void {
    this.patch({ variations });
  }

  setDispatchKey(dispatchKey: string | null): void {
    this.patch({ dispatchKey });
  }
}
