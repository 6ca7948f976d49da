import type { Condition } from '../flags/feature-flag';

// The structured semantic diff of an audit entry (FeatBit's "instructions"): each instruction says
// what kind of change it is, which part it is about (subject) and the values before and after.
// instruction-text.ts turns one into a sentence; the server and the console both use it.

/** What the audited object is. */
export type AuditSubjectType = 'flag' | 'segment' | 'resource';

/** A variation as the instruction saw it; name and value are null when it no longer exists. */
export interface VariationRef {
  id: string;
  name: string | null;
  value: string | null;
}

/** A targeting rule: its id, name and position (1-based rule numbers are shown for unnamed rules). */
export interface RuleRef {
  id: string;
  name: string;
  index: number;
}

/** One slice of what a rule serves. */
export interface ServeSlice {
  variation: VariationRef;
  /** 0–100, at most two decimals. */
  percent: number;
}

/** A rule's content: its conditions and, for flag rules, what it serves. */
export interface RuleContent {
  conditions: readonly Condition[];
  serve: readonly ServeSlice[] | null;
}

/** The object as created or deleted. */
export interface ObjectRef {
  key: string | null;
  name: string | null;
}

type Common = {
  of: AuditSubjectType;
  /** FeatBit's instruction value: what the REST listing returns as `value`. */
  value: unknown;
};
type Added<K extends string, T, S = undefined> = { kind: K; after: T } & Subject<S>;
type Removed<K extends string, T, S = undefined> = { kind: K; before: T } & Subject<S>;
type Changed<K extends string, T, S = undefined> = { kind: K; before: T; after: T } & Subject<S>;
type Subject<S> = S extends undefined ? { subject?: undefined } : { subject: S };

type RuleSubject = { rule: RuleRef };
type VariationSubject = { variation: VariationRef };

export type UserListKind =
  | 'AddTags'
  | 'AddTargetUsersToIncluded'
  | 'AddTargetUsersToExcluded'
  | 'RemoveTags'
  | 'RemoveTargetUsersFromIncluded'
  | 'RemoveTargetUsersFromExcluded';

export type AuditInstruction = Common &
  (
    | Added<'CreateFlag' | 'CreateSegment' | 'Create', ObjectRef>
    | Removed<'RemoveFlag' | 'RemoveSegment' | 'Remove', ObjectRef>
    | Changed<
        | 'TurnFlagOn'
        | 'TurnFlagOff'
        | 'MarkFlagPermanent'
        | 'UnmarkFlagPermanent'
        | 'ArchiveFlag'
        | 'RestoreFlag'
        | 'ArchiveSegment'
        | 'RestoreSegment'
        | 'UpdateDefaultRuleIncludedInExpt'
        | 'UpdateExptIncludeAllTargets',
        boolean
      >
    | Changed<'UpdateName' | 'UpdateDescription', string>
    | Added<Extract<UserListKind, `Add${string}`>, readonly string[]>
    | Removed<Extract<UserListKind, `Remove${string}`>, readonly string[]>
    | Changed<'UpdateScopes', readonly string[]>
    | Added<'AddVariation', VariationRef>
    | Removed<'RemoveVariation', VariationRef>
    | Changed<'UpdateVariation' | 'UpdateDisabledVariation', VariationRef>
    | Added<'AddTargetUsers', readonly string[], VariationSubject>
    | Removed<'RemoveTargetUsers', readonly string[], VariationSubject>
    | Added<'AddRule', RuleContent, RuleSubject>
    | Removed<'RemoveRule', RuleContent, RuleSubject>
    | Changed<'UpdateRuleName', string, RuleSubject>
    | Added<'AddRuleConditions', readonly Condition[], RuleSubject>
    | Removed<'RemoveRuleConditions', readonly Condition[], RuleSubject>
    | Changed<'UpdateRuleConditions', readonly Condition[], RuleSubject>
    | Changed<'UpdateRuleVariationOrRollouts', readonly ServeSlice[], RuleSubject>
    | Changed<'UpdateRuleDispatchKey', string | null, RuleSubject>
    | Changed<'UpdateRuleIncludedInExpt', boolean, RuleSubject>
    | Changed<'ReorderRules', readonly string[]>
    | Changed<'UpdateDefaultRuleVariationOrRollouts', readonly ServeSlice[]>
    | Changed<'UpdateDefaultRuleDispatchKey', string | null>
    | { kind: 'UpdateField'; subject: { field: string }; before?: unknown; after?: unknown }
  );

/** An instruction as the REST listing returns it (FeatBit's shape plus the readable sentence). */
export interface InstructionView {
  kind: string;
  value: unknown;
  text: string;
}

/** Loose shapes of what is diffed: stored objects, REST documents and older audit JSON all fit. */
export interface RolloutLike {
  id: string;
  rollout: readonly number[];
  exptRollout?: number;
}

export interface VariationLike {
  id: string;
  name: string;
  value: string;
}

export function variationRef(variations: readonly VariationLike[], id: string): VariationRef {
  const found = variations.find((v) => v.id === id);
  return { id, name: found?.name ?? null, value: found?.value ?? null };
}

/** A condition by content (editors give unchanged conditions new ids). */
export const conditionKey = (c: Condition): string => JSON.stringify([c.property, c.op ?? null, c.value]);

/** What a list of rollouts serves, with the variations as they were in the same version. */
export function serveOf(
  rollouts: readonly RolloutLike[],
  variations: readonly VariationLike[],
): ServeSlice[] {
  return rollouts.map((r) => ({
    variation: variationRef(variations, r.id),
    percent: Math.round((r.rollout[1] - r.rollout[0]) * 10000) / 100,
  }));
}
