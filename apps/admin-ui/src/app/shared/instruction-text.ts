import type { InstructionPhrasebook } from '@domain/audit/instruction-phrasebook';
import { operatorLabel } from './conditions';

// The console's phrasebook for the core's change sentences (src/core/audit/instruction-text.ts renders
// them; this only words them in the console's language). In English it matches the core's
// (audit-diff.spec.ts holds it to that).

const quote = (text: string): string => `“${text}”`;

export const CONSOLE_INSTRUCTIONS: InstructionPhrasebook = {
  subject: {
    flag: $localize`:audit subject|as in "Created the flag":flag`,
    segment: $localize`:audit subject|as in "Created the segment":segment`,
    resource: $localize`:audit subject|as in "Created the resource":resource`,
  },
  operator: operatorLabel,
  inSegment: (segments) => $localize`:condition:User is in segment ${segments}:segments:`,
  notInSegment: (segments) => $localize`:condition:User is not in segment ${segments}:segments:`,
  conditionJoiner: $localize`:joins conditions: AND `,
  deletedVariation: $localize`(deleted variation)`,
  rule: (rule, atStart) => {
    const number = rule.index + 1;
    if (atStart) {
      return rule.name
        ? $localize`:rule title, start of a sentence:Rule “${rule.name}:name:”`
        : $localize`:rule title, start of a sentence:Rule ${number}:number:`;
    }
    return rule.name
      ? $localize`:rule title, inside a sentence:rule “${rule.name}:name:”`
      : $localize`:rule title, inside a sentence:rule ${number}:number:`;
  },
  nothing: $localize`:audit value, nothing set:nothing`,
  noConditions: $localize`(no conditions)`,
  everyone: $localize`:a rule without conditions applies to:everyone`,
  emptyDescription: $localize`:empty description:(empty)`,
  noScopes: $localize`:no scopes:(none)`,

  created: (thing, name) =>
    name
      ? $localize`Created the ${thing}:subject: “${name}:name:”`
      : $localize`Created the ${thing}:subject:`,
  deleted: (thing) => $localize`Deleted the ${thing}:subject:`,
  turnedOn: () => $localize`Turned the flag ON`,
  turnedOff: () => $localize`Turned the flag OFF`,
  markedPermanent: () => $localize`Marked the flag permanent`,
  unmarkedPermanent: () => $localize`Marked the flag no longer permanent`,
  archived: (thing) => $localize`Archived the ${thing}:subject:`,
  restored: (thing) => $localize`Restored the ${thing}:subject:`,
  renamed: (before, after) => $localize`Renamed from “${before}:before:” to “${after}:after:”`,
  described: (description) => $localize`Changed the description to “${description}:description:”`,
  addedTags: (tags) => $localize`Added tags ${tags}:tags:`,
  removedTags: (tags) => $localize`Removed tags ${tags}:tags:`,
  included: (users) => $localize`Included users ${users}:users:`,
  noLongerIncluded: (users) => $localize`No longer included: ${users}:users:`,
  excluded: (users) => $localize`Excluded users ${users}:users:`,
  noLongerExcluded: (users) => $localize`No longer excluded: ${users}:users:`,
  scopes: (scopes) => $localize`Scopes are now ${scopes}:scopes:`,
  addedVariation: (name, value) => $localize`Added variation ${quote(name)}:variation: = ${value}:value:`,
  removedVariation: (name, value) => $localize`Removed variation ${quote(name)}:variation: = ${value}:value:`,
  variationRenamed: (name) => $localize`:variation change:renamed to “${name}:name:”`,
  variationValueChanged: (before, after) =>
    $localize`:variation change:value ${before}:before: → ${after}:after:`,
  variationChanged: (name, changes) =>
    $localize`Variation ${quote(name)}:variation:: ${changes.join(', ')}:changes:`,
  offVariation: (variation, previous) =>
    $localize`When OFF, serve ${variation}:variation: (was ${previous}:previous:)`,
  servedToUsers: (variation, users) => $localize`Serve ${variation}:variation: to users ${users}:users:`,
  stoppedServingUsers: (users, variation) =>
    $localize`Stop targeting users ${users}:users: with ${variation}:variation:`,
  addedSegmentRule: (conditions) => $localize`Added rule: ${conditions}:conditions:`,
  addedRule: (rule, conditions, serve) =>
    $localize`Added ${rule}:rule:: if ${conditions}:conditions: then serve ${serve}:serve:`,
  removedSegmentRule: (conditions) => $localize`Removed rule: ${conditions}:conditions:`,
  removedRule: (rule) => $localize`Removed ${rule}:rule:`,
  renamedRule: (rule, name) => $localize`Renamed ${rule}:rule: to “${name}:name:”`,
  addedConditions: (rule, condition) => $localize`${rule}:rule:: added condition ${condition}:condition:`,
  removedConditions: (rule, condition) => $localize`${rule}:rule:: removed condition ${condition}:condition:`,
  changedRule: (before, after) => $localize`Changed rule: ${before}:before: → ${after}:after:`,
  ruleServes: (rule, serve) => $localize`${rule}:rule:: serve ${serve}:serve:`,
  ruleDispatchedBy: (rule, property) => $localize`${rule}:rule:: dispatch by ${property}:property:`,
  ruleInExperiments: (rule, included) =>
    included
      ? $localize`${rule}:rule: included in experiments`
      : $localize`${rule}:rule: excluded from experiments`,
  reorderedRules: () => $localize`Reordered the targeting rules`,
  defaultRuleServes: (serve, previous) =>
    $localize`Default rule: serve ${serve}:serve: (was ${previous}:previous:)`,
  defaultRuleDispatchedBy: (property) => $localize`Default rule: dispatch by ${property}:property:`,
  defaultRuleInExperiments: (included) =>
    included
      ? $localize`Default rule included in experiments`
      : $localize`Default rule excluded from experiments`,
  experimentsIncludeAllTargets: (all) =>
    all
      ? $localize`Experiments include all targeted users`
      : $localize`Experiments include only the chosen rules`,
  fieldSet: (field, value) => $localize`Set ${field}:field: to ${value}:value:`,
  fieldRemoved: (field) => $localize`Removed ${field}:field:`,
  fieldChanged: (field, before, after) =>
    $localize`Changed ${field}:field: from ${before}:before: to ${after}:after:`,
};
