import type { FeatureFlag } from '../flags/feature-flag';
import type { FlagDraft } from './workflow';

// A pending change (a schedule's or a change request's draft) is applied onto the flag as it is
// then, not as it was proposed (docs/release-workflows.md#merging). Each part of the flag's serving
// configuration merges on its own: a part only the draft changed takes the draft's value, a part
// only others changed keeps theirs, and a part both changed differently is a conflict.

export const PENDING_PARTS = [
  'onOff',
  'individualTargeting',
  'targetingRules',
  'defaultRule',
  'exptSetting',
] as const;
export type PendingPart = (typeof PENDING_PARTS)[number];

/** The flag fields a pending change may carry. */
export type FlagServing = Pick<
  FeatureFlag,
  'isEnabled' | 'targetUsers' | 'rules' | 'fallthrough' | 'exptIncludeAllTargets'
>;

const PART_FIELD: Record<PendingPart, keyof FlagServing> = {
  onOff: 'isEnabled',
  individualTargeting: 'targetUsers',
  targetingRules: 'rules',
  defaultRule: 'fallthrough',
  exptSetting: 'exptIncludeAllTargets',
};

/** Human names for conflict messages. */
export const PART_LABEL: Record<PendingPart, string> = {
  onOff: 'on/off state',
  individualTargeting: 'individual targeting',
  targetingRules: 'targeting rules',
  defaultRule: 'default rule',
  exptSetting: 'experiment setting',
};

export function servingOf(flag: FlagServing): FlagServing {
  return {
    isEnabled: flag.isEnabled,
    targetUsers: flag.targetUsers,
    rules: flag.rules,
    fallthrough: flag.fallthrough,
    exptIncludeAllTargets: flag.exptIncludeAllTargets,
  };
}

/** JSON with object keys sorted: stored JSON (jsonb) does not keep key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The parts in which `after` differs from `before`. */
export function changedParts(before: FlagServing, after: FlagServing): PendingPart[] {
  return PENDING_PARTS.filter((p) => !sameValue(before[PART_FIELD[p]], after[PART_FIELD[p]]));
}

export interface MergeResult {
  /** The fields to write onto the latest flag (empty when it already serves what the draft proposed). */
  changes: Partial<FlagServing>;
  /** Parts changed both by the draft and, differently, by someone else since the draft's revision. */
  conflicts: PendingPart[];
}

/**
 * Three-way merge of a draft (`base` → `proposed`) onto `latest`. When `latest` is still the draft's
 * base revision the draft applies as proposed.
 */
export function mergePending(base: FlagServing, proposed: FlagServing, latest: FlagServing): MergeResult {
  const changes: Partial<FlagServing> = {};
  const conflicts: PendingPart[] = [];
  for (const part of changedParts(base, proposed)) {
    const field = PART_FIELD[part];
    if (sameValue(latest[field], proposed[field])) continue;
    if (!sameValue(latest[field], base[field])) {
      conflicts.push(part);
      continue;
    }
    Object.assign(changes, { [field]: proposed[field] });
  }
  return { changes, conflicts };
}

/** The sentence a refused apply answers with. */
export function conflictMessage(conflicts: readonly PendingPart[]): string {
  const parts = conflicts.map((p) => PART_LABEL[p]).join(', ');
  return `the flag's ${parts} changed since this change was proposed; review the current flag and propose the change again`;
}

export interface NewDraft {
  id: string;
  flag: FeatureFlag;
  proposed: FlagServing;
  creatorId: string;
  comment: string;
  now: string;
}

/** A draft keeps the whole flag before and after, so the audit diff can describe it. */
export function newDraft(input: NewDraft): FlagDraft {
  const after: FeatureFlag = { ...input.flag, ...servingOf(input.proposed) };
  return {
    id: input.id,
    envId: input.flag.envId,
    flagId: input.flag.id,
    status: 'Pending',
    comment: input.comment,
    dataChange: { previous: JSON.stringify(input.flag), current: JSON.stringify(after) },
    baseRevision: input.flag.revision,
    creatorId: input.creatorId,
    updatorId: input.creatorId,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** The serving configuration a draft was proposed on and the one it proposes. */
export function draftServing(draft: FlagDraft): { base: FlagServing; proposed: FlagServing } {
  return {
    base: servingOf(JSON.parse(draft.dataChange.previous) as FeatureFlag),
    proposed: servingOf(JSON.parse(draft.dataChange.current) as FeatureFlag),
  };
}
