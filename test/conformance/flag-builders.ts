// Builders for evaluation test data in FeatBit's wire shape (docs/reference/data-model.md#feature-flag).
import type { EndUser } from '../../src/core/end-users/end-user';
import type {
  Condition,
  FeatureFlag,
  RolloutVariation,
  TargetRule,
  TargetUser,
} from '../../src/core/flags/feature-flag';
import type { WireSegment } from '../../src/core/segments/segment';

export const ON = 'a0a0a0a0-0000-4000-8000-000000000001';
export const OFF = 'a0a0a0a0-0000-4000-8000-000000000002';
export const THIRD = 'a0a0a0a0-0000-4000-8000-000000000003';
export const UPDATED_AT = '2024-05-01T10:00:00.123Z';

/** [variationId, lo, hi, exptRollout?] */
export type Serve = [string, number, number, number?];

export function serves(list: Serve[]): RolloutVariation[] {
  return list.map(([id, lo, hi, expt]) => ({ id, rollout: [lo, hi], exptRollout: expt ?? 1 }));
}

export function cond(property: string, op: string | null, value: string): Condition {
  return { property, op, value };
}

export function rule(
  name: string,
  conditions: Condition[],
  variations: Serve[] = [[ON, 0, 1]],
  extra: Partial<TargetRule> = {},
): TargetRule {
  return {
    id: `rule-${name}`,
    name,
    dispatchKey: null,
    includedInExpt: true,
    conditions,
    variations: serves(variations),
    ...extra,
  };
}

export function target(variationId: string, ...keyIds: string[]): TargetUser {
  return { keyIds, variationId };
}

export interface FlagOptions extends Partial<Omit<FeatureFlag, 'fallthrough'>> {
  fallthrough?: Serve[];
  fallthroughDispatchKey?: string | null;
  fallthroughIncludedInExpt?: boolean;
}

/** A boolean flag: ON="true", OFF="false", THIRD="third"; serves OFF by default. */
export function flag(opts: FlagOptions = {}): FeatureFlag {
  const { fallthrough, fallthroughDispatchKey, fallthroughIncludedInExpt, ...rest } = opts;
  return {
    id: 'f0000000-0000-4000-8000-000000000001',
    envId: 'e0000000-0000-4000-8000-000000000001',
    revision: 'r0000000-0000-4000-8000-000000000001',
    name: 'Test flag',
    description: '',
    key: 'test-flag',
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
    isArchived: false,
    creatorId: 'u0000000-0000-4000-8000-000000000001',
    updatorId: 'u0000000-0000-4000-8000-000000000001',
    createdAt: UPDATED_AT,
    updatedAt: UPDATED_AT,
    ...rest,
  };
}

export function user(
  keyId: string,
  props: Record<string, string | null> = {},
  name?: string | null,
): EndUser {
  const u: EndUser = {
    keyId,
    customizedProperties: Object.entries(props).map(([n, value]) => ({ name: n, value })),
  };
  if (name !== undefined) u.name = name;
  return u;
}

export function segment(
  id: string,
  opts: { included?: string[]; excluded?: string[]; rules?: Condition[][] } = {},
): WireSegment {
  return {
    id,
    envId: 'e0000000-0000-4000-8000-000000000001',
    name: `segment ${id}`,
    key: `segment-${id}`,
    description: '',
    included: opts.included ?? [],
    excluded: opts.excluded ?? [],
    rules: (opts.rules ?? []).map((conditions, i) => ({ id: `${id}-r${i}`, name: `r${i}`, conditions })),
    tags: [],
    isArchived: false,
    createdAt: UPDATED_AT,
    updatedAt: UPDATED_AT,
  };
}
