import type { Segment, SegmentRule } from '../api/api.models';
import { describeCondition } from './conditions';
import type { Change } from './flag-changes';

function delta(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  return {
    added: after.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !after.includes(x)),
  };
}

function describeRule(rule: SegmentRule): string {
  return rule.conditions.map((c) => describeCondition(c)).join(' AND ') || '(no conditions)';
}

/** What changed between two versions of a segment, in words. */
export function diffSegments(before: Segment, after: Segment): Change[] {
  const changes: Change[] = [];
  if (before.isArchived !== after.isArchived) {
    changes.push({
      kind: 'update',
      text: after.isArchived ? 'Archived the segment' : 'Restored the segment',
    });
  }
  if (before.name !== after.name)
    changes.push({ kind: 'update', text: `Renamed from “${before.name}” to “${after.name}”` });
  if ((before.description ?? '') !== (after.description ?? '')) {
    changes.push({ kind: 'update', text: `Changed the description to “${after.description || '(empty)'}”` });
  }
  const included = delta(before.included ?? [], after.included ?? []);
  if (included.added.length)
    changes.push({ kind: 'add', text: `Included users ${included.added.join(', ')}` });
  if (included.removed.length)
    changes.push({ kind: 'remove', text: `No longer included: ${included.removed.join(', ')}` });
  const excluded = delta(before.excluded ?? [], after.excluded ?? []);
  if (excluded.added.length)
    changes.push({ kind: 'add', text: `Excluded users ${excluded.added.join(', ')}` });
  if (excluded.removed.length)
    changes.push({ kind: 'remove', text: `No longer excluded: ${excluded.removed.join(', ')}` });

  const beforeRules = before.rules ?? [];
  const afterRules = after.rules ?? [];
  for (const rule of afterRules) {
    const old = beforeRules.find((r) => r.id === rule.id);
    if (!old) {
      changes.push({ kind: 'add', text: `Added rule: ${describeRule(rule)}` });
    } else if (describeRule(old) !== describeRule(rule) || old.name !== rule.name) {
      changes.push({ kind: 'update', text: `Changed rule: ${describeRule(old)} → ${describeRule(rule)}` });
    }
  }
  for (const old of beforeRules) {
    if (!afterRules.some((r) => r.id === old.id))
      changes.push({ kind: 'remove', text: `Removed rule: ${describeRule(old)}` });
  }
  return changes;
}
