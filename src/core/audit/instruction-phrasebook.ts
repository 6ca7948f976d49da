// The catalogue file itself (not the evaluation index: the console compiles this file).
import { OPERATORS } from '../evaluation/operators';
import { SEGMENT_IN, SEGMENT_NOT_IN } from '../flags/feature-flag';
import type { AuditSubjectType, RuleRef } from './audit-instruction';

// The words and sentences instruction-text.ts renders change instructions with. The renderer picks
// the sentence and fills in rendered parts (names, lists, conditions, what is served); a phrasebook
// only words them, so the console passes its own (in its language) and the server uses English.

/** Every word and sentence of a rendered change instruction. Arguments are already rendered text. */
export interface InstructionPhrasebook {
  /** "flag" in "Created the flag". */
  readonly subject: Readonly<Record<AuditSubjectType, string>>;
  /** A known condition operator's label; the catalogue's (English) label when undefined. */
  operator(op: string): string | undefined;
  /** "User is in segment Beta testers"; `segments` is the joined list of names. */
  inSegment(segments: string): string;
  notInSegment(segments: string): string;
  /** Joins a rule's conditions: " AND ". */
  readonly conditionJoiner: string;
  /** A variation that no longer exists. */
  readonly deletedVariation: string;
  /** "rule “Beta”" or "rule 2"; `atStart` when it begins the sentence. */
  rule(rule: RuleRef, atStart: boolean): string;
  /** An UpdateField value that is not JSON. */
  readonly nothing: string;
  readonly noConditions: string;
  /** What a rule without conditions applies to. */
  readonly everyone: string;
  readonly emptyDescription: string;
  readonly noScopes: string;

  created(subject: string, name: string | null): string;
  deleted(subject: string): string;
  turnedOn(): string;
  turnedOff(): string;
  markedPermanent(): string;
  unmarkedPermanent(): string;
  archived(subject: string): string;
  restored(subject: string): string;
  renamed(before: string, after: string): string;
  described(description: string): string;
  addedTags(tags: string): string;
  removedTags(tags: string): string;
  included(users: string): string;
  noLongerIncluded(users: string): string;
  excluded(users: string): string;
  noLongerExcluded(users: string): string;
  scopes(scopes: string): string;
  addedVariation(name: string, value: string): string;
  removedVariation(name: string, value: string): string;
  /** One part of `variationChanged`. */
  variationRenamed(name: string): string;
  variationValueChanged(before: string, after: string): string;
  variationChanged(name: string, changes: readonly string[]): string;
  offVariation(variation: string, previous: string): string;
  servedToUsers(variation: string, users: string): string;
  stoppedServingUsers(users: string, variation: string): string;
  /** A segment rule (it serves nothing). */
  addedSegmentRule(conditions: string): string;
  addedRule(rule: string, conditions: string, serve: string): string;
  removedSegmentRule(conditions: string): string;
  removedRule(rule: string): string;
  renamedRule(rule: string, name: string): string;
  /** `rule` is given in its sentence-start form from here on. */
  addedConditions(rule: string, conditions: string): string;
  removedConditions(rule: string, conditions: string): string;
  changedRule(before: string, after: string): string;
  ruleServes(rule: string, serve: string): string;
  ruleDispatchedBy(rule: string, property: string): string;
  ruleInExperiments(rule: string, included: boolean): string;
  reorderedRules(): string;
  defaultRuleServes(serve: string, previous: string): string;
  defaultRuleDispatchedBy(property: string): string;
  defaultRuleInExperiments(included: boolean): string;
  experimentsIncludeAllTargets(all: boolean): string;
  fieldSet(field: string, value: string): string;
  fieldRemoved(field: string): string;
  fieldChanged(field: string, before: string, after: string): string;
}

const quote = (text: string): string => `“${text}”`;
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const inOrOut = (included: boolean): string => (included ? 'included in' : 'excluded from');

/** The server's sentences: the audit listing's `text`. */
export const ENGLISH_INSTRUCTIONS: InstructionPhrasebook = {
  subject: { flag: 'flag', segment: 'segment', resource: 'resource' },
  operator: (op) => OPERATORS.find((o) => o.op === op)?.label,
  inSegment: (segments) => `${SEGMENT_IN} ${segments}`,
  notInSegment: (segments) => `${SEGMENT_NOT_IN} ${segments}`,
  conditionJoiner: ' AND ',
  deletedVariation: '(deleted variation)',
  rule: (rule, atStart) => {
    const title = rule.name ? `rule ${quote(rule.name)}` : `rule ${rule.index + 1}`;
    return atStart ? capital(title) : title;
  },
  nothing: 'nothing',
  noConditions: '(no conditions)',
  everyone: 'everyone',
  emptyDescription: '(empty)',
  noScopes: '(none)',

  created: (subject, name) => `Created the ${subject}${name ? ` ${quote(name)}` : ''}`,
  deleted: (subject) => `Deleted the ${subject}`,
  turnedOn: () => 'Turned the flag ON',
  turnedOff: () => 'Turned the flag OFF',
  markedPermanent: () => 'Marked the flag permanent',
  unmarkedPermanent: () => 'Marked the flag no longer permanent',
  archived: (subject) => `Archived the ${subject}`,
  restored: (subject) => `Restored the ${subject}`,
  renamed: (before, after) => `Renamed from ${quote(before)} to ${quote(after)}`,
  described: (description) => `Changed the description to ${quote(description)}`,
  addedTags: (tags) => `Added tags ${tags}`,
  removedTags: (tags) => `Removed tags ${tags}`,
  included: (users) => `Included users ${users}`,
  noLongerIncluded: (users) => `No longer included: ${users}`,
  excluded: (users) => `Excluded users ${users}`,
  noLongerExcluded: (users) => `No longer excluded: ${users}`,
  scopes: (scopes) => `Scopes are now ${scopes}`,
  addedVariation: (name, value) => `Added variation ${quote(name)} = ${value}`,
  removedVariation: (name, value) => `Removed variation ${quote(name)} = ${value}`,
  variationRenamed: (name) => `renamed to ${quote(name)}`,
  variationValueChanged: (before, after) => `value ${before} → ${after}`,
  variationChanged: (name, changes) => `Variation ${quote(name)}: ${changes.join(', ')}`,
  offVariation: (variation, previous) => `When OFF, serve ${variation} (was ${previous})`,
  servedToUsers: (variation, users) => `Serve ${variation} to users ${users}`,
  stoppedServingUsers: (users, variation) => `Stop targeting users ${users} with ${variation}`,
  addedSegmentRule: (conditions) => `Added rule: ${conditions}`,
  addedRule: (rule, conditions, serve) => `Added ${rule}: if ${conditions} then serve ${serve}`,
  removedSegmentRule: (conditions) => `Removed rule: ${conditions}`,
  removedRule: (rule) => `Removed ${rule}`,
  renamedRule: (rule, name) => `Renamed ${rule} to ${quote(name)}`,
  addedConditions: (rule, conditions) => `${rule}: added condition ${conditions}`,
  removedConditions: (rule, conditions) => `${rule}: removed condition ${conditions}`,
  changedRule: (before, after) => `Changed rule: ${before} → ${after}`,
  ruleServes: (rule, serve) => `${rule}: serve ${serve}`,
  ruleDispatchedBy: (rule, property) => `${rule}: dispatch by ${property}`,
  ruleInExperiments: (rule, included) => `${rule} ${inOrOut(included)} experiments`,
  reorderedRules: () => 'Reordered the targeting rules',
  defaultRuleServes: (serve, previous) => `Default rule: serve ${serve} (was ${previous})`,
  defaultRuleDispatchedBy: (property) => `Default rule: dispatch by ${property}`,
  defaultRuleInExperiments: (included) => `Default rule ${inOrOut(included)} experiments`,
  experimentsIncludeAllTargets: (all) =>
    all ? 'Experiments include all targeted users' : 'Experiments include only the chosen rules',
  fieldSet: (field, value) => `Set ${field} to ${value}`,
  fieldRemoved: (field) => `Removed ${field}`,
  fieldChanged: (field, before, after) => `Changed ${field} from ${before} to ${after}`,
};
