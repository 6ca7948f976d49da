import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatIconButton } from '@angular/material/button';
import {
  MatChipGrid,
  MatChipInput,
  type MatChipInputEvent,
  MatChipRemove,
  MatChipRow,
} from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import { FormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import type { Condition, EndUserPropertyDefinition } from '../../api/api.models';
import {
  ATTRIBUTE_TYPES,
  type AttributeValueType,
  conditionError,
  decodeList,
  encodeList,
  inferAttributeType,
  isSegmentCondition,
  operatorInfo,
  operatorsFor,
  SEGMENT_IN,
  SEGMENT_NOT_IN,
} from '../../shared/conditions';
import { errorMatcher } from '../../shared/error-state';

export interface SegmentOption {
  id: string;
  name: string;
}

const PLACEHOLDERS: Partial<Record<string, string>> = {
  number: $localize`e.g. ${'42'}:example:`,
  regex: $localize`e.g. ${'^.+@acme\\.com$'}:example:`,
  semver: $localize`e.g. ${'2.1.0'}:example:`,
  datetime: $localize`e.g. ${'2025-06-30T00:00:00Z'}:example:`,
  string: $localize`value`,
};

/**
 * One condition of a rule: a user attribute compared with an operator (the list depends on the
 * attribute's type, including semver and date operators), or membership of segments.
 */
@Component({
  selector: 'ff-condition-editor',
  imports: [
    FormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatChipGrid,
    MatChipRow,
    MatChipInput,
    MatChipRemove,
    MatIcon,
    MatIconButton,
    MatTooltip,
  ],
  templateUrl: './condition-editor.component.html',
  styleUrl: './condition-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConditionEditorComponent {
  readonly condition = input.required<Condition>();
  readonly properties = input<readonly EndUserPropertyDefinition[]>([]);
  /** Segments that may be referenced; null where segment conditions are not allowed (segment rules). */
  readonly segments = input<readonly SegmentOption[] | null>(null);
  /** Show "required" errors too (after a save attempt), not only malformed values. */
  readonly showErrors = input(false);

  readonly conditionChange = output<Condition>();
  readonly remove = output<void>();

  readonly attributeTypes = ATTRIBUTE_TYPES;
  readonly separatorKeys = [ENTER, COMMA] as const;
  readonly segmentIn = SEGMENT_IN;
  readonly segmentNotIn = SEGMENT_NOT_IN;

  private readonly chosenType = signal<AttributeValueType | null>(null);
  readonly isSegment = computed(() => isSegmentCondition(this.condition()));
  readonly type = computed(() => this.chosenType() ?? inferAttributeType(this.condition().op));
  readonly operators = computed(() => operatorsFor(this.type()));
  readonly info = computed(() => operatorInfo(this.condition().op));
  readonly valueKind = computed(() => this.info()?.valueType ?? 'string');
  readonly listValues = computed(() => decodeList(this.condition().value));
  readonly propertyFilter = signal<string | null>(null);
  readonly propertyOptions = computed(() => {
    const text = (this.propertyFilter() ?? '').toLowerCase();
    return this.properties()
      .map((p) => p.name)
      .filter((name) => !text || name.toLowerCase().includes(text));
  });
  readonly presetValues = computed(() => {
    const property = this.properties().find((p) => p.name === this.condition().property);
    const chosen = this.listValues();
    return (property?.presetValues ?? []).filter((v) => !chosen.includes(v.value));
  });
  readonly selectedSegments = computed(() => (this.isSegment() ? this.listValues() : []));

  readonly error = computed(() => {
    const message = conditionError(this.condition());
    if (!message) return null;
    // Empty fields are only flagged after a save attempt; malformed values at once.
    const empty = /^(Choose|Enter a value|Add at least)/.test(message);
    return empty && !this.showErrors() ? null : message;
  });
  readonly propertyError = computed(() => (this.error()?.includes('property') ? this.error() : null));
  readonly valueError = computed(() => (this.error() && !this.propertyError() ? this.error() : null));
  readonly propertyMatcher = computed(() => errorMatcher(this.propertyError()));
  readonly valueMatcher = computed(() => errorMatcher(this.valueError()));
  readonly placeholder = computed(() => PLACEHOLDERS[this.valueKind()] ?? '');

  private patch(patch: Partial<Condition>): void {
    this.conditionChange.emit({ ...this.condition(), ...patch });
  }

  removeLabel(value: string): string {
    return $localize`Remove ${value}:value:`;
  }

  setProperty(property: string): void {
    this.propertyFilter.set(null);
    if (property === SEGMENT_IN || property === SEGMENT_NOT_IN) {
      const keep = this.isSegment() ? this.condition().value : encodeList([]);
      this.patch({ property, op: null, value: keep });
      return;
    }
    if (this.isSegment()) {
      this.patch({ property, op: 'IsOneOf', value: encodeList([]) });
      return;
    }
    this.patch({ property });
  }

  setType(type: AttributeValueType): void {
    this.chosenType.set(type);
    const ops = operatorsFor(type);
    if (!ops.some((o) => o.op === this.condition().op)) this.setOperator(ops[0].op);
  }

  setOperator(op: string): void {
    const next = operatorInfo(op);
    const previous = this.info();
    if (!next) return;
    let value = this.condition().value;
    if (next.valueType === 'none') value = '';
    else if (next.valueType === 'list' && previous?.valueType !== 'list')
      value = encodeList(value ? [value] : []);
    else if (next.valueType !== 'list' && previous?.valueType === 'list') value = this.listValues()[0] ?? '';
    this.patch({ op, value });
  }

  setValue(value: string): void {
    this.patch({ value });
  }

  addListValue(event: MatChipInputEvent): void {
    const value = event.value.trim();
    if (value && !this.listValues().includes(value))
      this.patch({ value: encodeList([...this.listValues(), value]) });
    event.chipInput.clear();
  }

  addPreset(value: string): void {
    if (!this.listValues().includes(value)) this.patch({ value: encodeList([...this.listValues(), value]) });
  }

  removeListValue(value: string): void {
    this.patch({ value: encodeList(this.listValues().filter((v) => v !== value)) });
  }

  setSegments(ids: string[]): void {
    this.patch({ value: encodeList(ids) });
  }
}
