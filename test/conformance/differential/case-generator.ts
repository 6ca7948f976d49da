// Seeded generator of flag/user combinations for the differential test. Every case belongs to one
// family: 'agree' stays inside the documented common ground of FeatBit's server and the Node SDK;
// each other family injects exactly one documented divergence (docs/evaluation.md).
import type { EndUser } from '../../../src/core/end-users/end-user';
import { SEGMENT_IN, SEGMENT_NOT_IN, type Condition } from '../../../src/core/flags/feature-flag';
import type { WireFlag, WireRule, WireSegment, WireServe } from '../conformance-case';
import { prng } from '../../support/seeded-prng';

export const DIVERGENCE_KINDS = [
  'archived-flag',
  'rule-included-in-expt',
  'missing-dispatch-attribute',
  'numeric-parse',
  'regex-argument-order',
  'missing-attribute',
  'missing-segment',
  'uncovered-rollout',
  'invalid-list',
  'additive-operator',
] as const;
export type DivergenceKind = (typeof DIVERGENCE_KINDS)[number];
export type Family = 'agree' | DivergenceKind;

export interface DiffCase {
  index: number;
  family: Family;
  flag: WireFlag;
  user: EndUser;
}

// Attribute classes: each attribute is only ever used with one class of operators, so the
// family transformations in divergence-model.ts may rewrite its values safely.
export const STRING_ATTRS: Record<string, string[]> = {
  country: ['US', 'CA', 'DE', 'cn', 'us', 'GB'],
  plan: ['free', 'pro', 'enterprise', 'Pro'],
  email: ['ann@example.com', 'bob@test.org', 'eve@example.com.evil', 'ANN@example.com'],
  tier: ['gold', 'silver', 'bronze', 'gold '],
};
export const NUMERIC_ATTRS: Record<string, string[]> = {
  age: ['17', '18', '42', '65', '1e2', '  30 ', '-5', '0.5', '100.0', 'Infinity', 'abc', ''],
  score: ['0', '9.99', '10', '250', '-0', '3e1', '7'],
};
export const NUMERIC_CONDITION_VALUES = ['18', '40', '0', '-1', '1e2', '99.5', '10', 'abc'];
export const DIVERGENT_NUMBERS = [
  '1,000',
  '12abc',
  '3 apples',
  '1e3x',
  '0x10',
  '1,5',
  ' 7kg',
  '2,500.5',
  '5',
  '1e3',
];
export const REGEX_USER_VALUES = ['abc', 'a.c', 'ab+', 'abbb', 'x(y', '^ab$', 'color', 'colou?r'];
export const REGEX_CONDITION_VALUES = ['a.c', '^ab', 'b+$', 'colou?r', 'abc', '(', '[a-', 'x\\(y'];
export const INVALID_LISTS = [
  'cn,us',
  '"cn"',
  '{"a":1}',
  '[1,2]',
  'null',
  '["a",]',
  "['US']",
  '[["US"]]',
  '[null,"US"]',
];
const BOOL_VALUES = ['true', 'TRUE', 'false', 'False', 'yes', '1'];
const STRING_OPS = [
  'Equal',
  'NotEqual',
  'Contains',
  'NotContain',
  'StartsWith',
  'EndsWith',
  'IsOneOf',
  'NotOneOf',
];
const NUMERIC_OPS = ['LessThan', 'LessEqualThan', 'BiggerThan', 'BiggerEqualThan'];
const ADDITIVE: [string, string, string[], string[]][] = [
  [
    'SemVerEqual',
    'version',
    ['1.2.3', '1.10.0', '2.0.0-rc.1', 'v1.0.0'],
    ['1.2.3', '1.10.0', 'bad', '1.0.0'],
  ],
  ['SemVerGreaterThan', 'version', ['1.2.3', '1.10.0', '2.0.0-rc.1', 'v1.0.0'], ['1.2.3', '1.9.0', '2.0.0']],
  ['SemVerLessThan', 'version', ['1.2.3', '1.10.0', '2.0.0-rc.1', 'v1.0.0'], ['2.0.0', '1.2.3']],
  [
    'Before',
    'signup',
    ['2024-01-01', '1704067200000', '2023-06-01T12:00:00Z', 'never'],
    ['2024-01-01T00:00:00Z', '1700000000000'],
  ],
  [
    'After',
    'signup',
    ['2024-01-01', '1704067200000', '2023-06-01T12:00:00Z', 'never'],
    ['2023-01-01', '1704067199999'],
  ],
];

export const USER_POOL = Array.from({ length: 200 }, (_, i) => (i % 17 === 0 ? `ü用户-${i}` : `user-${i}`));
export const SEGMENT_POOL_IDS = Array.from(
  { length: 6 },
  (_, i) => `5e600000-0000-4000-8000-00000000000${i}`,
);
export const MISSING_SEGMENT_IDS = [
  '5e600000-0000-4000-8000-0000000000f1',
  '5e600000-0000-4000-8000-0000000000f2',
];

export class CaseGenerator {
  private readonly rnd: () => number;
  constructor(seed: number) {
    this.rnd = prng(seed);
  }

  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(this.int(copy.length), 1)[0]);
    return out;
  }

  /** A common-ground condition: attributes present, formats both sides parse alike. */
  condition(allowSegments: boolean, allowName = true): Condition {
    const r = this.rnd();
    if (allowSegments && r < 0.12) {
      const ids = this.sample(SEGMENT_POOL_IDS, 1 + this.int(2));
      return {
        property: this.chance(0.7) ? SEGMENT_IN : SEGMENT_NOT_IN,
        op: null,
        value: JSON.stringify(ids),
      };
    }
    if (r < 0.22) return { property: 'beta', op: this.pick(['IsTrue', 'IsFalse']), value: 'IsTrue' };
    if (r < 0.42) {
      const attr = this.pick(Object.keys(NUMERIC_ATTRS));
      return { property: attr, op: this.pick(NUMERIC_OPS), value: this.pick(NUMERIC_CONDITION_VALUES) };
    }
    if (r < 0.44)
      return { property: 'plan', op: this.pick(['Unknown', 'equal', 'NotContains']), value: 'pro' };
    const builtin = this.chance(0.15);
    const attr = builtin
      ? allowName && this.chance(0.5)
        ? 'name'
        : 'keyId'
      : this.pick(Object.keys(STRING_ATTRS));
    const values =
      attr === 'keyId'
        ? USER_POOL.slice(0, 30)
        : attr === 'name'
          ? ['Ann', 'Bob', 'ann']
          : STRING_ATTRS[attr];
    const op = this.pick(STRING_OPS);
    if (op === 'IsOneOf' || op === 'NotOneOf') {
      return {
        property: attr,
        op,
        value: JSON.stringify(this.sample([...values, 'zz', ''], 1 + this.int(3))),
      };
    }
    const v = this.pick(values);
    const value = this.chance(0.3) ? v.slice(0, 1 + this.int(v.length)) : this.chance(0.1) ? '' : v;
    return { property: attr, op, value };
  }

  user(opts: { name?: boolean } = {}): EndUser {
    const props: { name: string; value: string }[] = [];
    for (const [attr, values] of Object.entries({ ...STRING_ATTRS, ...NUMERIC_ATTRS })) {
      props.push({ name: attr, value: this.pick(values) });
    }
    props.push({ name: 'beta', value: this.pick(BOOL_VALUES) });
    const user: EndUser = { keyId: this.pick(USER_POOL), customizedProperties: props };
    if (opts.name !== false) user.name = this.pick(['Ann', 'Bob', 'ann', 'Zoë']);
    return user;
  }

  /** Cumulative UI-style rollout over `ids`; always covers [0, 1]. */
  serves(ids: string[]): WireServe[] {
    if (this.chance(0.35))
      return [{ id: this.pick(ids), rollout: [0, 1], exptRollout: this.pick([0, 0.5, 1]) }];
    const chosen = this.sample(ids, 2 + this.int(ids.length - 1));
    const weights = chosen.map(() => (this.chance(0.1) ? 0 : 1 + this.int(1000)));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    let lo = 0;
    return chosen.map((id, i) => {
      // Percentages with 3 decimals, as the console stores them.
      const pct = Math.round((weights[i] / total) * 100 * 1000) / 1000;
      const hi = i === chosen.length - 1 ? 1 : Math.min(1, lo + pct * 0.01);
      const serve: WireServe = {
        id,
        rollout: [lo, hi],
        exptRollout: this.pick([0, (hi - lo) / 2, hi - lo, 1, 0.3]),
      };
      lo = hi;
      return serve;
    });
  }

  flag(index: number, opts: { allowSegments?: boolean; allowName?: boolean } = {}): WireFlag {
    const allowSegments = opts.allowSegments ?? true;
    const nVariations = 2 + this.int(2);
    const ids = Array.from({ length: nVariations }, (_, i) => `var-${index}-${i}`);
    const dispatchKey = (): string | null => this.pick([null, null, 'keyId', 'tier', ' ']);
    const rules: WireRule[] = Array.from({ length: this.int(5) }, (_, k) => ({
      id: `rule-${index}-${k}`,
      name: `rule-${k}`,
      dispatchKey: dispatchKey(),
      includedInExpt: this.chance(0.5),
      conditions: Array.from({ length: this.int(4) }, () =>
        this.condition(allowSegments, opts.allowName ?? true),
      ),
      variations: this.serves(ids),
    }));
    const exptIncludeAllTargets = this.chance(0.5);
    const fallthroughIncluded = this.chance(0.5);
    // Common ground: the Node SDK reads the fallthrough's includedInExpt for rules as well.
    if (!exptIncludeAllTargets) for (const rule of rules) rule.includedInExpt = fallthroughIncluded;
    return {
      id: `f1a90000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      envId: '0e0e0e0e-0000-4000-8000-000000000001',
      name: `flag ${index}`,
      description: '',
      key: `flag-${index}`,
      variationType: 'string',
      variations: ids.map((id, i) => ({ id, name: `v${i}`, value: `value-${index}-${i}` })),
      targetUsers: Array.from({ length: this.int(3) }, () => ({
        keyIds: this.sample(USER_POOL, 1 + this.int(6)),
        variationId: this.pick(ids),
      })),
      rules,
      isEnabled: this.chance(0.9),
      disabledVariationId: this.pick(ids),
      fallthrough: {
        dispatchKey: dispatchKey(),
        includedInExpt: fallthroughIncluded,
        variations: this.serves(ids),
      },
      exptIncludeAllTargets,
      tags: [],
      updatedAt: '2024-05-01T10:00:00.123Z',
      isArchived: false,
    };
  }

  segments(): WireSegment[] {
    return SEGMENT_POOL_IDS.map((id) => ({
      id,
      envId: '0e0e0e0e-0000-4000-8000-000000000001',
      name: `segment ${id.slice(-1)}`,
      description: '',
      included: this.sample(USER_POOL, 25),
      excluded: this.sample(USER_POOL, 10),
      rules: Array.from({ length: this.int(3) }, (_, i) => ({
        id: `${id}-r${i}`,
        name: `r${i}`,
        conditions: Array.from({ length: 1 + this.int(2) }, () => this.condition(false, false)),
      })),
      updatedAt: '2024-05-01T10:00:00.123Z',
      isArchived: false,
    }));
  }

  /** The first rule, made likely to match, so that injected conditions are reached. */
  reachableRule(flag: WireFlag): WireRule {
    if (flag.rules.length === 0) {
      flag.rules.push({
        id: `${flag.id}-r`,
        name: 'rule-x',
        dispatchKey: null,
        includedInExpt: flag.fallthrough.includedInExpt,
        conditions: [],
        variations: this.serves(flag.variations.map((v) => v.id)),
      });
    }
    const rule = flag.rules[0];
    rule.conditions = rule.conditions.slice(0, this.int(2));
    flag.isEnabled = true;
    flag.targetUsers = [];
    return rule;
  }

  additive(): Condition {
    const [op, property, , values] = this.pick(ADDITIVE);
    return { property, op, value: this.pick(values) };
  }

  additiveUserValues(): { name: string; value: string }[] {
    return [
      { name: 'version', value: this.pick(ADDITIVE[0][2]) },
      { name: 'signup', value: this.pick(ADDITIVE[3][2]) },
    ];
  }
}
