import {
  type AttributeValueType,
  OPERATORS,
  type OperatorInfo,
  type OperatorValueType,
} from '@domain/evaluation/operators';
import { parseInstant } from '@domain/evaluation/instant';
import { parseSemVer } from '@domain/evaluation/semver';
import { decodeList, encodeList } from '@domain/flags/condition-list';
import { SEGMENT_IN, SEGMENT_NOT_IN } from '@domain/flags/feature-flag';
import type { Condition } from '../api/api.models';

export { decodeList, encodeList, SEGMENT_IN, SEGMENT_NOT_IN };
export type { AttributeValueType, OperatorInfo, OperatorValueType };

export const ATTRIBUTE_TYPES: readonly { type: AttributeValueType; label: string }[] = [
  { type: 'string', label: $localize`:attribute type:Text` },
  { type: 'number', label: $localize`:attribute type:Number` },
  { type: 'boolean', label: $localize`:attribute type:Boolean` },
  { type: 'semver', label: $localize`:attribute type:Version (semver)` },
  { type: 'datetime', label: $localize`:attribute type:Date / time` },
];

/** The operators' labels in the console's language (the catalogue's are English). */
const OPERATOR_LABELS: Readonly<Record<string, string>> = {
  IsOneOf: $localize`:condition operator:is one of`,
  NotOneOf: $localize`:condition operator:is not one of`,
  Equal: $localize`:condition operator:equals`,
  NotEqual: $localize`:condition operator:does not equal`,
  Contains: $localize`:condition operator:contains`,
  NotContain: $localize`:condition operator:does not contain`,
  StartsWith: $localize`:condition operator:starts with`,
  EndsWith: $localize`:condition operator:ends with`,
  MatchRegex: $localize`:condition operator:matches regex`,
  NotMatchRegex: $localize`:condition operator:does not match regex`,
  LessThan: $localize`:condition operator:less than`,
  LessEqualThan: $localize`:condition operator:less than or equal to`,
  BiggerThan: $localize`:condition operator:greater than`,
  BiggerEqualThan: $localize`:condition operator:greater than or equal to`,
  IsTrue: $localize`:condition operator:is true`,
  IsFalse: $localize`:condition operator:is false`,
  SemVerEqual: $localize`:condition operator:semver equals`,
  SemVerGreaterThan: $localize`:condition operator:semver greater than`,
  SemVerLessThan: $localize`:condition operator:semver less than`,
  Before: $localize`:condition operator:before`,
  After: $localize`:condition operator:after`,
};

/** An operator's label in the console's language (undefined for an unknown operator). */
export function operatorLabel(op: string): string | undefined {
  return OPERATOR_LABELS[op];
}

/** The catalogue with each operator's label in the console's language. */
const LOCALIZED_OPERATORS: readonly OperatorInfo[] = OPERATORS.map((o) => ({
  ...o,
  label: OPERATOR_LABELS[o.op] ?? o.label,
}));

/** The operators offered for an attribute type, in catalogue order (the server's list). */
export function operatorsFor(type: AttributeValueType): OperatorInfo[] {
  return LOCALIZED_OPERATORS.filter((o) => o.offeredFor.includes(type));
}

export function operatorInfo(op: string | null | undefined): OperatorInfo | undefined {
  return LOCALIZED_OPERATORS.find((o) => o.op === op);
}

export function isSegmentCondition(condition: Pick<Condition, 'property'>): boolean {
  return condition.property === SEGMENT_IN || condition.property === SEGMENT_NOT_IN;
}

/**
 * The attribute type the editor shows for a stored condition. Conditions do not store a type, so
 * it is inferred from the operator (semver, date and boolean operators say it; others default to text,
 * or number when the operator is numeric-only).
 */
export function inferAttributeType(op: string | null | undefined): AttributeValueType {
  const info = operatorInfo(op);
  if (!info) return 'string';
  const preferred: AttributeValueType[] = ['semver', 'datetime', 'boolean', 'number', 'string'];
  if (info.offeredFor.includes('string')) return info.valueType === 'semver' ? 'semver' : 'string';
  return preferred.find((t) => info.offeredFor.includes(t)) ?? 'string';
}

/** Why a condition cannot be saved, or null. */
export function conditionError(condition: Condition): string | null {
  if (isSegmentCondition(condition)) {
    return decodeList(condition.value).length === 0 ? $localize`Choose at least one segment.` : null;
  }
  if (!condition.property.trim()) return $localize`Choose a property.`;
  const info = operatorInfo(condition.op);
  if (!info) return $localize`Choose an operator.`;
  return valueError(info.valueType, condition.value);
}

export function valueError(kind: OperatorValueType, value: string): string | null {
  switch (kind) {
    case 'none':
      return null;
    case 'list':
      return decodeList(value).length === 0 ? $localize`Add at least one value.` : null;
    case 'string':
      return value === '' ? $localize`Enter a value.` : null;
    case 'number':
      return value.trim() === '' || !Number.isFinite(Number(value)) ? $localize`Enter a number.` : null;
    case 'regex':
      if (value === '') return $localize`Enter a regular expression.`;
      try {
        new RegExp(value);
        return null;
      } catch {
        return $localize`This is not a valid regular expression.`;
      }
    case 'semver':
      return parseSemVer(value) ? null : $localize`Enter a semantic version such as 1.4.0 or 2.0.0-beta.1.`;
    case 'datetime':
      return Number.isNaN(parseInstant(value))
        ? $localize`Enter an ISO-8601 date or date-time (2025-01-31, 2025-01-31T12:00:00Z) or epoch milliseconds.`
        : null;
  }
}

/** A fresh condition for the editor. */
export function newCondition(id: string, property = ''): Condition {
  return { id, property, op: 'IsOneOf', value: encodeList([]) };
}

export function newSegmentCondition(id: string, segmentIds: string[] = []): Condition {
  return { id, property: SEGMENT_IN, op: null, value: encodeList(segmentIds) };
}
