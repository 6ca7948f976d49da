import type { PermissionAction } from '../iam/permissions';
import type { FeatureFlag, RolloutVariation, TargetRule } from './feature-flag';

// The semantic diff between two versions of a flag (FeatBit's "instructions"): readable change
// lines for audit logs, and which parts changed for per-part permission checks.

export interface Instruction {
  kind: string;
  value: unknown;
  /** A readable sentence for audit views. */
  text: string;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function rolloutText(flag: FeatureFlag, rollouts: readonly RolloutVariation[]): string {
  return rollouts
    .map((r) => {
      const name = flag.variations.find((v) => v.id === r.id)?.name ?? r.id;
      const pct = Math.round((r.rollout[1] - r.rollout[0]) * 10000) / 100;
      return `${name} ${pct}%`;
    })
    .join(', ');
}

function ruleLine(rule: TargetRule): string {
  return rule.conditions
    .map((c) => `${c.property} ${c.op ?? ''} ${c.value}`.replace(/\s+/g, ' ').trim())
    .join(' AND ');
}

export function flagInstructions(before: FeatureFlag | null, after: FeatureFlag | null): Instruction[] {
  if (!before && after) return [{ kind: 'CreateFlag', value: after.key, text: `created flag ${after.key}` }];
  if (before && !after)
    return [{ kind: 'RemoveFlag', value: before.key, text: `deleted flag ${before.key}` }];
  if (!before || !after) return [];
  const out: Instruction[] = [];
  const add = (kind: string, value: unknown, text: string) => out.push({ kind, value, text });

  if (before.isEnabled !== after.isEnabled)
    add(
      after.isEnabled ? 'TurnFlagOn' : 'TurnFlagOff',
      after.isEnabled,
      `turned the flag ${after.isEnabled ? 'on' : 'off'}`,
    );
  if (before.isArchived !== after.isArchived)
    add(
      after.isArchived ? 'ArchiveFlag' : 'RestoreFlag',
      after.isArchived,
      after.isArchived ? 'archived the flag' : 'restored the flag',
    );
  if (before.name !== after.name) add('UpdateName', after.name, `renamed to "${after.name}"`);
  if (before.description !== after.description)
    add('UpdateDescription', after.description, 'changed the description');

  const addedTags = after.tags.filter((t) => !before.tags.includes(t));
  const removedTags = before.tags.filter((t) => !after.tags.includes(t));
  if (addedTags.length) add('AddTags', addedTags, `added tags ${addedTags.join(', ')}`);
  if (removedTags.length) add('RemoveTags', removedTags, `removed tags ${removedTags.join(', ')}`);

  for (const v of after.variations) {
    const old = before.variations.find((o) => o.id === v.id);
    if (!old) add('AddVariation', v, `added variation ${v.name} = ${v.value}`);
    else if (!same(old, v))
      add('UpdateVariation', v, `changed variation ${old.name} to ${v.name} = ${v.value}`);
  }
  for (const v of before.variations) {
    if (!after.variations.some((n) => n.id === v.id))
      add('RemoveVariation', v, `removed variation ${v.name}`);
  }
  if (before.disabledVariationId !== after.disabledVariationId) {
    const name =
      after.variations.find((v) => v.id === after.disabledVariationId)?.name ?? after.disabledVariationId;
    add('UpdateDisabledVariation', after.disabledVariationId, `serves ${name} when off`);
  }

  const targetsOf = (flag: FeatureFlag) =>
    new Map(flag.targetUsers.map((t) => [t.variationId, new Set(t.keyIds)]));
  const beforeTargets = targetsOf(before);
  const afterTargets = targetsOf(after);
  for (const variation of after.variations) {
    const was = beforeTargets.get(variation.id) ?? new Set<string>();
    const now = afterTargets.get(variation.id) ?? new Set<string>();
    const added = [...now].filter((k) => !was.has(k));
    const removed = [...was].filter((k) => !now.has(k));
    if (added.length)
      add(
        'AddTargetUsers',
        { variationId: variation.id, keyIds: added },
        `targeted ${added.join(', ')} to ${variation.name}`,
      );
    if (removed.length)
      add(
        'RemoveTargetUsers',
        { variationId: variation.id, keyIds: removed },
        `removed ${removed.join(', ')} from ${variation.name}`,
      );
  }

  for (const rule of after.rules) {
    const old = before.rules.find((r) => r.id === rule.id);
    if (!old) {
      add(
        'AddRule',
        rule,
        `added rule "${rule.name}": ${ruleLine(rule)} → ${rolloutText(after, rule.variations)}`,
      );
      continue;
    }
    if (old.name !== rule.name)
      add(
        'UpdateRuleName',
        { ruleId: rule.id, name: rule.name },
        `renamed rule "${old.name}" to "${rule.name}"`,
      );
    if (!same(old.conditions, rule.conditions))
      add(
        'UpdateRuleConditions',
        { ruleId: rule.id, conditions: rule.conditions },
        `rule "${rule.name}" now matches ${ruleLine(rule)}`,
      );
    if (!same(old.variations, rule.variations))
      add(
        'UpdateRuleVariationOrRollouts',
        { ruleId: rule.id, variations: rule.variations },
        `rule "${rule.name}" serves ${rolloutText(after, rule.variations)}`,
      );
    if (old.dispatchKey !== rule.dispatchKey)
      add(
        'UpdateRuleDispatchKey',
        { ruleId: rule.id, dispatchKey: rule.dispatchKey },
        `rule "${rule.name}" splits by ${rule.dispatchKey ?? 'keyId'}`,
      );
    if (old.includedInExpt !== rule.includedInExpt)
      add(
        'UpdateRuleIncludedInExpt',
        { ruleId: rule.id, includedInExpt: rule.includedInExpt },
        `rule "${rule.name}" ${rule.includedInExpt ? 'is' : 'is no longer'} in experiments`,
      );
  }
  for (const rule of before.rules) {
    if (!after.rules.some((r) => r.id === rule.id))
      add('RemoveRule', { ruleId: rule.id }, `removed rule "${rule.name}"`);
  }
  const commonOrder = (flag: FeatureFlag, other: FeatureFlag) =>
    flag.rules.map((r) => r.id).filter((id) => other.rules.some((o) => o.id === id));
  if (!same(commonOrder(before, after), commonOrder(after, before)))
    add(
      'ReorderRules',
      after.rules.map((r) => r.id),
      'changed the order of the rules',
    );

  if (!same(before.fallthrough.variations, after.fallthrough.variations)) {
    add(
      'UpdateDefaultRuleVariationOrRollouts',
      after.fallthrough.variations,
      `default rule serves ${rolloutText(after, after.fallthrough.variations)}`,
    );
  }
  if (before.fallthrough.dispatchKey !== after.fallthrough.dispatchKey) {
    add(
      'UpdateDefaultRuleDispatchKey',
      after.fallthrough.dispatchKey,
      `default rule splits by ${after.fallthrough.dispatchKey ?? 'keyId'}`,
    );
  }
  if (before.fallthrough.includedInExpt !== after.fallthrough.includedInExpt) {
    add(
      'UpdateDefaultRuleIncludedInExpt',
      after.fallthrough.includedInExpt,
      `default rule ${after.fallthrough.includedInExpt ? 'is' : 'is no longer'} in experiments`,
    );
  }
  if (before.exptIncludeAllTargets !== after.exptIncludeAllTargets) {
    add(
      'UpdateExptIncludeAllTargets',
      after.exptIncludeAllTargets,
      `experiments ${after.exptIncludeAllTargets ? 'include' : 'no longer include'} all targeted users`,
    );
  }
  return out;
}

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
