import type { FeatureFlag } from './feature-flag';
import { referencedSegmentIds } from './flag-validation';
import { SEGMENT_IN, SEGMENT_NOT_IN } from './feature-flag';

// Copying a flag to another environment (FeatBit's copy-to-env precheck + copy).

export interface CopyPrecheck {
  id: string;
  /** The key is free in the target environment. */
  keyCheck: boolean;
  /** Every individually targeted user exists in the target environment. */
  targetUserCheck: boolean;
  /** Every segment the rules reference is visible in the target environment. */
  targetRuleCheck: boolean;
  /** Rule properties missing from the target environment's property catalogue. */
  newProperties: string[];
}

export interface TargetEnvironmentFacts {
  usedKeys: ReadonlySet<string>;
  existingKeyIds: ReadonlySet<string>;
  segmentIds: ReadonlySet<string>;
  propertyNames: ReadonlySet<string>;
}

export function precheckCopy(flag: FeatureFlag, target: TargetEnvironmentFacts): CopyPrecheck {
  const keyIds = flag.targetUsers.flatMap((t) => t.keyIds);
  const properties = new Set(
    flag.rules
      .flatMap((r) => r.conditions)
      .filter((c) => c.property !== SEGMENT_IN && c.property !== SEGMENT_NOT_IN)
      .map((c) => c.property),
  );
  return {
    id: flag.id,
    keyCheck: !target.usedKeys.has(flag.key),
    targetUserCheck: keyIds.every((k) => target.existingKeyIds.has(k)),
    targetRuleCheck: referencedSegmentIds(flag.rules).every((id) => target.segmentIds.has(id)),
    newProperties: [...properties].filter((p) => !target.propertyNames.has(p)),
  };
}

/**
 * The copy in the target environment: same key, variations (with their ids), targeting and tags;
 * rules that reference segments missing there are dropped. The copy starts switched off, so a
 * copy never changes what users of the target environment get until someone turns it on.
 */
export function copyFlagTo(
  flag: FeatureFlag,
  target: { envId: string; segmentIds: ReadonlySet<string> },
  ids: { id: string; revision: string; creatorId: string; now: string; newRuleId: () => string },
): FeatureFlag {
  const rules = flag.rules
    .filter((r) => referencedSegmentIds([r]).every((id) => target.segmentIds.has(id)))
    .map((r) => ({ ...r, id: ids.newRuleId() }));
  return {
    ...structuredClone(flag),
    id: ids.id,
    envId: target.envId,
    revision: ids.revision,
    rules,
    isEnabled: false,
    isArchived: false,
    creatorId: ids.creatorId,
    updatorId: ids.creatorId,
    createdAt: ids.now,
    updatedAt: ids.now,
  };
}
