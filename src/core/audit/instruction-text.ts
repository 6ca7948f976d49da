// The catalogue file itself, not the evaluation index: the console compiles this file (@domain/*) and
// the index would pull the whole evaluator in.
import { OPERATORS } from '../evaluation/operators';
import { decodeList } from '../flags/condition-list';
import { type Condition, SEGMENT_IN, SEGMENT_NOT_IN } from '../flags/feature-flag';
import type { AuditInstruction, ServeSlice, VariationRef } from './audit-instruction';
import { ENGLISH_INSTRUCTIONS, type InstructionPhrasebook } from './instruction-phrasebook';

// The one renderer of change instructions: the audit listing's `text`, the console's history
// timeline and its "review changes" dialog all read these sentences (the console in its language,
// through its own phrasebook).

export interface InstructionTextOptions {
  /** Names segments in segment conditions; ids are shown when not given or unknown. */
  segmentName?: (id: string) => string;
  /** The words to use; English when not given. */
  phrases?: InstructionPhrasebook;
}

/** How a change reads in a change list: something added, removed or changed. */
export type InstructionEffect = 'add' | 'remove' | 'update';

/** "country is one of US, CA" / "User is in segment Beta testers". */
export function describeCondition(
  condition: Condition,
  segmentName: (id: string) => string = (id) => id,
  phrases: InstructionPhrasebook = ENGLISH_INSTRUCTIONS,
): string {
  if (condition.property === SEGMENT_IN || condition.property === SEGMENT_NOT_IN) {
    const segments = decodeList(condition.value).map(segmentName).join(', ');
    return condition.property === SEGMENT_IN ? phrases.inSegment(segments) : phrases.notInSegment(segments);
  }
  const info = OPERATORS.find((o) => o.op === condition.op);
  const label = info ? (phrases.operator(info.op) ?? info.label) : (condition.op ?? '?');
  if (!info || info.valueType === 'none') return `${condition.property} ${label}`;
  const value = info.valueType === 'list' ? decodeList(condition.value).join(', ') : condition.value;
  return `${condition.property} ${label} ${value}`;
}

/** The sentence a reader sees for one instruction. */
export function instructionText(i: AuditInstruction, options: InstructionTextOptions = {}): string {
  const p = options.phrases ?? ENGLISH_INSTRUCTIONS;
  const conditions = (cs: readonly Condition[]): string =>
    cs.map((c) => describeCondition(c, options.segmentName, p)).join(p.conditionJoiner);
  /** "On (true)", or the bare value when the name says nothing more. */
  const variation = (v: VariationRef): string => {
    if (v.name === null || v.value === null) return p.deletedVariation;
    return v.name && v.name !== v.value ? `${v.name} (${v.value})` : v.value;
  };
  /** "On (true)" when one variation gets everyone, else "30% On (true) · 70% Off (false)". */
  const serve = (slices: readonly ServeSlice[]): string => {
    const served = slices.filter((s) => s.percent > 0);
    if (served.length === 1 && served[0].percent === 100) return variation(served[0].variation);
    return served.map((s) => `${s.percent}% ${variation(s.variation)}`).join(' · ');
  };
  const short = (value: unknown): string => {
    const text = JSON.stringify(value) ?? p.nothing;
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  };
  const thing = p.subject[i.of];
  switch (i.kind) {
    case 'CreateFlag':
    case 'CreateSegment':
    case 'Create':
      return p.created(thing, i.after.name);
    case 'RemoveFlag':
    case 'RemoveSegment':
    case 'Remove':
      return p.deleted(thing);
    case 'TurnFlagOn':
      return p.turnedOn();
    case 'TurnFlagOff':
      return p.turnedOff();
    case 'MarkFlagPermanent':
      return p.markedPermanent();
    case 'UnmarkFlagPermanent':
      return p.unmarkedPermanent();
    case 'ArchiveFlag':
    case 'ArchiveSegment':
      return p.archived(thing);
    case 'RestoreFlag':
    case 'RestoreSegment':
      return p.restored(thing);
    case 'UpdateName':
      return p.renamed(i.before, i.after);
    case 'UpdateDescription':
      return p.described(i.after || p.emptyDescription);
    case 'AddTags':
      return p.addedTags(i.after.join(', '));
    case 'RemoveTags':
      return p.removedTags(i.before.join(', '));
    case 'AddTargetUsersToIncluded':
      return p.included(i.after.join(', '));
    case 'RemoveTargetUsersFromIncluded':
      return p.noLongerIncluded(i.before.join(', '));
    case 'AddTargetUsersToExcluded':
      return p.excluded(i.after.join(', '));
    case 'RemoveTargetUsersFromExcluded':
      return p.noLongerExcluded(i.before.join(', '));
    case 'UpdateScopes':
      return p.scopes(i.after.join(', ') || p.noScopes);
    case 'AddVariation':
      return p.addedVariation(i.after.name ?? i.after.id, i.after.value ?? '');
    case 'RemoveVariation':
      return p.removedVariation(i.before.name ?? i.before.id, i.before.value ?? '');
    case 'UpdateVariation': {
      const parts: string[] = [];
      if (i.before.name !== i.after.name) parts.push(p.variationRenamed(i.after.name ?? ''));
      if (i.before.value !== i.after.value) {
        parts.push(p.variationValueChanged(String(i.before.value), String(i.after.value)));
      }
      return p.variationChanged(i.before.name ?? i.before.id, parts);
    }
    case 'UpdateDisabledVariation':
      return p.offVariation(variation(i.after), variation(i.before));
    case 'AddTargetUsers':
      return p.servedToUsers(variation(i.subject.variation), i.after.join(', '));
    case 'RemoveTargetUsers':
      return p.stoppedServingUsers(i.before.join(', '), variation(i.subject.variation));
    case 'AddRule':
      // Segment rules serve nothing and are known by their conditions.
      return i.after.serve === null
        ? p.addedSegmentRule(conditions(i.after.conditions) || p.noConditions)
        : p.addedRule(
            p.rule(i.subject.rule, false),
            conditions(i.after.conditions) || p.everyone,
            serve(i.after.serve),
          );
    case 'RemoveRule':
      return i.before.serve === null
        ? p.removedSegmentRule(conditions(i.before.conditions) || p.noConditions)
        : p.removedRule(p.rule(i.subject.rule, false));
    case 'UpdateRuleName':
      return p.renamedRule(p.rule(i.subject.rule, false), i.after);
    case 'AddRuleConditions':
      return p.addedConditions(p.rule(i.subject.rule, true), conditions(i.after));
    case 'RemoveRuleConditions':
      return p.removedConditions(p.rule(i.subject.rule, true), conditions(i.before));
    case 'UpdateRuleConditions':
      return p.changedRule(conditions(i.before) || p.noConditions, conditions(i.after) || p.noConditions);
    case 'UpdateRuleVariationOrRollouts':
      return p.ruleServes(p.rule(i.subject.rule, true), serve(i.after));
    case 'UpdateRuleDispatchKey':
      return p.ruleDispatchedBy(p.rule(i.subject.rule, true), i.after || 'keyId');
    case 'UpdateRuleIncludedInExpt':
      return p.ruleInExperiments(p.rule(i.subject.rule, true), i.after);
    case 'ReorderRules':
      return p.reorderedRules();
    case 'UpdateDefaultRuleVariationOrRollouts':
      return p.defaultRuleServes(serve(i.after), serve(i.before));
    case 'UpdateDefaultRuleDispatchKey':
      return p.defaultRuleDispatchedBy(i.after || 'keyId');
    case 'UpdateDefaultRuleIncludedInExpt':
      return p.defaultRuleInExperiments(i.after);
    case 'UpdateExptIncludeAllTargets':
      return p.experimentsIncludeAllTargets(i.after);
    case 'UpdateField': {
      const field = i.subject.field;
      if (i.before === undefined) return p.fieldSet(field, short(i.after));
      if (i.after === undefined) return p.fieldRemoved(field);
      return p.fieldChanged(field, short(i.before), short(i.after));
    }
  }
}

/** Whether an instruction adds, removes or changes something (the change list's marker). */
export function instructionEffect(i: AuditInstruction): InstructionEffect {
  if (i.kind === 'UpdateField') {
    return i.before === undefined ? 'add' : i.after === undefined ? 'remove' : 'update';
  }
  if (i.kind.startsWith('Add') || i.kind.startsWith('Create')) return 'add';
  return i.kind.startsWith('Remove') ? 'remove' : 'update';
}
