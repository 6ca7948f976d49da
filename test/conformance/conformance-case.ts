// The case format of evaluation-cases.json and compact builders for writing cases.
import type { EndUser } from '../../src/core/end-users/end-user';
import type { Condition } from '../../src/core/flags/feature-flag';

export interface Expected {
  variationId: string | null;
  value: string | null;
  reason: string;
  sendToExperiment: boolean;
}

export interface ConformanceCase {
  name: string;
  options?: { missingAttribute: 'empty-string' | 'no-match' };
  flags: WireFlag[];
  segments: WireSegment[];
  user: EndUser;
  flagKey: string;
  expected: Expected;
}

/** The flag shape the default (Postgres) store emits (docs/reference/data-model.md#feature-flag). */
export interface WireFlag {
  id: string;
  envId: string;
  name: string;
  description: string;
  key: string;
  variationType: string;
  variations: { id: string; name: string; value: string }[];
  targetUsers: { keyIds: string[]; variationId: string }[];
  rules: WireRule[];
  isEnabled: boolean;
  disabledVariationId: string;
  fallthrough: { dispatchKey: string | null; includedInExpt: boolean; variations: WireServe[] };
  exptIncludeAllTargets: boolean;
  tags: string[];
  updatedAt: string;
  isArchived: boolean;
}

export interface WireRule {
  id: string;
  name: string;
  dispatchKey: string | null;
  includedInExpt: boolean;
  conditions: Condition[];
  variations: WireServe[];
}

export interface WireServe {
  id: string;
  rollout: [number, number];
  exptRollout: number;
}

export interface WireSegment {
  id: string;
  envId: string;
  name: string;
  description: string;
  included: string[];
  excluded: string[];
  rules: { id: string; name: string; conditions: Condition[] }[];
  updatedAt: string;
  isArchived: boolean;
}

export const ENV = '0e0e0e0e-0000-4000-8000-000000000001';
export const FLAG_ID = 'f1a90000-0000-4000-8000-000000000001';
export const ON = 'a0a0a0a0-0000-4000-8000-000000000001';
export const OFF = 'a0a0a0a0-0000-4000-8000-000000000002';
export const THIRD = 'a0a0a0a0-0000-4000-8000-000000000003';
export const UPDATED_AT = '2024-05-01T10:00:00.123Z';
/** One bucket step: buckets are multiples of 2^-31. */
export const STEP = 2 ** -31;

export const VALUE: Record<string, string> = { [ON]: 'true', [OFF]: 'false', [THIRD]: 'third' };

/** [variationId, lo, hi, exptRollout = 1] */
export type Serve = [string, number, number, number?];

export const serves = (list: Serve[]): WireServe[] =>
  list.map(([id, rollout0, rollout1, expt]) => ({
    id,
    rollout: [rollout0, rollout1],
    exptRollout: expt ?? 1,
  }));

export const c = (property: string, op: string | null, value: string): Condition => ({ property, op, value });

export function rule(
  name: string,
  conditions: Condition[],
  variations: Serve[] = [[ON, 0, 1]],
  extra: Partial<WireRule> = {},
): WireRule {
  return {
    id: `r-${name}`,
    name,
    dispatchKey: null,
    includedInExpt: true,
    conditions,
    variations: serves(variations),
    ...extra,
  };
}

export interface FlagSpec extends Partial<Omit<WireFlag, 'fallthrough'>> {
  fallthrough?: Serve[];
  fallthroughDispatchKey?: string | null;
  fallthroughIncludedInExpt?: boolean;
}

export function wireFlag(spec: FlagSpec = {}): WireFlag {
  const { fallthrough, fallthroughDispatchKey, fallthroughIncludedInExpt, ...rest } = spec;
  return {
    id: FLAG_ID,
    envId: ENV,
    name: 'Case flag',
    description: '',
    key: 'case-flag',
    variationType: 'boolean',
    variations: [
      { id: ON, name: 'on', value: 'true' },
      { id: OFF, name: 'off', value: 'false' },
      { id: THIRD, name: 'third', value: 'third' },
    ],
    targetUsers: [],
    rules: [],
    isEnabled: true,
    disabledVariationId: OFF,
    fallthrough: {
      dispatchKey: fallthroughDispatchKey ?? null,
      includedInExpt: fallthroughIncludedInExpt ?? true,
      variations: serves(fallthrough ?? [[OFF, 0, 1]]),
    },
    exptIncludeAllTargets: true,
    tags: [],
    updatedAt: UPDATED_AT,
    isArchived: false,
    ...rest,
  };
}

export function wireSegment(
  id: string,
  spec: { included?: string[]; excluded?: string[]; rules?: Condition[][] } = {},
): WireSegment {
  return {
    id,
    envId: ENV,
    name: `segment ${id.slice(-2)}`,
    description: '',
    included: spec.included ?? [],
    excluded: spec.excluded ?? [],
    rules: (spec.rules ?? []).map((conditions, i) => ({ id: `${id}-r${i}`, name: `rule ${i}`, conditions })),
    updatedAt: UPDATED_AT,
    isArchived: false,
  };
}

export function u(keyId: string, props: Record<string, string | null> = {}, name?: string | null): EndUser {
  const user: EndUser = {
    keyId,
    customizedProperties: Object.entries(props).map(([n, value]) => ({ name: n, value })),
  };
  if (name !== undefined) user.name = name;
  return user;
}

export const served = (variationId: string, reason: string, sendToExperiment = true): Expected => ({
  variationId,
  value: VALUE[variationId] ?? '',
  reason,
  sendToExperiment,
});
export const malformed: Expected = {
  variationId: null,
  value: null,
  reason: 'malformed flag',
  sendToExperiment: false,
};
export const empty = (reason: string, sendToExperiment = true): Expected => ({
  variationId: '',
  value: '',
  reason,
  sendToExperiment,
});

/** A one-flag case. */
export function one(
  name: string,
  flag: WireFlag,
  user: EndUser,
  expected: Expected,
  extra: { segments?: WireSegment[]; options?: ConformanceCase['options'] } = {},
): ConformanceCase {
  const result: ConformanceCase = {
    name,
    flags: [flag],
    segments: extra.segments ?? [],
    user,
    flagKey: flag.key,
    expected,
  };
  if (extra.options) result.options = extra.options;
  return result;
}

export type Outcome = 'match' | 'no-match' | 'malformed';

/**
 * `attr <op> value` for a user whose attribute is `userValue` (undefined: absent). A match serves
 * ON with reason "rule 1", else OFF by "default"; malformed data yields the malformed result.
 */
export function opCase(
  name: string,
  op: string | null,
  value: string,
  userValue: string | null | undefined,
  outcome: Outcome,
  extra: { attr?: string; options?: ConformanceCase['options']; user?: EndUser } = {},
): ConformanceCase {
  const attr = extra.attr ?? 'attr';
  const flag = wireFlag({ key: 'op-flag', rules: [rule('rule 1', [c(attr, op, value)])] });
  const user = extra.user ?? u('user-op', userValue === undefined ? {} : { [attr]: userValue });
  const expected =
    outcome === 'malformed' ? malformed : outcome === 'match' ? served(ON, 'rule 1') : served(OFF, 'default');
  return one(`operator ${op} — ${name}`, flag, user, expected, { options: extra.options });
}
