import type { Condition } from '../flags/feature-flag';
import {
  type AuditInstruction,
  conditionKey,
  type RolloutLike,
  type RuleRef,
  serveOf,
  type VariationLike,
  variationRef,
} from './audit-instruction';
import { listDelta, metadataDiff } from './metadata-diff';

/**
 * The parts of a flag version the diff reads. Stored flags, the console's REST documents and older
 * audit JSON (which may lack newer fields) all fit.
 */
export interface FlagVersion {
  key: string;
  name: string;
  description?: string;
  isEnabled: boolean;
  isArchived?: boolean;
  isPermanent?: boolean;
  tags?: readonly string[];
  variations?: readonly VariationLike[];
  disabledVariationId: string;
  targetUsers?: readonly { variationId: string; keyIds: readonly string[] }[];
  rules?: readonly FlagRuleVersion[];
  fallthrough?: {
    dispatchKey?: string | null;
    includedInExpt?: boolean;
    variations: readonly RolloutLike[];
  };
  exptIncludeAllTargets?: boolean;
}

interface FlagRuleVersion {
  id: string;
  name: string;
  dispatchKey?: string | null;
  includedInExpt?: boolean;
  conditions: readonly Condition[];
  variations: readonly RolloutLike[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

// Serving is compared by variation and bucket interval; the experiment share alone is not a change.
function sameServe(a: readonly RolloutLike[], b: readonly RolloutLike[]): boolean {
  const strip = (vs: readonly RolloutLike[]) => vs.map((v) => ({ id: v.id, rollout: v.rollout }));
  return same(strip(a), strip(b));
}

/** The structured diff of two versions of a flag (null on the side where it does not exist). */
export function flagDiff(before: FlagVersion | null, after: FlagVersion | null): AuditInstruction[] {
  const of = 'flag';
  if (!before && after)
    return [{ of, kind: 'CreateFlag', value: after.key, after: { key: after.key, name: after.name } }];
  if (before && !after)
    return [{ of, kind: 'RemoveFlag', value: before.key, before: { key: before.key, name: before.name } }];
  if (!before || !after) return [];
  const out: AuditInstruction[] = [];
  const oldVariations = before.variations ?? [];
  const variations = after.variations ?? [];
  // A variation named in the new version, or in the old one when it has been removed since.
  const ref = (id: string) => {
    const now = variationRef(variations, id);
    return now.name === null ? variationRef(oldVariations, id) : now;
  };

  if (before.isEnabled !== after.isEnabled) {
    const kind = after.isEnabled ? 'TurnFlagOn' : 'TurnFlagOff';
    out.push({ of, kind, value: after.isEnabled, before: before.isEnabled, after: after.isEnabled });
  }
  out.push(...metadataDiff(of, before, after));
  // Not a FeatBit instruction: the lifecycle mark (docs/api.md, flag lifecycle).
  if ((before.isPermanent ?? false) !== (after.isPermanent ?? false)) {
    const permanent = after.isPermanent ?? false;
    const kind = permanent ? 'MarkFlagPermanent' : 'UnmarkFlagPermanent';
    out.push({ of, kind, value: permanent, before: !permanent, after: permanent });
  }

  for (const v of variations) {
    const old = oldVariations.find((o) => o.id === v.id);
    if (!old) out.push({ of, kind: 'AddVariation', value: v, after: variationRef(variations, v.id) });
    else if (old.name !== v.name || old.value !== v.value)
      out.push({
        of,
        kind: 'UpdateVariation',
        value: v,
        before: variationRef(oldVariations, v.id),
        after: variationRef(variations, v.id),
      });
  }
  for (const old of oldVariations) {
    if (!variations.some((v) => v.id === old.id))
      out.push({ of, kind: 'RemoveVariation', value: old, before: variationRef(oldVariations, old.id) });
  }
  if (before.disabledVariationId !== after.disabledVariationId) {
    out.push({
      of,
      kind: 'UpdateDisabledVariation',
      value: after.disabledVariationId,
      before: variationRef(oldVariations, before.disabledVariationId),
      after: ref(after.disabledVariationId),
    });
  }

  out.push(...targetUserDiff(before, after, ref));
  out.push(...ruleDiff(before, after));
  out.push(...defaultRuleDiff(before, after));
  if (Boolean(before.exptIncludeAllTargets) !== Boolean(after.exptIncludeAllTargets)) {
    const now = Boolean(after.exptIncludeAllTargets);
    out.push({ of, kind: 'UpdateExptIncludeAllTargets', value: now, before: !now, after: now });
  }
  return out;
}

function targetUserDiff(
  before: FlagVersion,
  after: FlagVersion,
  ref: (id: string) => ReturnType<typeof variationRef>,
): AuditInstruction[] {
  const out: AuditInstruction[] = [];
  const usersOf = (flag: FlagVersion, variationId: string): string[] =>
    (flag.targetUsers ?? []).filter((t) => t.variationId === variationId).flatMap((t) => t.keyIds);
  // Variations in their current order, then any that were removed while still targeted.
  const ids = new Set([
    ...(after.variations ?? []).map((v) => v.id),
    ...(before.targetUsers ?? []).map((t) => t.variationId),
    ...(after.targetUsers ?? []).map((t) => t.variationId),
  ]);
  for (const variationId of ids) {
    const { added, removed } = listDelta(usersOf(before, variationId), usersOf(after, variationId));
    const subject = { variation: ref(variationId) };
    if (added.length)
      out.push({
        of: 'flag',
        kind: 'AddTargetUsers',
        value: { variationId, keyIds: added },
        subject,
        after: added,
      });
    if (removed.length)
      out.push({
        of: 'flag',
        kind: 'RemoveTargetUsers',
        value: { variationId, keyIds: removed },
        subject,
        before: removed,
      });
  }
  return out;
}

function ruleDiff(before: FlagVersion, after: FlagVersion): AuditInstruction[] {
  const of = 'flag';
  const out: AuditInstruction[] = [];
  const oldRules = before.rules ?? [];
  const rules = after.rules ?? [];
  const oldVariations = before.variations ?? [];
  const variations = after.variations ?? [];
  const refOf = (r: FlagRuleVersion, index: number): RuleRef => ({ id: r.id, name: r.name, index });

  rules.forEach((rule, index) => {
    const old = oldRules.find((r) => r.id === rule.id);
    const subject = { rule: refOf(rule, index) };
    if (!old) {
      const serve = serveOf(rule.variations, variations);
      out.push({ of, kind: 'AddRule', value: rule, subject, after: { conditions: rule.conditions, serve } });
      return;
    }
    const ruleId = rule.id;
    if (old.name !== rule.name)
      out.push({
        of,
        kind: 'UpdateRuleName',
        value: { ruleId, name: rule.name },
        subject: { rule: refOf(old, index) },
        before: old.name,
        after: rule.name,
      });
    const oldKeys = old.conditions.map(conditionKey);
    const newKeys = rule.conditions.map(conditionKey);
    for (const c of rule.conditions.filter((c) => !oldKeys.includes(conditionKey(c))))
      out.push({ of, kind: 'AddRuleConditions', value: { ruleId, conditions: [c] }, subject, after: [c] });
    for (const c of old.conditions.filter((c) => !newKeys.includes(conditionKey(c))))
      out.push({
        of,
        kind: 'RemoveRuleConditions',
        value: { ruleId, conditions: [c] },
        subject,
        before: [c],
      });
    if (!sameServe(old.variations, rule.variations))
      out.push({
        of,
        kind: 'UpdateRuleVariationOrRollouts',
        value: { ruleId, variations: rule.variations },
        subject,
        before: serveOf(old.variations, oldVariations),
        after: serveOf(rule.variations, variations),
      });
    if ((old.dispatchKey ?? '') !== (rule.dispatchKey ?? ''))
      out.push({
        of,
        kind: 'UpdateRuleDispatchKey',
        value: { ruleId, dispatchKey: rule.dispatchKey ?? null },
        subject,
        before: old.dispatchKey ?? null,
        after: rule.dispatchKey ?? null,
      });
    if (Boolean(old.includedInExpt) !== Boolean(rule.includedInExpt))
      out.push({
        of,
        kind: 'UpdateRuleIncludedInExpt',
        value: { ruleId, includedInExpt: Boolean(rule.includedInExpt) },
        subject,
        before: Boolean(old.includedInExpt),
        after: Boolean(rule.includedInExpt),
      });
  });
  oldRules.forEach((old, index) => {
    if (rules.some((r) => r.id === old.id)) return;
    const content = { conditions: old.conditions, serve: serveOf(old.variations, oldVariations) };
    out.push({
      of,
      kind: 'RemoveRule',
      value: { ruleId: old.id },
      subject: { rule: refOf(old, index) },
      before: content,
    });
  });
  const kept = (a: readonly FlagRuleVersion[], b: readonly FlagRuleVersion[]) =>
    a.filter((r) => b.some((o) => o.id === r.id)).map((r) => r.id);
  if (!same(kept(oldRules, rules), kept(rules, oldRules)))
    out.push({
      of,
      kind: 'ReorderRules',
      value: rules.map((r) => r.id),
      before: oldRules.map((r) => r.id),
      after: rules.map((r) => r.id),
    });
  return out;
}

function defaultRuleDiff(before: FlagVersion, after: FlagVersion): AuditInstruction[] {
  const of = 'flag';
  const out: AuditInstruction[] = [];
  const was = before.fallthrough;
  const now = after.fallthrough;
  if (!was || !now) return out;
  if (!sameServe(was.variations, now.variations))
    out.push({
      of,
      kind: 'UpdateDefaultRuleVariationOrRollouts',
      value: now.variations,
      before: serveOf(was.variations, before.variations ?? []),
      after: serveOf(now.variations, after.variations ?? []),
    });
  if ((was.dispatchKey ?? '') !== (now.dispatchKey ?? ''))
    out.push({
      of,
      kind: 'UpdateDefaultRuleDispatchKey',
      value: now.dispatchKey ?? null,
      before: was.dispatchKey ?? null,
      after: now.dispatchKey ?? null,
    });
  if (Boolean(was.includedInExpt) !== Boolean(now.includedInExpt))
    out.push({
      of,
      kind: 'UpdateDefaultRuleIncludedInExpt',
      value: Boolean(now.includedInExpt),
      before: Boolean(was.includedInExpt),
      after: Boolean(now.includedInExpt),
    });
  return out;
}
