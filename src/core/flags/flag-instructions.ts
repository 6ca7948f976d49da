import type { PermissionAction } from '../iam/permissions';
import type { FeatureFlag } from './feature-flag';

// Which parts of a flag a targeting change touches, for per-part permission checks. The readable
// change list is src/core/audit/flag-diff.ts.

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The permissions a targeting change needs (FeatBit decides per changed part). */
export function targetingPermissions(
  before: FeatureFlag,
  after: Pick<FeatureFlag, 'targetUsers' | 'rules' | 'fallthrough' | 'exptIncludeAllTargets'>,
): PermissionAction[] {
  const needed: PermissionAction[] = [];
  if (!same(before.targetUsers, after.targetUsers)) needed.push('UpdateFlagIndividualTargeting');
  if (!same(before.rules, after.rules)) needed.push('UpdateFlagTargetingRules');
  if (
    !same(before.fallthrough, after.fallthrough) ||
    before.exptIncludeAllTargets !== after.exptIncludeAllTargets
  ) {
    needed.push('UpdateFlagDefaultRule');
  }
  return needed;
}
