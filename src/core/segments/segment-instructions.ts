import type { Instruction } from '../flags/flag-instructions';
import type { PermissionAction } from '../iam/permissions';
import type { Segment, SegmentRule } from './segment';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function ruleLine(rule: SegmentRule): string {
  return rule.conditions
    .map((c) => `${c.property} ${c.op ?? ''} ${c.value}`.replace(/\s+/g, ' ').trim())
    .join(' AND ');
}

function listDiff(
  kindAdd: string,
  kindRemove: string,
  label: string,
  before: readonly string[],
  after: readonly string[],
  out: Instruction[],
): void {
  const added = after.filter((k) => !before.includes(k));
  const removed = before.filter((k) => !after.includes(k));
  if (added.length) out.push({ kind: kindAdd, value: added, text: `added ${added.join(', ')} to ${label}` });
  if (removed.length)
    out.push({ kind: kindRemove, value: removed, text: `removed ${removed.join(', ')} from ${label}` });
}

/** The semantic diff of two versions of a segment (FeatBit's segment instructions). */
export function segmentInstructions(before: Segment | null, after: Segment | null): Instruction[] {
  if (!before && after)
    return [{ kind: 'CreateSegment', value: after.key, text: `created segment ${after.key}` }];
  if (before && !after)
    return [{ kind: 'RemoveSegment', value: before.key, text: `deleted segment ${before.key}` }];
  if (!before || !after) return [];
  const out: Instruction[] = [];
  if (before.isArchived !== after.isArchived) {
    out.push({
      kind: after.isArchived ? 'ArchiveSegment' : 'RestoreSegment',
      value: after.isArchived,
      text: after.isArchived ? 'archived the segment' : 'restored the segment',
    });
  }
  if (before.name !== after.name)
    out.push({ kind: 'UpdateName', value: after.name, text: `renamed to "${after.name}"` });
  if (before.description !== after.description)
    out.push({ kind: 'UpdateDescription', value: after.description, text: 'changed the description' });
  listDiff('AddTags', 'RemoveTags', 'the tags', before.tags, after.tags, out);
  listDiff(
    'AddTargetUsersToIncluded',
    'RemoveTargetUsersFromIncluded',
    'the included users',
    before.included,
    after.included,
    out,
  );
  listDiff(
    'AddTargetUsersToExcluded',
    'RemoveTargetUsersFromExcluded',
    'the excluded users',
    before.excluded,
    after.excluded,
    out,
  );
  for (const rule of after.rules) {
    const old = before.rules.find((r) => r.id === rule.id);
    if (!old)
      out.push({ kind: 'AddRule', value: rule, text: `added rule "${rule.name}": ${ruleLine(rule)}` });
    else {
      if (old.name !== rule.name)
        out.push({
          kind: 'UpdateRuleName',
          value: { ruleId: rule.id, name: rule.name },
          text: `renamed rule "${old.name}" to "${rule.name}"`,
        });
      if (!same(old.conditions, rule.conditions)) {
        out.push({
          kind: 'UpdateRuleConditions',
          value: { ruleId: rule.id, conditions: rule.conditions },
          text: `rule "${rule.name}" now matches ${ruleLine(rule)}`,
        });
      }
    }
  }
  for (const rule of before.rules) {
    if (!after.rules.some((r) => r.id === rule.id))
      out.push({ kind: 'RemoveRule', value: { ruleId: rule.id }, text: `removed rule "${rule.name}"` });
  }
  if (!same(before.scopes, after.scopes))
    out.push({
      kind: 'UpdateScopes',
      value: after.scopes,
      text: `scopes are now ${after.scopes.join(', ')}`,
    });
  return out;
}

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
