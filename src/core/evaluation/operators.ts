// The condition operators: FeatBit's sixteen plus five additive ones. The console uses this
// catalogue to offer operators per attribute type; the evaluator uses the opcodes.

/** What the condition's value input holds. */
export type OperatorValueType = 'none' | 'string' | 'number' | 'list' | 'regex' | 'semver' | 'datetime';

/** The attribute value types the console offers an operator for. */
export type AttributeValueType = 'string' | 'number' | 'boolean' | 'semver' | 'datetime';

export interface OperatorInfo {
  /** The exact, case-sensitive `op` string stored in conditions. */
  op: string;
  label: string;
  valueType: OperatorValueType;
  offeredFor: readonly AttributeValueType[];
  /** False for our additive operators: official server SDKs evaluating locally never match them. */
  featbit: boolean;
}

export const OPERATORS: readonly OperatorInfo[] = [
  { op: 'IsOneOf', label: 'is one of', valueType: 'list', offeredFor: ['string', 'number'], featbit: true },
  {
    op: 'NotOneOf',
    label: 'is not one of',
    valueType: 'list',
    offeredFor: ['string', 'number'],
    featbit: true,
  },
  { op: 'Equal', label: 'equals', valueType: 'string', offeredFor: ['string', 'number'], featbit: true },
  {
    op: 'NotEqual',
    label: 'does not equal',
    valueType: 'string',
    offeredFor: ['string', 'number'],
    featbit: true,
  },
  { op: 'Contains', label: 'contains', valueType: 'string', offeredFor: ['string'], featbit: true },
  { op: 'NotContain', label: 'does not contain', valueType: 'string', offeredFor: ['string'], featbit: true },
  { op: 'StartsWith', label: 'starts with', valueType: 'string', offeredFor: ['string'], featbit: true },
  { op: 'EndsWith', label: 'ends with', valueType: 'string', offeredFor: ['string'], featbit: true },
  { op: 'MatchRegex', label: 'matches regex', valueType: 'regex', offeredFor: ['string'], featbit: true },
  {
    op: 'NotMatchRegex',
    label: 'does not match regex',
    valueType: 'regex',
    offeredFor: ['string'],
    featbit: true,
  },
  { op: 'LessThan', label: 'less than', valueType: 'number', offeredFor: ['number'], featbit: true },
  {
    op: 'LessEqualThan',
    label: 'less than or equal to',
    valueType: 'number',
    offeredFor: ['number'],
    featbit: true,
  },
  { op: 'BiggerThan', label: 'greater than', valueType: 'number', offeredFor: ['number'], featbit: true },
  {
    op: 'BiggerEqualThan',
    label: 'greater than or equal to',
    valueType: 'number',
    offeredFor: ['number'],
    featbit: true,
  },
  { op: 'IsTrue', label: 'is true', valueType: 'none', offeredFor: ['boolean'], featbit: true },
  { op: 'IsFalse', label: 'is false', valueType: 'none', offeredFor: ['boolean'], featbit: true },
  {
    op: 'SemVerEqual',
    label: 'semver equals',
    valueType: 'semver',
    offeredFor: ['semver', 'string'],
    featbit: false,
  },
  {
    op: 'SemVerGreaterThan',
    label: 'semver greater than',
    valueType: 'semver',
    offeredFor: ['semver', 'string'],
    featbit: false,
  },
  {
    op: 'SemVerLessThan',
    label: 'semver less than',
    valueType: 'semver',
    offeredFor: ['semver', 'string'],
    featbit: false,
  },
  {
    op: 'Before',
    label: 'before',
    valueType: 'datetime',
    offeredFor: ['datetime', 'number'],
    featbit: false,
  },
  { op: 'After', label: 'after', valueType: 'datetime', offeredFor: ['datetime', 'number'], featbit: false },
];

export const OPERATOR_NAMES: readonly string[] = OPERATORS.map((o) => o.op);

/**
 * Operators that official FeatBit SDKs do not know (they evaluate them as non-matching).
 * @public Part of the evaluation core's documented API (docs/evaluation.md), for the console.
 */
export const ADDITIVE_OPERATORS: readonly string[] = OPERATORS.filter((o) => !o.featbit).map((o) => o.op);

/** @public Part of the evaluation core's documented API (docs/evaluation.md). */
export function isKnownOperator(op: unknown): boolean {
  return typeof op === 'string' && OPERATOR_NAMES.includes(op);
}

// Opcodes used by compiled conditions (a switch over small integers is the fastest dispatch).
export const Op = {
  Never: 0,
  IsOneOf: 1,
  NotOneOf: 2,
  Equal: 3,
  NotEqual: 4,
  Contains: 5,
  NotContain: 6,
  StartsWith: 7,
  EndsWith: 8,
  MatchRegex: 9,
  NotMatchRegex: 10,
  LessThan: 11,
  LessEqualThan: 12,
  BiggerThan: 13,
  BiggerEqualThan: 14,
  IsTrue: 15,
  IsFalse: 16,
  SemVerEqual: 17,
  SemVerGreaterThan: 18,
  SemVerLessThan: 19,
  Before: 20,
  After: 21,
  SegmentIn: 22,
  SegmentNotIn: 23,
  /** Reached with a user value: the condition's data is malformed (the server would throw). */
  Fault: 24,
} as const;

export const OPCODES: ReadonlyMap<string, number> = new Map<string, number>([
  ['IsOneOf', Op.IsOneOf],
  ['NotOneOf', Op.NotOneOf],
  ['Equal', Op.Equal],
  ['NotEqual', Op.NotEqual],
  ['Contains', Op.Contains],
  ['NotContain', Op.NotContain],
  ['StartsWith', Op.StartsWith],
  ['EndsWith', Op.EndsWith],
  ['MatchRegex', Op.MatchRegex],
  ['NotMatchRegex', Op.NotMatchRegex],
  ['LessThan', Op.LessThan],
  ['LessEqualThan', Op.LessEqualThan],
  ['BiggerThan', Op.BiggerThan],
  ['BiggerEqualThan', Op.BiggerEqualThan],
  ['IsTrue', Op.IsTrue],
  ['IsFalse', Op.IsFalse],
  ['SemVerEqual', Op.SemVerEqual],
  ['SemVerGreaterThan', Op.SemVerGreaterThan],
  ['SemVerLessThan', Op.SemVerLessThan],
  ['Before', Op.Before],
  ['After', Op.After],
]);
