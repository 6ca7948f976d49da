// The catalogue file itself, not the evaluation index: the console compiles this file (@domain/*) and
// the index would pull the whole evaluator in.
import { OPERATORS } from '../evaluation/operators';
import { decodeList } from '../flags/condition-list';
import { type Condition, SEGMENT_IN, SEGMENT_NOT_IN } from '../flags/feature-flag';
import type {
  AuditInstruction,
  AuditSubjectType,
  RuleRef,
  ServeSlice,
  VariationRef,
} from './audit-instruction';

// The one renderer of change instructions: the audit listing's `text`, the console's history
// timeline and its "review changes" dialog all read these sentences.

export interface InstructionTextOptions {
  /** Names segments in segment conditions; ids are shown when not given or unknown. */
  segmentName?: (id: string) => string;
}

/** How a change reads in a change list: something added, removed or changed. */
export type InstructionEffect = 'add' | 'remove' | 'update';

const THING: Record<AuditSubjectType, string> = { flag: 'flag', segment: 'segment', resource: 'resource' };

const quote = (text: string): string => `“${text}”`;
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "country is one of US, CA" / "User is in segment Beta testers". */
export function describeCondition(
  condition: Condition,
  segmentName: (id: string) => string = (id) => id,
): string {
  if (condition.property === SEGMENT_IN || condition.property === SEGMENT_NOT_IN) {
    return `${condition.property} ${decodeList(condition.value).map(segmentName).join(', ')}`;
  }
  const info = OPERATORS.find((o) => o.op === condition.op);
  const label = info?.label ?? condition.op ?? '?';
  if (!info || info.valueType === 'none') return `${condition.property} ${label}`;
  const value = info.valueType === 'list' ? decodeList(condition.value).join(', ') : condition.value;
  return `${condition.property} ${label} ${value}`;
}

/** "On (true)", or the bare value when the name says nothing more. */
function variationLabel(v: VariationRef): string {
  if (v.name === null || v.value === null) return '(deleted variation)';
  return v.name && v.name !== v.value ? `${v.name} (${v.value})` : v.value;
}

/** "On (true)" when one variation gets everyone, else "30% On (true) · 70% Off (false)". */
function serveText(serve: readonly ServeSlice[]): string {
  const served = serve.filter((s) => s.percent > 0);
  if (served.length === 1 && served[0].percent === 100) return variationLabel(served[0].variation);
  return served.map((s) => `${s.percent}% ${variationLabel(s.variation)}`).join(' · ');
}

const ruleTitle = (rule: RuleRef): string =>
  rule.name ? `rule ${quote(rule.name)}` : `rule ${rule.index + 1}`;

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The sentence a reader sees for one instruction. */
export function instructionText(i: AuditInstruction, options: InstructionTextOptions = {}): string {
  const conditions = (cs: readonly Condition[]): string =>
    cs.map((c) => describeCondition(c, options.segmentName)).join(' AND ');
  const thing = THING[i.of];
  switch (i.kind) {
    case 'CreateFlag':
    case 'CreateSegment':
    case 'Create':
      return `Created the ${thing}${i.after.name ? ` ${quote(i.after.name)}` : ''}`;
    case 'RemoveFlag':
    case 'RemoveSegment':
    case 'Remove':
      return `Deleted the ${thing}`;
    case 'TurnFlagOn':
      return 'Turned the flag ON';
    case 'TurnFlagOff':
      return 'Turned the flag OFF';
    case 'MarkFlagPermanent':
      return 'Marked the flag permanent';
    case 'UnmarkFlagPermanent':
      return 'Marked the flag no longer permanent';
    case 'ArchiveFlag':
    case 'ArchiveSegment':
      return `Archived the ${thing}`;
    case 'RestoreFlag':
    case 'RestoreSegment':
      return `Restored the ${thing}`;
    case 'UpdateName':
      return `Renamed from ${quote(i.before)} to ${quote(i.after)}`;
    case 'UpdateDescription':
      return `Changed the description to ${quote(i.after || '(empty)')}`;
    case 'AddTags':
      return `Added tags ${i.after.join(', ')}`;
    case 'RemoveTags':
      return `Removed tags ${i.before.join(', ')}`;
    case 'AddTargetUsersToIncluded':
      return `Included users ${i.after.join(', ')}`;
    case 'RemoveTargetUsersFromIncluded':
      return `No longer included: ${i.before.join(', ')}`;
    case 'AddTargetUsersToExcluded':
      return `Excluded users ${i.after.join(', ')}`;
    case 'RemoveTargetUsersFromExcluded':
      return `No longer excluded: ${i.before.join(', ')}`;
    case 'UpdateScopes':
      return `Scopes are now ${i.after.join(', ') || '(none)'}`;
    case 'AddVariation':
      return `Added variation ${quote(i.after.name ?? i.after.id)} = ${i.after.value ?? ''}`;
    case 'RemoveVariation':
      return `Removed variation ${quote(i.before.name ?? i.before.id)} = ${i.before.value ?? ''}`;
    case 'UpdateVariation': {
      const parts: string[] = [];
      if (i.before.name !== i.after.name) parts.push(`renamed to ${quote(i.after.name ?? '')}`);
      if (i.before.value !== i.after.value) parts.push(`value ${i.before.value} → ${i.after.value}`);
      return `Variation ${quote(i.before.name ?? i.before.id)}: ${parts.join(', ')}`;
    }
    case 'UpdateDisabledVariation':
      return `When OFF, serve ${variationLabel(i.after)} (was ${variationLabel(i.before)})`;
    case 'AddTargetUsers':
      return `Serve ${variationLabel(i.subject.variation)} to users ${i.after.join(', ')}`;
    case 'RemoveTargetUsers':
      return `Stop targeting users ${i.before.join(', ')} with ${variationLabel(i.subject.variation)}`;
    case 'AddRule':
      // Segment rules serve nothing and are known by their conditions.
      return i.after.serve === null
        ? `Added rule: ${conditions(i.after.conditions) || '(no conditions)'}`
        : `Added ${ruleTitle(i.subject.rule)}: if ${conditions(i.after.conditions) || 'everyone'} then serve ${serveText(i.after.serve)}`;
    case 'RemoveRule':
      return i.before.serve === null
        ? `Removed rule: ${conditions(i.before.conditions) || '(no conditions)'}`
        : `Removed ${ruleTitle(i.subject.rule)}`;
    case 'UpdateRuleName':
      return `Renamed ${ruleTitle(i.subject.rule)} to ${quote(i.after)}`;
    case 'AddRuleConditions':
      return `${capital(ruleTitle(i.subject.rule))}: added condition ${conditions(i.after)}`;
    case 'RemoveRuleConditions':
      return `${capital(ruleTitle(i.subject.rule))}: removed condition ${conditions(i.before)}`;
    case 'UpdateRuleConditions':
      return `Changed rule: ${conditions(i.before) || '(no conditions)'} → ${conditions(i.after) || '(no conditions)'}`;
    case 'UpdateRuleVariationOrRollouts':
      return `${capital(ruleTitle(i.subject.rule))}: serve ${serveText(i.after)}`;
    case 'UpdateRuleDispatchKey':
      return `${capital(ruleTitle(i.subject.rule))}: dispatch by ${i.after || 'keyId'}`;
    case 'UpdateRuleIncludedInExpt':
      return `${capital(ruleTitle(i.subject.rule))} ${i.after ? 'included in' : 'excluded from'} experiments`;
    case 'ReorderRules':
      return 'Reordered the targeting rules';
    case 'UpdateDefaultRuleVariationOrRollouts':
      return `Default rule: serve ${serveText(i.after)} (was ${serveText(i.before)})`;
    case 'UpdateDefaultRuleDispatchKey':
      return `Default rule: dispatch by ${i.after || 'keyId'}`;
    case 'UpdateDefaultRuleIncludedInExpt':
      return `Default rule ${i.after ? 'included in' : 'excluded from'} experiments`;
    case 'UpdateExptIncludeAllTargets':
      return i.after ? 'Experiments include all targeted users' : 'Experiments include only the chosen rules';
    case 'UpdateField': {
      const field = i.subject.field;
      if (i.before === undefined) return `Set ${field} to ${short(i.after)}`;
      if (i.after === undefined) return `Removed ${field}`;
      return `Changed ${field} from ${short(i.before)} to ${short(i.after)}`;
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
