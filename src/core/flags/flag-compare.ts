import { decodeList } from './condition-list';
import type {
  Condition,
  FeatureFlag,
  Fallthrough,
  RolloutVariation,
  TargetRule,
  TargetUser,
  Variation,
} from './feature-flag';
import { SEGMENT_IN, SEGMENT_NOT_IN } from './feature-flag';
import { referencedSegmentIds } from './flag-validation';

// Comparing one flag across two environments and copying chosen parts of it (FeatBit's
// Domain/FeatureFlags/FlagDiffer.cs and FlagCopyHelper.cs). Variations are matched by value, as
// FeatBit does: the same flag created separately in two environments has different variation ids.

export const COPY_MODES = ['overwrite', 'append'] as const;
export type CopyMode = (typeof COPY_MODES)[number];

export interface FlagCopyOptions {
  onOffState: boolean;
  individualTargeting: { copy: boolean; mode: CopyMode };
  targetingRule: { copy: boolean; mode: CopyMode };
  defaultRule: boolean;
  offVariation: boolean;
}

export interface VariationUsers {
  variation: Variation;
  users: string[];
}

export interface FlagDiff {
  onOffState: { source: boolean; target: boolean; isDifferent: boolean };
  /** One entry per variation value of either flag. */
  individualTargeting: {
    source: VariationUsers | null;
    target: VariationUsers | null;
    isDifferent: boolean;
  }[];
  /** Source rules paired with the target rule of the same conditions, then unpaired target rules. */
  targetingRule: { source: TargetRule | null; target: TargetRule | null; isDifferent: boolean }[];
  defaultRule: { source: Fallthrough; target: Fallthrough; isDifferent: boolean };
  offVariation: { source: Variation | null; target: Variation | null; isDifferent: boolean };
}

/** Which parts differ (FeatBit's FlagDiffOverview without the environment id). */
export interface FlagDiffSummary {
  onOffState: boolean;
  individualTargeting: boolean;
  targetingRule: boolean;
  defaultRule: boolean;
  offVariation: boolean;
}

export type CopyPart = 'individualTargeting' | 'targetingRule' | 'defaultRule' | 'offVariation';

/** Why a chosen part cannot be copied. */
export interface CopyProblem {
  part: CopyPart;
  reason: string;
}

export type CopyResult =
  { ok: true; target: FeatureFlag; changes: Partial<FeatureFlag> } | { ok: false; problems: CopyProblem[] };

const isSegmentCondition = (c: Condition) => c.property === SEGMENT_IN || c.property === SEGMENT_NOT_IN;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

const usersOf = (flag: FeatureFlag, variationId: string): string[] =>
  flag.targetUsers.filter((t) => t.variationId === variationId).flatMap((t) => t.keyIds);

const byValue = (flag: FeatureFlag, value: string): Variation | undefined =>
  flag.variations.find((v) => v.value === value);

const dispatchKeyOf = (key: string | null): string => (key?.trim() ? key : 'keyId');

function sameConditions(
  source: readonly Condition[],
  target: readonly Condition[],
  segmentNames: ReadonlyMap<string, string>,
): boolean {
  if (source.length !== target.length) return false;
  // Segments are compared by name: an environment-specific segment has another id in each env.
  const segmentsOf = (c: Condition) => decodeList(c.value).map((id) => segmentNames.get(id) ?? id);
  return source.every((s) =>
    target.some((t) => {
      if (t.property !== s.property || t.op !== s.op) return false;
      if (s.value === t.value) return true;
      if (isSegmentCondition(s)) return sameSet(segmentsOf(s), segmentsOf(t));
      return sameSet(decodeList(s.value), decodeList(t.value));
    }),
  );
}

/** Serving entries that serve someone (0% entries are leftovers without effect). */
const serving = (variations: readonly RolloutVariation[]) =>
  variations.filter((v) => v.rollout[1] > v.rollout[0]);

function sameServe(
  source: FeatureFlag,
  sourceServe: readonly RolloutVariation[],
  target: FeatureFlag,
  targetServe: readonly RolloutVariation[],
): boolean {
  const src = serving(sourceServe);
  const dst = serving(targetServe);
  if (src.length !== dst.length) return false;
  return src.every((sv) => {
    const value = source.variations.find((v) => v.id === sv.id)?.value;
    const tv = value === undefined ? undefined : byValue(target, value);
    const match = tv && dst.find((d) => d.id === tv.id);
    return (
      !!match &&
      match.rollout[0] === sv.rollout[0] &&
      match.rollout[1] === sv.rollout[1] &&
      match.exptRollout === sv.exptRollout
    );
  });
}

export function diffRules(
  source: FeatureFlag,
  target: FeatureFlag,
  segmentNames: ReadonlyMap<string, string>,
): FlagDiff['targetingRule'] {
  const paired = new Set<string>();
  const diffs: FlagDiff['targetingRule'] = source.rules.map((rule) => {
    const match = target.rules.find(
      (t) => !paired.has(t.id) && sameConditions(rule.conditions, t.conditions, segmentNames),
    );
    if (!match) return { source: rule, target: null, isDifferent: true };
    paired.add(match.id);
    const isDifferent =
      dispatchKeyOf(rule.dispatchKey) !== dispatchKeyOf(match.dispatchKey) ||
      !sameServe(source, rule.variations, target, match.variations);
    return { source: rule, target: match, isDifferent };
  });
  for (const rule of target.rules) {
    if (!paired.has(rule.id)) diffs.push({ source: null, target: rule, isDifferent: true });
  }
  return diffs;
}

function diffTargetUsers(source: FeatureFlag, target: FeatureFlag): FlagDiff['individualTargeting'] {
  const diffs: FlagDiff['individualTargeting'] = source.variations.map((sv) => {
    const users = usersOf(source, sv.id);
    const tv = byValue(target, sv.value);
    if (!tv) return { source: { variation: sv, users }, target: null, isDifferent: users.length > 0 };
    const targetUsers = usersOf(target, tv.id);
    return {
      source: { variation: sv, users },
      target: { variation: tv, users: targetUsers },
      isDifferent: !sameSet(users, targetUsers),
    };
  });
  for (const tv of target.variations) {
    if (byValue(source, tv.value)) continue;
    const users = usersOf(target, tv.id);
    diffs.push({ source: null, target: { variation: tv, users }, isDifferent: users.length > 0 });
  }
  return diffs;
}

/** The per-part difference of one flag in two environments; `segmentNames` maps segment ids to names. */
export function diffFlags(
  source: FeatureFlag,
  target: FeatureFlag,
  segmentNames: ReadonlyMap<string, string>,
): FlagDiff {
  const srcOff = source.variations.find((v) => v.id === source.disabledVariationId) ?? null;
  const dstOff = target.variations.find((v) => v.id === target.disabledVariationId) ?? null;
  return {
    onOffState: {
      source: source.isEnabled,
      target: target.isEnabled,
      isDifferent: source.isEnabled !== target.isEnabled,
    },
    individualTargeting: diffTargetUsers(source, target),
    targetingRule: diffRules(source, target, segmentNames),
    defaultRule: {
      source: source.fallthrough,
      target: target.fallthrough,
      isDifferent:
        dispatchKeyOf(source.fallthrough.dispatchKey) !== dispatchKeyOf(target.fallthrough.dispatchKey) ||
        !sameServe(source, source.fallthrough.variations, target, target.fallthrough.variations),
    },
    offVariation: { source: srcOff, target: dstOff, isDifferent: srcOff?.value !== dstOff?.value },
  };
}

export function summarizeDiff(diff: FlagDiff): FlagDiffSummary {
  return {
    onOffState: diff.onOffState.isDifferent,
    individualTargeting: diff.individualTargeting.some((d) => d.isDifferent),
    targetingRule: diff.targetingRule.some((d) => d.isDifferent),
    defaultRule: diff.defaultRule.isDifferent,
    offVariation: diff.offVariation.isDifferent,
  };
}

/** Maps source variation ids to the target's variation of the same value, recording what is missing. */
class VariationMap {
  readonly problems: CopyProblem[] = [];
  constructor(
    private readonly source: FeatureFlag,
    private readonly target: FeatureFlag,
  ) {}

  /** The target variation id for `sourceId`, or null (with a problem) when the target lacks it. */
  map(part: CopyPart, sourceId: string): string | null {
    const sv = this.source.variations.find((v) => v.id === sourceId);
    const tv = sv && byValue(this.target, sv.value);
    if (tv) return tv.id;
    const reason = sv
      ? `variation "${sv.name}" (${sv.value}) does not exist in the target flag`
      : `variation ${sourceId} does not exist in the source flag`;
    if (!this.problems.some((p) => p.part === part && p.reason === reason)) {
      this.problems.push({ part, reason });
    }
    return null;
  }

  /** Serving entries with target ids; 0% entries of missing variations are dropped silently. */
  serve(part: CopyPart, variations: readonly RolloutVariation[]): RolloutVariation[] {
    return variations.flatMap((v) => {
      const serves = v.rollout[1] > v.rollout[0];
      const id = serves ? this.map(part, v.id) : this.peek(v.id);
      return id ? [{ id, rollout: [v.rollout[0], v.rollout[1]], exptRollout: v.exptRollout }] : [];
    });
  }

  private peek(sourceId: string): string | null {
    const sv = this.source.variations.find((v) => v.id === sourceId);
    return (sv && byValue(this.target, sv.value)?.id) ?? null;
  }
}

function copyTargetUsers(
  source: FeatureFlag,
  target: FeatureFlag,
  mode: CopyMode,
  variations: VariationMap,
): TargetUser[] {
  const incoming = new Map<string, string[]>();
  for (const t of source.targetUsers) {
    if (t.keyIds.length === 0) continue;
    const id = variations.map('individualTargeting', t.variationId);
    if (id) incoming.set(id, [...(incoming.get(id) ?? []), ...t.keyIds]);
  }
  const copied = new Set([...incoming.values()].flat());
  return target.variations
    .map((tv) => {
      // In append mode a user the source targets elsewhere moves: one user, one variation.
      const kept = mode === 'append' ? usersOf(target, tv.id).filter((k) => !copied.has(k)) : [];
      return { variationId: tv.id, keyIds: [...new Set([...kept, ...(incoming.get(tv.id) ?? [])])] };
    })
    .filter((t) => t.keyIds.length > 0);
}

function copyRules(
  source: FeatureFlag,
  target: FeatureFlag,
  options: { mode: CopyMode; segmentsInTarget: ReadonlySet<string> },
  helpers: CopyHelpers,
  variations: VariationMap,
  problems: CopyProblem[],
): TargetRule[] {
  const { mode, segmentsInTarget } = options;
  const chosen =
    mode === 'overwrite'
      ? source.rules
      : diffRules(source, target, helpers.segmentNames)
          .filter((d) => d.isDifferent && d.source)
          .map((d) => d.source as TargetRule);
  const copied = chosen.map((rule) => {
    for (const id of referencedSegmentIds([rule])) {
      if (segmentsInTarget.has(id)) continue;
      problems.push({
        part: 'targetingRule',
        reason: `rule "${rule.name}" uses segment "${helpers.segmentNames.get(id) ?? id}", which the target environment cannot use`,
      });
    }
    return {
      ...structuredClone(rule),
      id: helpers.newId(),
      variations: variations.serve('targetingRule', rule.variations),
    };
  });
  return mode === 'overwrite' ? copied : [...target.rules, ...copied];
}

export interface CopyHelpers {
  /** Names of the segments either flag references, for comparisons and reasons. */
  segmentNames: ReadonlyMap<string, string>;
  newId: () => string;
}

/**
 * Copies the chosen parts of `source` onto `target` (another environment's flag of the same key).
 * Refuses, with every reason, when a copied part serves a variation the target lacks or a copied
 * rule uses a segment outside `segmentsInTarget` (the segments the target environment can see).
 */
export function copySettings(
  source: FeatureFlag,
  target: FeatureFlag,
  options: FlagCopyOptions,
  segmentsInTarget: ReadonlySet<string>,
  helpers: CopyHelpers,
): CopyResult {
  const variations = new VariationMap(source, target);
  const problems: CopyProblem[] = [];
  const changes: Partial<FeatureFlag> = {};
  if (options.onOffState) changes.isEnabled = source.isEnabled;
  if (options.individualTargeting.copy) {
    changes.targetUsers = copyTargetUsers(source, target, options.individualTargeting.mode, variations);
  }
  if (options.targetingRule.copy) {
    const ruleOptions = { mode: options.targetingRule.mode, segmentsInTarget };
    changes.rules = copyRules(source, target, ruleOptions, helpers, variations, problems);
  }
  if (options.defaultRule) {
    changes.fallthrough = {
      ...structuredClone(source.fallthrough),
      variations: variations.serve('defaultRule', source.fallthrough.variations),
    };
  }
  if (options.offVariation) {
    const id = variations.map('offVariation', source.disabledVariationId);
    if (id) changes.disabledVariationId = id;
  }
  const all = [...problems, ...variations.problems];
  if (all.length > 0) return { ok: false, problems: all };
  return { ok: true, target: { ...target, ...changes }, changes };
}
