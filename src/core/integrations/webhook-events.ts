import { auditInstructions } from '../audit/audit-diff';
import type { AuditLog, AuditRefType } from '../audit/audit-log';

// FeatBit's webhook event names and how a change maps to them (FeatBit's
// modules/back-end/src/Domain/Webhooks/WebhookEvents.cs and Infrastructure/Services/WebhookHandler.cs):
// creation and deletion by the operation, everything else by the kinds of the change's semantic diff.

export const FLAG_WEBHOOK_EVENTS = [
  'feature_flag.created',
  'feature_flag.toggled',
  'feature_flag.archived',
  'feature_flag.restored',
  'feature_flag.variation_changed',
  'feature_flag.off_variation_changed',
  'feature_flag.default_rule_changed',
  'feature_flag.target_users_changed',
  'feature_flag.targeting_rules_changed',
  'feature_flag.basic_info_updated',
  'feature_flag.deleted',
] as const;

export const SEGMENT_WEBHOOK_EVENTS = [
  'segment.created',
  'segment.archived',
  'segment.restored',
  'segment.rules_changed',
  'segment.target_users_changed',
  'segment.basic_info_updated',
  'segment.deleted',
] as const;

export const WEBHOOK_EVENTS: readonly string[] = [...FLAG_WEBHOOK_EVENTS, ...SEGMENT_WEBHOOK_EVENTS];

export function isWebhookEvent(value: string): boolean {
  return WEBHOOK_EVENTS.includes(value);
}

/** The audit entries whose changes webhooks hear about. */
export function isWebhookSubject(refType: AuditRefType): boolean {
  return refType === 'FeatureFlag' || refType === 'Segment';
}

const FLAG_KINDS: Record<string, string> = {
  TurnFlagOn: 'toggled',
  TurnFlagOff: 'toggled',
  ArchiveFlag: 'archived',
  RestoreFlag: 'restored',
  AddVariation: 'variation_changed',
  RemoveVariation: 'variation_changed',
  UpdateVariation: 'variation_changed',
  UpdateDisabledVariation: 'off_variation_changed',
  UpdateDefaultRuleVariationOrRollouts: 'default_rule_changed',
  UpdateDefaultRuleDispatchKey: 'default_rule_changed',
  AddTargetUsers: 'target_users_changed',
  RemoveTargetUsers: 'target_users_changed',
  AddRule: 'targeting_rules_changed',
  RemoveRule: 'targeting_rules_changed',
  ReorderRules: 'targeting_rules_changed',
  UpdateRuleName: 'targeting_rules_changed',
  UpdateRuleDispatchKey: 'targeting_rules_changed',
  AddRuleConditions: 'targeting_rules_changed',
  RemoveRuleConditions: 'targeting_rules_changed',
  UpdateRuleConditions: 'targeting_rules_changed',
  UpdateRuleVariationOrRollouts: 'targeting_rules_changed',
  UpdateName: 'basic_info_updated',
  UpdateDescription: 'basic_info_updated',
  AddTags: 'basic_info_updated',
  RemoveTags: 'basic_info_updated',
};

const SEGMENT_KINDS: Record<string, string> = {
  ArchiveSegment: 'archived',
  RestoreSegment: 'restored',
  AddRule: 'rules_changed',
  RemoveRule: 'rules_changed',
  UpdateRuleName: 'rules_changed',
  AddRuleConditions: 'rules_changed',
  RemoveRuleConditions: 'rules_changed',
  UpdateRuleConditions: 'rules_changed',
  AddTargetUsersToIncluded: 'target_users_changed',
  RemoveTargetUsersFromIncluded: 'target_users_changed',
  AddTargetUsersToExcluded: 'target_users_changed',
  RemoveTargetUsersFromExcluded: 'target_users_changed',
  UpdateName: 'basic_info_updated',
  UpdateDescription: 'basic_info_updated',
  AddTags: 'basic_info_updated',
  RemoveTags: 'basic_info_updated',
};

export interface WebhookEventSet {
  /** FeatBit event names, each once, in the order the diff met them. */
  events: string[];
  /** One readable line per change (FeatBit's `changes`). */
  changes: string[];
}

/**
 * The events of a flag or segment audit entry. Parts FeatBit has no event for (experiment
 * settings, fields outside its model) raise none, so a change of only those notifies nobody.
 */
export function webhookEventsOf(
  entry: Pick<AuditLog, 'refType' | 'operation' | 'dataChange'>,
): WebhookEventSet {
  const prefix = entry.refType === 'FeatureFlag' ? 'feature_flag' : 'segment';
  const thing = entry.refType === 'FeatureFlag' ? 'Flag' : 'Segment';
  if (!isWebhookSubject(entry.refType)) return { events: [], changes: [] };
  if (entry.operation === 'Create' || entry.dataChange.previous === '') {
    return {
      events: [`${prefix}.created`],
      changes: [`Created ${thing}: ${nameOf(entry.dataChange.current)}`],
    };
  }
  if (entry.operation === 'Remove' || entry.dataChange.current === '') {
    return {
      events: [`${prefix}.deleted`],
      changes: [`Deleted ${thing}: ${nameOf(entry.dataChange.previous)}`],
    };
  }
  const kinds = entry.refType === 'FeatureFlag' ? FLAG_KINDS : SEGMENT_KINDS;
  const events: string[] = [];
  const changes: string[] = [];
  for (const instruction of auditInstructions(entry.refType, entry.dataChange)) {
    const suffix = kinds[instruction.kind];
    if (suffix === undefined) continue;
    const event = `${prefix}.${suffix}`;
    if (!events.includes(event)) events.push(event);
    if (!changes.includes(instruction.text)) changes.push(instruction.text);
  }
  return { events, changes };
}

function nameOf(json: string): string {
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed && typeof parsed === 'object' && 'name' in parsed && typeof parsed.name === 'string') {
      return parsed.name;
    }
  } catch {
    // An entry without a readable object still names its event.
  }
  return '';
}
