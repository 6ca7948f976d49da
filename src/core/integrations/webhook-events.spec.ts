import type { AuditLog } from '../audit/audit-log';
import { isWebhookEvent, WEBHOOK_EVENTS, webhookEventsOf } from './webhook-events';

const flag = (overrides: Record<string, unknown> = {}) => ({
  id: 'f-1',
  key: 'checkout',
  name: 'Checkout',
  description: '',
  isEnabled: false,
  isArchived: false,
  tags: [],
  variations: [
    { id: 'on', name: 'On', value: 'true' },
    { id: 'off', name: 'Off', value: 'false' },
  ],
  disabledVariationId: 'off',
  targetUsers: [],
  rules: [],
  fallthrough: {
    dispatchKey: null,
    includedInExpt: true,
    variations: [{ id: 'on', rollout: [0, 1], exptRollout: 1 }],
  },
  exptIncludeAllTargets: true,
  ...overrides,
});

const entry = (
  refType: AuditLog['refType'],
  operation: string,
  previous: unknown,
  current: unknown,
): Pick<AuditLog, 'refType' | 'operation' | 'dataChange'> => ({
  refType,
  operation,
  dataChange: {
    previous: previous == null ? '' : JSON.stringify(previous),
    current: current == null ? '' : JSON.stringify(current),
  },
});

describe('webhook events of an audit entry (FeatBit names)', () => {
  it('knows FeatBit’s 18 event names', () => {
    expect(WEBHOOK_EVENTS).toHaveLength(18);
    expect(isWebhookEvent('feature_flag.toggled')).toBe(true);
    expect(isWebhookEvent('feature_flag.updated')).toBe(false);
  });

  it('names creation and deletion by the operation, with FeatBit’s change line', () => {
    expect(webhookEventsOf(entry('FeatureFlag', 'Create', null, flag()))).toEqual({
      events: ['feature_flag.created'],
      changes: ['Created Flag: Checkout'],
    });
    expect(webhookEventsOf(entry('Segment', 'Remove', { name: 'Beta' }, null))).toEqual({
      events: ['segment.deleted'],
      changes: ['Deleted Segment: Beta'],
    });
  });

  it('derives every event of an update from its diff, each once', () => {
    const before = flag();
    const after = flag({ isEnabled: true, name: 'Checkout v2', tags: ['web'], disabledVariationId: 'on' });
    const { events, changes } = webhookEventsOf(entry('FeatureFlag', 'Update', before, after));
    expect(events.sort()).toEqual([
      'feature_flag.basic_info_updated',
      'feature_flag.off_variation_changed',
      'feature_flag.toggled',
    ]);
    expect(changes.length).toBeGreaterThanOrEqual(3);
  });

  it('names archive, restore and rules of a flag', () => {
    expect(
      webhookEventsOf(entry('FeatureFlag', 'Archive', flag(), flag({ isArchived: true }))).events,
    ).toEqual(['feature_flag.archived']);
    const withRule = flag({
      rules: [
        {
          id: 'r1',
          name: 'Beta',
          dispatchKey: null,
          includedInExpt: false,
          conditions: [{ id: 'c1', property: 'plan', op: 'Equal', value: 'beta' }],
          variations: [{ id: 'on', rollout: [0, 1], exptRollout: 1 }],
        },
      ],
    });
    expect(webhookEventsOf(entry('FeatureFlag', 'Update', flag(), withRule)).events).toEqual([
      'feature_flag.targeting_rules_changed',
    ]);
  });

  it('names segment target users and rules', () => {
    const segment = {
      id: 's',
      key: 'beta',
      name: 'Beta',
      description: '',
      tags: [],
      included: [],
      excluded: [],
      rules: [],
      isArchived: false,
    };
    expect(
      webhookEventsOf(entry('Segment', 'Update', segment, { ...segment, included: ['u1'] })).events,
    ).toEqual(['segment.target_users_changed']);
    expect(
      webhookEventsOf(entry('Segment', 'Archive', segment, { ...segment, isArchived: true })).events,
    ).toEqual(['segment.archived']);
  });

  it('raises nothing for other resources or parts FeatBit has no event for', () => {
    expect(webhookEventsOf(entry('Project', 'Update', { name: 'a' }, { name: 'b' })).events).toEqual([]);
    expect(
      webhookEventsOf(entry('FeatureFlag', 'Update', flag(), flag({ exptIncludeAllTargets: false }))).events,
    ).toEqual([]);
  });
});
