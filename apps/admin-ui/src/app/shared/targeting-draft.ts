import type { FeatureFlag, TargetRule, TargetUser, Variation } from '../api/api.models';
import { conditionError } from './conditions';
import { newId } from './ids';
import { serveError, serveSingle } from './rollout';
import { variationsError } from './variations';

/** Everything wrong with an edited flag, as readable lines; empty when it can be saved. */
export function draftProblems(flag: FeatureFlag): string[] {
  const problems: string[] = [];
  const variationProblem = variationsError(flag.variationType, flag.variations);
  if (variationProblem) problems.push($localize`Variations: ${variationProblem}:problem:`);
  if (!flag.variations.some((v) => v.id === flag.disabledVariationId)) {
    problems.push($localize`Choose the variation served when the flag is off.`);
  }
  flag.rules.forEach((rule, index) => {
    const title = rule.name
      ? $localize`:rule title in a problem:Rule “${rule.name}:name:”`
      : $localize`:rule title in a problem:Rule ${index + 1}:number:`;
    if (rule.conditions.length === 0) problems.push($localize`${title}:rule:: add at least one condition.`);
    for (const condition of rule.conditions) {
      const error = conditionError(condition);
      if (error) problems.push($localize`:rule problem:${title}:rule:: ${error}:problem:`);
    }
    const serve = serveError(rule.variations, flag.variations);
    if (serve) problems.push($localize`:rule problem:${title}:rule:: ${serve}:problem:`);
  });
  const fallthrough = serveError(flag.fallthrough.variations, flag.variations);
  if (fallthrough) problems.push($localize`Default rule: ${fallthrough}:problem:`);
  return problems;
}

export function newRule(variations: readonly Variation[], index: number): TargetRule {
  return {
    id: newId(),
    name: `Rule ${index + 1}`,
    dispatchKey: null,
    includedInExpt: false,
    conditions: [],
    variations: variations[0] ? serveSingle(variations[0].id) : [],
  };
}

export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  [copy[index], copy[target]] = [copy[target], copy[index]];
  return copy;
}

/** Users targeted with one variation. */
export function targetedUsers(targetUsers: readonly TargetUser[], variationId: string): string[] {
  return targetUsers.filter((t) => t.variationId === variationId).flatMap((t) => t.keyIds);
}

/**
 * Sets the users of one variation. A user can be targeted by one variation only, so they are taken
 * away from the others; variations left without users are dropped.
 */
export function setTargetedUsers(
  targetUsers: readonly TargetUser[],
  variationId: string,
  keyIds: readonly string[],
): TargetUser[] {
  const others = targetUsers
    .filter((t) => t.variationId !== variationId)
    .map((t) => ({ ...t, keyIds: t.keyIds.filter((k) => !keyIds.includes(k)) }));
  return [...others, { variationId, keyIds: [...keyIds] }].filter((t) => t.keyIds.length > 0);
}

/** Is a variation used by the off setting, individual targeting or any rule? */
export function isVariationInUse(flag: FeatureFlag, variationId: string): boolean {
  return (
    flag.disabledVariationId === variationId ||
    flag.targetUsers.some((t) => t.variationId === variationId && t.keyIds.length > 0) ||
    flag.rules.some((r) => r.variations.some((v) => v.id === variationId && v.rollout[1] > v.rollout[0])) ||
    flag.fallthrough.variations.some((v) => v.id === variationId && v.rollout[1] > v.rollout[0])
  );
}
