import type {
  AuditInstruction,
  AuditSubjectType,
  RuleRef,
  ServeSlice,
  VariationRef,
} from '@domain/audit/audit-instruction';
import { decodeList } from '@domain/flags/condition-list';
import { type Condition, SEGMENT_IN, SEGMENT_NOT_IN } from '@domain/flags/feature-flag';
import { operatorInfo } from './conditions';

// The core's sentences for change instructions (src/core/audit/instruction-text.ts), in the console's
// language: the same cases and, in English, the same words (audit-diff.spec.ts holds them to it). The
// core's renderer stays the server's (the audit listing's `text`); this one is what the console shows.

/** "the flag" in "Created the flag": what the audited object is. */
export const SUBJECT_TEXT: Readonly<Record<AuditSubjectType, string>> = {
  flag: $localize`:audit subject|as in "Created the flag":flag`,
  segment: $localize`:audit subject|as in "Created the segment":segment`,
  resource: $localize`:audit subject|as in "Created the resource":resource`,
};

const quote = (text: string): string => `“${text}”`;

/** "country is one of US, CA" / "User is in segment Beta testers". */
export function describeCondition(
  condition: Condition,
  segmentName: (id: string) => string = (id) => id,
): string {
  if (condition.property === SEGMENT_IN || condition.property === SEGMENT_NOT_IN) {
    const segments = decodeList(condition.value).map(segmentName).join(', ');
    return condition.property === SEGMENT_IN
      ? $localize`:condition:User is in segment ${segments}:segments:`
      : $localize`:condition:User is not in segment ${segments}:segments:`;
  }
  const info = operatorInfo(condition.op);
  const label = info?.label ?? condition.op ?? '?';
  if (!info || info.valueType === 'none') return `${condition.property} ${label}`;
  const value = info.valueType === 'list' ? decodeList(condition.value).join(', ') : condition.value;
  return `${condition.property} ${label} ${value}`;
}

/** "On (true)", or the bare value when the name says nothing more. */
function variationLabel(v: VariationRef): string {
  if (v.name === null || v.value === null) return $localize`(deleted variation)`;
  return v.name && v.name !== v.value ? `${v.name} (${v.value})` : v.value;
}

/** "On (true)" when one variation gets everyone, else "30% On (true) · 70% Off (false)". */
function serveText(serve: readonly ServeSlice[]): string {
  const served = serve.filter((s) => s.percent > 0);
  if (served.length === 1 && served[0].percent === 100) return variationLabel(served[0].variation);
  return served.map((s) => `${s.percent}% ${variationLabel(s.variation)}`).join(' · ');
}

/** "rule “Beta”" inside a sentence. */
const ruleTitle = (rule: RuleRef): string =>
  rule.name
    ? $localize`:rule title, inside a sentence:rule “${rule.name}:name:”`
    : $localize`:rule title, inside a sentence:rule ${rule.index + 1}:number:`;

/** "Rule “Beta”" at the start of a sentence. */
const RuleTitle = (rule: RuleRef): string =>
  rule.name
    ? $localize`:rule title, start of a sentence:Rule “${rule.name}:name:”`
    : $localize`:rule title, start of a sentence:Rule ${rule.index + 1}:number:`;

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? $localize`:audit value, nothing set:nothing`;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const NO_CONDITIONS = (): string => $localize`(no conditions)`;
const EVERYONE = (): string => $localize`:a rule without conditions applies to:everyone`;

/** The sentence a reader sees for one instruction. */
export function instructionText(
  i: AuditInstruction,
  options: { segmentName?: (id: string) => string } = {},
): string {
  const conditions = (cs: readonly Condition[]): string =>
    cs.map((c) => describeCondition(c, options.segmentName)).join($localize`:joins conditions: AND `);
  const thing = SUBJECT_TEXT[i.of];
  switch (i.kind) {
    case 'CreateFlag':
    case 'CreateSegment':
    case 'Create':
      return i.after.name
        ? $localize`Created the ${thing}:subject: “${i.after.name}:name:”`
        : $localize`Created the ${thing}:subject:`;
    case 'RemoveFlag':
    case 'RemoveSegment':
    case 'Remove':
      return $localize`Deleted the ${thing}:subject:`;
    case 'TurnFlagOn':
      return $localize`Turned the flag ON`;
    case 'TurnFlagOff':
      return $localize`Turned the flag OFF`;
    case 'MarkFlagPermanent':
      return $localize`Marked the flag permanent`;
    case 'UnmarkFlagPermanent':
      return $localize`Marked the flag no longer permanent`;
    case 'ArchiveFlag':
    case 'ArchiveSegment':
      return $localize`Archived the ${thing}:subject:`;
    case 'RestoreFlag':
    case 'RestoreSegment':
      return $localize`Restored the ${thing}:subject:`;
    case 'UpdateName':
      return $localize`Renamed from “${i.before}:before:” to “${i.after}:after:”`;
    case 'UpdateDescription': {
      const description = i.after || $localize`:empty description:(empty)`;
      return $localize`Changed the description to “${description}:description:”`;
    }
    case 'AddTags':
      return $localize`Added tags ${i.after.join(', ')}:tags:`;
    case 'RemoveTags':
      return $localize`Removed tags ${i.before.join(', ')}:tags:`;
    case 'AddTargetUsersToIncluded':
      return $localize`Included users ${i.after.join(', ')}:users:`;
    case 'RemoveTargetUsersFromIncluded':
      return $localize`No longer included: ${i.before.join(', ')}:users:`;
    case 'AddTargetUsersToExcluded':
      return $localize`Excluded users ${i.after.join(', ')}:users:`;
    case 'RemoveTargetUsersFromExcluded':
      return $localize`No longer excluded: ${i.before.join(', ')}:users:`;
    case 'UpdateScopes': {
      const scopes = i.after.join(', ') || $localize`:no scopes:(none)`;
      return $localize`Scopes are now ${scopes}:scopes:`;
    }
    case 'AddVariation':
      return $localize`Added variation ${quote(i.after.name ?? i.after.id)}:variation: = ${i.after.value ?? ''}:value:`;
    case 'RemoveVariation':
      return $localize`Removed variation ${quote(i.before.name ?? i.before.id)}:variation: = ${i.before.value ?? ''}:value:`;
    case 'UpdateVariation': {
      const parts: string[] = [];
      if (i.before.name !== i.after.name)
        parts.push($localize`:variation change:renamed to “${i.after.name ?? ''}:name:”`);
      if (i.before.value !== i.after.value)
        parts.push($localize`:variation change:value ${i.before.value}:before: → ${i.after.value}:after:`);
      return $localize`Variation ${quote(i.before.name ?? i.before.id)}:variation:: ${parts.join(', ')}:changes:`;
    }
    case 'UpdateDisabledVariation':
      return $localize`When OFF, serve ${variationLabel(i.after)}:variation: (was ${variationLabel(i.before)}:previous:)`;
    case 'AddTargetUsers':
      return $localize`Serve ${variationLabel(i.subject.variation)}:variation: to users ${i.after.join(', ')}:users:`;
    case 'RemoveTargetUsers':
      return $localize`Stop targeting users ${i.before.join(', ')}:users: with ${variationLabel(i.subject.variation)}:variation:`;
    case 'AddRule':
      // Segment rules serve nothing and are known by their conditions.
      return i.after.serve === null
        ? $localize`Added rule: ${conditions(i.after.conditions) || NO_CONDITIONS()}:conditions:`
        : $localize`Added ${ruleTitle(i.subject.rule)}:rule:: if ${conditions(i.after.conditions) || EVERYONE()}:conditions: then serve ${serveText(i.after.serve)}:serve:`;
    case 'RemoveRule':
      return i.before.serve === null
        ? $localize`Removed rule: ${conditions(i.before.conditions) || NO_CONDITIONS()}:conditions:`
        : $localize`Removed ${ruleTitle(i.subject.rule)}:rule:`;
    case 'UpdateRuleName':
      return $localize`Renamed ${ruleTitle(i.subject.rule)}:rule: to “${i.after}:name:”`;
    case 'AddRuleConditions':
      return $localize`${RuleTitle(i.subject.rule)}:rule:: added condition ${conditions(i.after)}:condition:`;
    case 'RemoveRuleConditions':
      return $localize`${RuleTitle(i.subject.rule)}:rule:: removed condition ${conditions(i.before)}:condition:`;
    case 'UpdateRuleConditions':
      return $localize`Changed rule: ${conditions(i.before) || NO_CONDITIONS()}:before: → ${conditions(i.after) || NO_CONDITIONS()}:after:`;
    case 'UpdateRuleVariationOrRollouts':
      return $localize`${RuleTitle(i.subject.rule)}:rule:: serve ${serveText(i.after)}:serve:`;
    case 'UpdateRuleDispatchKey':
      return $localize`${RuleTitle(i.subject.rule)}:rule:: dispatch by ${i.after || 'keyId'}:property:`;
    case 'UpdateRuleIncludedInExpt':
      return i.after
        ? $localize`${RuleTitle(i.subject.rule)}:rule: included in experiments`
        : $localize`${RuleTitle(i.subject.rule)}:rule: excluded from experiments`;
    case 'ReorderRules':
      return $localize`Reordered the targeting rules`;
    case 'UpdateDefaultRuleVariationOrRollouts':
      return $localize`Default rule: serve ${serveText(i.after)}:serve: (was ${serveText(i.before)}:previous:)`;
    case 'UpdateDefaultRuleDispatchKey':
      return $localize`Default rule: dispatch by ${i.after || 'keyId'}:property:`;
    case 'UpdateDefaultRuleIncludedInExpt':
      return i.after
        ? $localize`Default rule included in experiments`
        : $localize`Default rule excluded from experiments`;
    case 'UpdateExptIncludeAllTargets':
      return i.after
        ? $localize`Experiments include all targeted users`
        : $localize`Experiments include only the chosen rules`;
    case 'UpdateField': {
      const field = i.subject.field;
      if (i.before === undefined) return $localize`Set ${field}:field: to ${short(i.after)}:value:`;
      if (i.after === undefined) return $localize`Removed ${field}:field:`;
      return $localize`Changed ${field}:field: from ${short(i.before)}:before: to ${short(i.after)}:after:`;
    }
  }
}
