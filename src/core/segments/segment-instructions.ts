import type { PermissionAction } from '../iam/permissions';
import type { Segment } from './segment';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Permissions a segment targeting change needs: users and rules are separate actions (as FeatBit). */
export function segmentTargetingPermissions(
  before: Segment,
  after: Pick<Segment, 'included' | 'excluded' | 'rules'>,
): PermissionAction[] {
  const needed: PermissionAction[] = [];
  if (!same(before.included, after.included) || !same(before.excluded, after.excluded))
    needed.push('UpdateSegmentTargetingUsers');
  if (!same(before.rules, after.rules)) needed.push('UpdateSegmentRules');
  return needed;
}
