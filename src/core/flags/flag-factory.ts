import type { FeatureFlag, Variation, VariationType } from './feature-flag';

export interface NewFlagInput {
  id: string;
  envId: string;
  revision: string;
  name: string;
  key: string;
  description: string;
  isEnabled: boolean;
  variationType: VariationType;
  variations: Variation[];
  enabledVariationId: string;
  disabledVariationId: string;
  tags: string[];
  creatorId: string;
  now: string;
}

/**
 * A new flag as FeatBit creates it: no targets or rules, the default rule serves the enabled
 * variation to 100% and is included in experiments, exptIncludeAllTargets = true.
 */
export function newFeatureFlag(input: NewFlagInput): FeatureFlag {
  return {
    id: input.id,
    envId: input.envId,
    revision: input.revision,
    name: input.name,
    description: input.description,
    key: input.key,
    variationType: input.variationType,
    variations: input.variations,
    targetUsers: [],
    rules: [],
    isEnabled: input.isEnabled,
    disabledVariationId: input.disabledVariationId,
    fallthrough: {
      dispatchKey: null,
      includedInExpt: true,
      variations: [{ id: input.enabledVariationId, rollout: [0, 1], exptRollout: 1 }],
    },
    exptIncludeAllTargets: true,
    tags: input.tags,
    isArchived: false,
    isPermanent: false,
    creatorId: input.creatorId,
    updatorId: input.creatorId,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** The version after a change: new revision and updatedAt (strictly later than before), updator. */
export function nextVersion(
  flag: FeatureFlag,
  changes: Partial<FeatureFlag>,
  revision: string,
  updatorId: string,
  now: string,
): FeatureFlag {
  return { ...flag, ...changes, revision, updatorId, updatedAt: laterThan(flag.updatedAt, now) };
}

/**
 * `now`, or 1 ms after `previous` when the clock has not moved past it: SDKs sync on updatedAt,
 * so every change must be visible as newer.
 */
export function laterThan(previous: string, now: string): string {
  const prev = Date.parse(previous);
  const next = Date.parse(now);
  return Number.isFinite(prev) && next <= prev ? new Date(prev + 1).toISOString() : now;
}

/** The names of the variations served when the flag is on (default rule) and off. */
export function servedVariations(flag: FeatureFlag): {
  enabledVariations: string[];
  disabledVariation: string;
} {
  const name = (id: string) => flag.variations.find((v) => v.id === id)?.name ?? '';
  return {
    enabledVariations: flag.fallthrough.variations
      .filter((r) => r.rollout[1] - r.rollout[0] > 0)
      .map((r) => name(r.id))
      .filter(Boolean),
    disabledVariation: name(flag.disabledVariationId),
  };
}
