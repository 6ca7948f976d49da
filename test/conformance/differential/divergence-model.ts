// Builds the cases of each family and predicts what @featbit/node-server-sdk 1.3.0 returns for
// them. A prediction is our evaluator (FeatBit server semantics) run on a transformed input that
// encodes one documented SDK divergence (docs/evaluation.md, "Official SDK divergences"), or, for
// uncovered rollouts, a structural rule. The differential test checks the SDK against it exactly.
import type { EndUser, UserProperty } from '../../../src/core/end-users/end-user';
import { SEGMENT_IN, SEGMENT_NOT_IN, type Condition } from '../../../src/core/flags/feature-flag';
import type { WireFlag, WireSegment } from '../conformance-case';
import {
  type CaseGenerator,
  DIVERGENT_NUMBERS,
  INVALID_LISTS,
  MISSING_SEGMENT_IDS,
  NUMERIC_ATTRS,
  NUMERIC_CONDITION_VALUES,
  REGEX_CONDITION_VALUES,
  REGEX_USER_VALUES,
  SEGMENT_POOL_IDS,
  STRING_ATTRS,
  type DiffCase,
  type Family,
} from './case-generator';

const NUMERIC_OPS = new Set(['LessThan', 'LessEqualThan', 'BiggerThan', 'BiggerEqualThan']);
const ADDITIVE_OPS = new Set(['SemVerEqual', 'SemVerGreaterThan', 'SemVerLessThan', 'Before', 'After']);
const THROWS_ON_UNDEFINED = new Set([
  'Contains',
  'NotContain',
  'StartsWith',
  'EndsWith',
  'MatchRegex',
  'NotMatchRegex',
]);
const ANY_OP = [
  'Equal',
  'NotEqual',
  'Contains',
  'NotContain',
  'StartsWith',
  'EndsWith',
  'IsOneOf',
  'NotOneOf',
  'LessThan',
  'BiggerEqualThan',
  'IsTrue',
  'IsFalse',
  'MatchRegex',
  'NotMatchRegex',
];

const clone = <T>(value: T): T => structuredClone(value);

function setProp(user: EndUser, name: string, value: string | null): void {
  const props = (user.customizedProperties ??= []);
  const existing = props.find((p) => p.name === name);
  if (existing) existing.value = value;
  else props.push({ name, value });
}

function propOf(user: EndUser, name: string): UserProperty | undefined {
  return user.customizedProperties?.find((p) => p.name === name);
}

/** Builds case `index` of `family` (all randomness from `gen`). */
export function buildCase(gen: CaseGenerator, index: number, family: Family): DiffCase {
  switch (family) {
    case 'agree':
      return { index, family, flag: gen.flag(index), user: gen.user() };
    case 'archived-flag': {
      const flag = gen.flag(index);
      flag.isArchived = true;
      return { index, family, flag, user: gen.user() };
    }
    case 'rule-included-in-expt': {
      const flag = gen.flag(index);
      flag.exptIncludeAllTargets = false;
      gen.reachableRule(flag).includedInExpt = !flag.fallthrough.includedInExpt;
      return { index, family, flag, user: gen.user() };
    }
    case 'missing-dispatch-attribute': {
      const flag = gen.flag(index, { allowName: false });
      const variant = gen.int(3); // 0: absent, 1: null value, 2: dispatch on an absent name
      const key = variant === 2 ? 'name' : 'dk';
      gen.reachableRule(flag).dispatchKey = key;
      if (gen.chance(0.6)) flag.fallthrough.dispatchKey = key;
      const user = gen.user({ name: variant !== 2 });
      if (variant === 1) setProp(user, 'dk', null);
      return { index, family, flag, user };
    }
    case 'numeric-parse': {
      const flag = gen.flag(index, { allowSegments: false });
      const rule = gen.reachableRule(flag);
      for (let i = 1 + gen.int(2); i > 0; i--) {
        rule.conditions.push({
          property: gen.pick(Object.keys(NUMERIC_ATTRS)),
          op: gen.pick([...NUMERIC_OPS]),
          value: gen.pick([...DIVERGENT_NUMBERS, ...NUMERIC_CONDITION_VALUES]),
        });
      }
      const user = gen.user();
      for (const attr of Object.keys(NUMERIC_ATTRS))
        setProp(user, attr, gen.pick([...DIVERGENT_NUMBERS, ...NUMERIC_ATTRS[attr]]));
      return { index, family, flag, user };
    }
    case 'regex-argument-order': {
      const flag = gen.flag(index, { allowSegments: false });
      const rule = gen.reachableRule(flag);
      for (let i = 1 + gen.int(2); i > 0; i--) {
        rule.conditions.push({
          property: 'path',
          op: gen.pick(['MatchRegex', 'NotMatchRegex']),
          value: gen.pick(REGEX_CONDITION_VALUES),
        });
      }
      const user = gen.user();
      setProp(user, 'path', gen.pick(REGEX_USER_VALUES));
      return { index, family, flag, user };
    }
    case 'missing-attribute': {
      const flag = gen.flag(index);
      const variant = gen.int(3); // 0: absent custom, 1: custom with null value, 2: absent name
      const property = variant === 2 ? 'name' : 'ghost';
      const rule = gen.reachableRule(flag);
      for (let i = 1 + gen.int(2); i > 0; i--) {
        const op = gen.pick(ANY_OP);
        const value = op.endsWith('OneOf')
          ? JSON.stringify(gen.sample(['US', '', 'x'], 1 + gen.int(2)))
          : gen.pick(['', 'US', 'a', '10', '^$', '.*']);
        rule.conditions.splice(gen.int(rule.conditions.length + 1), 0, { property, op, value });
      }
      const user = gen.user({ name: variant !== 2 });
      if (variant === 1) setProp(user, 'ghost', null);
      return { index, family, flag, user };
    }
    case 'missing-segment': {
      const flag = gen.flag(index);
      const ids = [gen.pick(MISSING_SEGMENT_IDS), ...gen.sample(SEGMENT_POOL_IDS, gen.int(2))];
      const ordered = gen.sample(ids, ids.length);
      gen.reachableRule(flag).conditions.push({
        property: gen.pick([SEGMENT_IN, SEGMENT_NOT_IN]),
        op: null,
        value: JSON.stringify(ordered),
      });
      return { index, family, flag, user: gen.user() };
    }
    case 'uncovered-rollout': {
      const flag = gen.flag(index);
      const rule = gen.reachableRule(flag);
      const [a, b] = gen.sample(
        flag.variations.map((v) => v.id),
        2,
      );
      const gap = (): WireFlag['fallthrough']['variations'] =>
        gen.pick([
          [
            { id: a, rollout: [0, 0.4], exptRollout: 0.4 },
            { id: b, rollout: [0.6, 1], exptRollout: 0.4 },
          ],
          [{ id: a, rollout: [0, 0.7], exptRollout: 0.7 }],
          [{ id: a, rollout: [0.2, 1], exptRollout: 0.8 }],
        ]);
      rule.variations = gap();
      if (gen.chance(0.5)) flag.fallthrough.variations = gap();
      return { index, family, flag, user: gen.user() };
    }
    case 'invalid-list': {
      const flag = gen.flag(index);
      const rule = gen.reachableRule(flag);
      for (let i = 1 + gen.int(2); i > 0; i--) {
        rule.conditions.push({
          property: gen.pick(Object.keys(STRING_ATTRS)),
          op: gen.pick(['IsOneOf', 'NotOneOf']),
          value: gen.pick(INVALID_LISTS),
        });
      }
      return { index, family, flag, user: gen.user() };
    }
    case 'additive-operator': {
      const flag = gen.flag(index);
      const rule = gen.reachableRule(flag);
      for (let i = 1 + gen.int(2); i > 0; i--) rule.conditions.push(gen.additive());
      const user = gen.user();
      for (const p of gen.additiveUserValues()) setProp(user, p.name, p.value);
      return { index, family, flag, user };
    }
  }
}

// Constant conditions for transformed inputs (the user gets __const = "1"). A reached invalid regex
// is malformed for our evaluator exactly where the SDK would throw.
const CONST_TRUE: Condition = { property: '__const', op: 'Equal', value: '1' };
const CONST_FALSE: Condition = { property: '__const', op: 'Equal', value: '0' };
const CONST_THROW: Condition = { property: '__const', op: 'MatchRegex', value: '(' };
const constant = (outcome: boolean | 'throw'): Condition =>
  outcome === 'throw' ? CONST_THROW : outcome ? CONST_TRUE : CONST_FALSE;

/** The SDK's IsOneOf/NotOneOf: JSON.parse(value).includes(userValue), any exception → false. */
function nodeList(op: string, value: string, userValue: string | null | undefined): boolean {
  try {
    const included = (JSON.parse(value) as { includes(v: unknown): boolean }).includes(userValue);
    return op === 'IsOneOf' ? included : !included;
  } catch {
    return false;
  }
}

/** The SDK's Operator.isMatch for a missing (undefined) or null user value. */
function nodeOnMissing(op: string | null, value: string, userValue: null | undefined): boolean | 'throw' {
  if (userValue === null) return false;
  if (op === null) return false;
  if (THROWS_ON_UNDEFINED.has(op)) return 'throw';
  if (op === 'NotEqual') return true;
  if (op === 'IsOneOf' || op === 'NotOneOf') return nodeList(op, value, undefined);
  return false; // Equal, numeric (NaN), IsTrue/IsFalse (undefined?.toUpperCase()), unknown
}

function canonNumber(text: string): string {
  const parsed = parseFloat(text); // the SDK's numeric parse
  return Number.isNaN(parsed) ? 'not-a-number' : String(parsed);
}

export interface Transformed {
  flag: WireFlag;
  user: EndUser;
  extraSegments: WireSegment[];
}

/** The input on which FeatBit server semantics give the SDK's answer; null for structural kinds. */
export function transformForSdk(c: DiffCase): Transformed | null {
  const flag = clone(c.flag);
  const user = clone(c.user);
  const extraSegments: WireSegment[] = [];
  setProp(user, '__const', '1');
  const everyCondition = (fn: (cond: Condition, ruleIndex: number, i: number) => Condition): void => {
    flag.rules.forEach((rule, r) => (rule.conditions = rule.conditions.map((cond, i) => fn(cond, r, i))));
  };
  switch (c.family) {
    case 'agree':
    case 'uncovered-rollout':
      return c.family === 'agree' ? { flag, user, extraSegments } : null;
    case 'archived-flag':
      flag.isArchived = false; // the SDK does not check isArchived
      break;
    case 'rule-included-in-expt':
      for (const rule of flag.rules) rule.includedInExpt = flag.fallthrough.includedInExpt;
      break;
    case 'missing-dispatch-attribute':
      // `${flagKey}${undefined | null}`
      if (user.name === undefined) user.name = 'undefined';
      if (propOf(user, 'dk') === undefined) setProp(user, 'dk', 'undefined');
      else setProp(user, 'dk', 'null');
      break;
    case 'numeric-parse':
      for (const attr of Object.keys(NUMERIC_ATTRS))
        setProp(user, attr, canonNumber(propOf(user, attr)!.value!));
      everyCondition((cond) =>
        NUMERIC_OPS.has(cond.op ?? '') ? { ...cond, value: canonNumber(cond.value) } : cond,
      );
      break;
    case 'regex-argument-order': {
      // The SDK compiles the user value and tests the condition value.
      const path = propOf(user, 'path')!.value!;
      everyCondition((cond, r, i) => {
        if (cond.property !== 'path') return cond;
        setProp(user, `__rx${r}_${i}`, cond.value);
        return { ...cond, property: `__rx${r}_${i}`, value: path };
      });
      break;
    }
    case 'missing-attribute': {
      const ghost = propOf(c.user, 'ghost');
      everyCondition((cond) => {
        if (cond.property === 'name' && c.user.name === undefined)
          return constant(nodeOnMissing(cond.op, cond.value, undefined));
        if (cond.property === 'ghost')
          return constant(nodeOnMissing(cond.op, cond.value, ghost === undefined ? undefined : null));
        return cond;
      });
      break;
    }
    case 'missing-segment':
      // The SDK skips segments it does not have: an empty stub never matches.
      for (const id of MISSING_SEGMENT_IDS) {
        extraSegments.push({
          id,
          envId: '',
          name: 'stub',
          description: '',
          included: [],
          excluded: [],
          rules: [],
          updatedAt: '',
          isArchived: false,
        });
      }
      break;
    case 'invalid-list':
      everyCondition((cond) =>
        (cond.op === 'IsOneOf' || cond.op === 'NotOneOf') && cond.property in STRING_ATTRS
          ? constant(nodeList(cond.op, cond.value, propOf(c.user, cond.property)!.value))
          : cond,
      );
      break;
    case 'additive-operator':
      // Unknown operators never match in the SDK.
      everyCondition((cond) => (ADDITIVE_OPS.has(cond.op ?? '') ? CONST_FALSE : cond));
      break;
  }
  return { flag, user, extraSegments };
}
