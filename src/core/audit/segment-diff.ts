import type { Condition } from '../flags/feature-flag';
import { type AuditInstruction, conditionKey, type UserListKind } from './audit-instruction';
import { listDelta, metadataDiff } from './metadata-diff';

/** The parts of a segment version the diff reads (stored segments, REST documents, older audit JSON). */
export interface SegmentVersion {
  key: string;
  name: string;
  description?: string;
  isArchived?: boolean;
  tags?: readonly string[];
  included?: readonly string[];
  excluded?: readonly string[];
  rules?: readonly { id: string; name: string; conditions: readonly Condition[] }[];
  scopes?: readonly string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function listDiff(
  add: Extract<UserListKind, `Add${string}`>,
  remove: Extract<UserListKind, `Remove${string}`>,
  before: readonly string[],
  after: readonly string[],
): AuditInstruction[] {
  const { added, removed } = listDelta(before, after);
  const out: AuditInstruction[] = [];
  if (added.length) out.push({ of: 'segment', kind: add, value: added, after: added });
  if (removed.length) out.push({ of: 'segment', kind: remove, value: removed, before: removed });
  return out;
}

/** The structured diff of two versions of a segment (FeatBit's segment instructions). */
export function segmentDiff(before: SegmentVersion | null, after: SegmentVersion | null): AuditInstruction[] {
  const of = 'segment';
  if (!before && after)
    return [{ of, kind: 'CreateSegment', value: after.key, after: { key: after.key, name: after.name } }];
  if (before && !after)
    return [{ of, kind: 'RemoveSegment', value: before.key, before: { key: before.key, name: before.name } }];
  if (!before || !after) return [];
  const out = metadataDiff(of, before, after);
  out.push(
    ...listDiff(
      'AddTargetUsersToIncluded',
      'RemoveTargetUsersFromIncluded',
      before.included ?? [],
      after.included ?? [],
    ),
    ...listDiff(
      'AddTargetUsersToExcluded',
      'RemoveTargetUsersFromExcluded',
      before.excluded ?? [],
      after.excluded ?? [],
    ),
  );

  const oldRules = before.rules ?? [];
  const rules = after.rules ?? [];
  rules.forEach((rule, index) => {
    const old = oldRules.find((r) => r.id === rule.id);
    const subject = { rule: { id: rule.id, name: rule.name, index } };
    if (!old) {
      out.push({
        of,
        kind: 'AddRule',
        value: rule,
        subject,
        after: { conditions: rule.conditions, serve: null },
      });
      return;
    }
    if (old.name !== rule.name)
      out.push({
        of,
        kind: 'UpdateRuleName',
        value: { ruleId: rule.id, name: rule.name },
        subject: { rule: { ...subject.rule, name: old.name } },
        before: old.name,
        after: rule.name,
      });
    if (!same(old.conditions.map(conditionKey), rule.conditions.map(conditionKey)))
      out.push({
        of,
        kind: 'UpdateRuleConditions',
        value: { ruleId: rule.id, conditions: rule.conditions },
        subject,
        before: old.conditions,
        after: rule.conditions,
      });
  });
  oldRules.forEach((old, index) => {
    if (rules.some((r) => r.id === old.id)) return;
    out.push({
      of,
      kind: 'RemoveRule',
      value: { ruleId: old.id },
      subject: { rule: { id: old.id, name: old.name, index } },
      before: { conditions: old.conditions, serve: null },
    });
  });
  if (!same(before.scopes ?? [], after.scopes ?? []))
    out.push({
      of,
      kind: 'UpdateScopes',
      value: after.scopes ?? [],
      before: before.scopes ?? [],
      after: after.scopes ?? [],
    });
  return out;
}
