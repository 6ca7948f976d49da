import type { Condition, FeatureFlag, RolloutVariation, TargetRule, Variation } from '../api/api.models';
import { describeCondition } from './conditions';
import { describeServe, variationLabel } from './rollout';

export type ChangeKind = 'add' | 'remove' | 'update';

/** One line of a human-readable change list. */
export interface Change {
  kind: ChangeKind;
  text: string;
}

/** Looks up segment names for segment conditions; ids are shown when unknown. */
export type SegmentNames = (id: string) => string;

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function listDelta(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  return {
    added: after.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !after.includes(x)),
  };
}

function quote(text: string): string {
  return `“${text}”`;
}

function ruleTitle(rule: TargetRule, index: number): string {
  return rule.name ? `rule ${quote(rule.name)}` : `rule ${index + 1}`;
}

/**
 * What changed between two versions of a flag, in the words a reviewer would use. Used by the
 * save review and by History, so both describe a change the same way.
 */
export function diffFlags(
  before: FeatureFlag,
  after: FeatureFlag,
  segmentName: SegmentNames = (id) => id,
): Change[] {
  const changes: Change[] = [];
  const beforeVariations = before.variations ?? [];
  const variations = after.variations ?? [];
  const label = (id: string): string =>
    variationLabel(variations, id) || variationLabel(beforeVariations, id);

  if (before.isArchived !== after.isArchived) {
    changes.push({ kind: 'update', text: after.isArchived ? 'Archived the flag' : 'Restored the flag' });
  }
  if (before.isEnabled !== after.isEnabled) {
    changes.push({ kind: 'update', text: after.isEnabled ? 'Turned the flag ON' : 'Turned the flag OFF' });
  }
  if (before.name !== after.name) {
    changes.push({ kind: 'update', text: `Renamed from ${quote(before.name)} to ${quote(after.name)}` });
  }
  if ((before.description ?? '') !== (after.description ?? '')) {
    changes.push({
      kind: 'update',
      text: `Changed the description to ${quote(after.description || '(empty)')}`,
    });
  }
  const tags = listDelta(before.tags ?? [], after.tags ?? []);
  if (tags.added.length) changes.push({ kind: 'add', text: `Added tags ${tags.added.join(', ')}` });
  if (tags.removed.length) changes.push({ kind: 'remove', text: `Removed tags ${tags.removed.join(', ')}` });

  changes.push(...diffVariations(beforeVariations, variations));

  if (before.disabledVariationId !== after.disabledVariationId) {
    changes.push({
      kind: 'update',
      text: `When OFF, serve ${label(after.disabledVariationId)} (was ${variationLabel(beforeVariations, before.disabledVariationId)})`,
    });
  }

  changes.push(...diffTargetUsers(before, after, label));
  changes.push(...diffRules(before.rules ?? [], after.rules ?? [], variations, segmentName));

  const fallBefore = before.fallthrough;
  const fallAfter = after.fallthrough;
  if (fallBefore && fallAfter) {
    if (!sameServe(fallBefore.variations, fallAfter.variations)) {
      changes.push({
        kind: 'update',
        text: `Default rule: serve ${describeServe(fallAfter.variations, variations)} (was ${describeServe(fallBefore.variations, beforeVariations)})`,
      });
    }
    if ((fallBefore.dispatchKey ?? '') !== (fallAfter.dispatchKey ?? '')) {
      changes.push({ kind: 'update', text: `Default rule: dispatch by ${fallAfter.dispatchKey || 'keyId'}` });
    }
    if (fallBefore.includedInExpt !== fallAfter.includedInExpt) {
      changes.push({
        kind: 'update',
        text: `Default rule ${fallAfter.includedInExpt ? 'included in' : 'excluded from'} experiments`,
      });
    }
  }
  if (before.exptIncludeAllTargets !== after.exptIncludeAllTargets) {
    changes.push({
      kind: 'update',
      text: after.exptIncludeAllTargets
        ? 'Experiments include all targeted users'
        : 'Experiments include only the chosen rules',
    });
  }
  return changes;
}

function diffVariations(before: readonly Variation[], after: readonly Variation[]): Change[] {
  const changes: Change[] = [];
  for (const v of after) {
    const old = before.find((b) => b.id === v.id);
    if (!old) {
      changes.push({ kind: 'add', text: `Added variation ${quote(v.name)} = ${v.value}` });
    } else if (old.name !== v.name || old.value !== v.value) {
      const parts: string[] = [];
      if (old.name !== v.name) parts.push(`renamed to ${quote(v.name)}`);
      if (old.value !== v.value) parts.push(`value ${old.value} → ${v.value}`);
      changes.push({ kind: 'update', text: `Variation ${quote(old.name)}: ${parts.join(', ')}` });
    }
  }
  for (const old of before) {
    if (!after.some((v) => v.id === old.id)) {
      changes.push({ kind: 'remove', text: `Removed variation ${quote(old.name)} = ${old.value}` });
    }
  }
  return changes;
}

function diffTargetUsers(before: FeatureFlag, after: FeatureFlag, label: (id: string) => string): Change[] {
  const changes: Change[] = [];
  const usersOf = (flag: FeatureFlag, variationId: string): string[] =>
    (flag.targetUsers ?? []).filter((t) => t.variationId === variationId).flatMap((t) => t.keyIds);
  const variationIds = new Set([
    ...(before.targetUsers ?? []).map((t) => t.variationId),
    ...(after.targetUsers ?? []).map((t) => t.variationId),
  ]);
  for (const id of variationIds) {
    const delta = listDelta(usersOf(before, id), usersOf(after, id));
    if (delta.added.length) {
      changes.push({ kind: 'add', text: `Serve ${label(id)} to users ${delta.added.join(', ')}` });
    }
    if (delta.removed.length) {
      changes.push({
        kind: 'remove',
        text: `Stop targeting users ${delta.removed.join(', ')} with ${label(id)}`,
      });
    }
  }
  return changes;
}

function sameServe(a: readonly RolloutVariation[], b: readonly RolloutVariation[]): boolean {
  const strip = (vs: readonly RolloutVariation[]) => vs.map((v) => ({ id: v.id, rollout: v.rollout }));
  return sameJson(strip(a), strip(b));
}

function describeConditions(conditions: readonly Condition[], segmentName: SegmentNames): string {
  return conditions.map((c) => describeCondition(c, segmentName)).join(' AND ') || 'everyone';
}

function diffRules(
  before: readonly TargetRule[],
  after: readonly TargetRule[],
  variations: readonly Variation[],
  segmentName: SegmentNames,
): Change[] {
  const changes: Change[] = [];
  after.forEach((rule, index) => {
    const old = before.find((b) => b.id === rule.id);
    if (!old) {
      changes.push({
        kind: 'add',
        text: `Added ${ruleTitle(rule, index)}: if ${describeConditions(rule.conditions, segmentName)} then serve ${describeServe(rule.variations, variations)}`,
      });
      return;
    }
    const title = ruleTitle(rule, index);
    if (old.name !== rule.name)
      changes.push({ kind: 'update', text: `Renamed ${ruleTitle(old, index)} to ${quote(rule.name)}` });
    const oldConditions = old.conditions.map((c) => describeCondition(c, segmentName));
    const newConditions = rule.conditions.map((c) => describeCondition(c, segmentName));
    const delta = listDelta(oldConditions, newConditions);
    for (const text of delta.added)
      changes.push({ kind: 'add', text: `${capital(title)}: added condition ${text}` });
    for (const text of delta.removed)
      changes.push({ kind: 'remove', text: `${capital(title)}: removed condition ${text}` });
    if (!sameServe(old.variations, rule.variations)) {
      changes.push({
        kind: 'update',
        text: `${capital(title)}: serve ${describeServe(rule.variations, variations)}`,
      });
    }
    if ((old.dispatchKey ?? '') !== (rule.dispatchKey ?? '')) {
      changes.push({ kind: 'update', text: `${capital(title)}: dispatch by ${rule.dispatchKey || 'keyId'}` });
    }
    if (old.includedInExpt !== rule.includedInExpt) {
      changes.push({
        kind: 'update',
        text: `${capital(title)} ${rule.includedInExpt ? 'included in' : 'excluded from'} experiments`,
      });
    }
  });
  before.forEach((old, index) => {
    if (!after.some((r) => r.id === old.id)) {
      changes.push({ kind: 'remove', text: `Removed ${ruleTitle(old, index)}` });
    }
  });
  const keptBefore = before.filter((r) => after.some((a) => a.id === r.id)).map((r) => r.id);
  const keptAfter = after.filter((r) => before.some((b) => b.id === r.id)).map((r) => r.id);
  if (!sameJson(keptBefore, keptAfter))
    changes.push({ kind: 'update', text: 'Reordered the targeting rules' });
  return changes;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
