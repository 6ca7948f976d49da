import type { Condition } from '../flags/feature-flag';
import { type FlagVersion, flagDiff } from './flag-diff';
import { instructionEffect, instructionText } from './instruction-text';
import { segmentDiff, type SegmentVersion } from './segment-diff';

const flag = (overrides: Partial<FlagVersion> = {}): FlagVersion => ({
  key: 'checkout',
  name: 'Checkout',
  description: '',
  isEnabled: true,
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

const plan = (value: string, id = 'c-' + value): Condition => ({ id, property: 'plan', op: 'Equal', value });
const rule = (id: string, name: string, conditions: Condition[]) => ({
  id,
  name,
  dispatchKey: null,
  includedInExpt: false,
  conditions,
  variations: [{ id: 'on', rollout: [0, 1], exptRollout: 1 }],
});

describe('structured flag diff', () => {
  it('names the rule it changed and carries the conditions added and removed', () => {
    const before = flag({ rules: [rule('a', 'Pro', [plan('pro')])] });
    const after = flag({ rules: [{ ...rule('a', 'Pro', [plan('team')]), dispatchKey: 'companyId' }] });
    expect(flagDiff(before, after)).toEqual([
      {
        of: 'flag',
        kind: 'AddRuleConditions',
        value: { ruleId: 'a', conditions: [plan('team')] },
        subject: { rule: { id: 'a', name: 'Pro', index: 0 } },
        after: [plan('team')],
      },
      {
        of: 'flag',
        kind: 'RemoveRuleConditions',
        value: { ruleId: 'a', conditions: [plan('pro')] },
        subject: { rule: { id: 'a', name: 'Pro', index: 0 } },
        before: [plan('pro')],
      },
      {
        of: 'flag',
        kind: 'UpdateRuleDispatchKey',
        value: { ruleId: 'a', dispatchKey: 'companyId' },
        subject: { rule: { id: 'a', name: 'Pro', index: 0 } },
        before: null,
        after: 'companyId',
      },
    ]);
  });

  it('ignores new condition ids, the experiment share and bookkeeping', () => {
    const before = flag({ rules: [rule('a', 'Pro', [plan('pro', 'c1')])] });
    const after = flag({
      rules: [rule('a', 'Pro', [plan('pro', 'c2')])],
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [{ id: 'on', rollout: [0, 1], exptRollout: 0.5 }],
      },
    });
    expect(flagDiff(before, after)).toEqual([]);
  });

  it('gives the default rule split before and after with the variations of each version', () => {
    const after = flag({
      variations: [
        { id: 'on', name: 'Enabled', value: 'true' },
        { id: 'off', name: 'Off', value: 'false' },
      ],
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [
          { id: 'on', rollout: [0, 0.333], exptRollout: 1 },
          { id: 'off', rollout: [0.333, 1], exptRollout: 1 },
        ],
      },
    });
    const split = flagDiff(flag(), after).find((i) => i.kind === 'UpdateDefaultRuleVariationOrRollouts');
    expect(split).toMatchObject({
      before: [{ variation: { id: 'on', name: 'On', value: 'true' }, percent: 100 }],
      after: [
        { variation: { id: 'on', name: 'Enabled', value: 'true' }, percent: 33.3 },
        { variation: { id: 'off', name: 'Off', value: 'false' }, percent: 66.7 },
      ],
    });
    expect(split && instructionText(split)).toBe(
      'Default rule: serve 33.3% Enabled (true) · 66.7% Off (false) (was On (true))',
    );
  });

  it('still names a removed variation whose targeted users were dropped with it', () => {
    const before = flag({
      variations: [
        { id: 'on', name: 'On', value: 'true' },
        { id: 'off', name: 'Off', value: 'false' },
        { id: 'beta', name: 'Beta', value: 'beta' },
      ],
      targetUsers: [{ variationId: 'beta', keyIds: ['ann'] }],
    });
    const lines = flagDiff(before, flag());
    expect(lines.map((i) => i.kind)).toEqual(['RemoveVariation', 'RemoveTargetUsers']);
    expect(lines[1]).toMatchObject({
      subject: { variation: { id: 'beta', name: 'Beta', value: 'beta' } },
      before: ['ann'],
    });
    expect(lines.map((i) => instructionText(i))).toEqual([
      'Removed variation “Beta” = beta',
      'Stop targeting users ann with Beta (beta)',
    ]);
    expect(lines.map(instructionEffect)).toEqual(['remove', 'remove']);
  });

  it('reports a reorder only when kept rules changed order, and numbers unnamed rules', () => {
    const a = rule('a', '', [plan('a')]);
    const b = rule('b', 'B', [plan('b')]);
    expect(flagDiff(flag({ rules: [a, b] }), flag({ rules: [b] })).map((i) => instructionText(i))).toEqual([
      'Removed rule 1',
    ]);
    const swapped = flagDiff(flag({ rules: [a, b] }), flag({ rules: [b, a] }));
    expect(swapped).toEqual([
      { of: 'flag', kind: 'ReorderRules', value: ['b', 'a'], before: ['a', 'b'], after: ['b', 'a'] },
    ]);
  });

  it('renders segment conditions with the names it is given', () => {
    const inSegment: Condition = { property: 'User is in segment', op: null, value: '["s1","s2"]' };
    const [added] = flagDiff(flag(), flag({ rules: [rule('r', 'Beta', [inSegment])] }));
    const names = (id: string) => (id === 's1' ? 'Beta testers' : id);
    expect(instructionText(added, { segmentName: names })).toBe(
      'Added rule “Beta”: if User is in segment Beta testers, s2 then serve On (true)',
    );
    expect(instructionEffect(added)).toBe('add');
  });
});

describe('structured segment diff', () => {
  const segment = (overrides: Partial<SegmentVersion> = {}): SegmentVersion => ({
    key: 'beta',
    name: 'Beta',
    included: ['a'],
    excluded: [],
    rules: [{ id: 'r', name: '', conditions: [plan('pro')] }],
    scopes: [],
    ...overrides,
  });

  it('keeps rule conditions before and after, compared by content', () => {
    expect(
      segmentDiff(segment(), segment({ rules: [{ id: 'r', name: '', conditions: [plan('pro', 'new')] }] })),
    ).toEqual([]);
    const [changed] = segmentDiff(
      segment(),
      segment({ rules: [{ id: 'r', name: '', conditions: [plan('team')] }] }),
    );
    expect(changed).toMatchObject({
      kind: 'UpdateRuleConditions',
      subject: { rule: { id: 'r', index: 0 } },
      before: [plan('pro')],
      after: [plan('team')],
    });
    expect(instructionText(changed)).toBe('Changed rule: plan equals pro → plan equals team');
  });

  it('says who left the included and excluded lists', () => {
    const lines = segmentDiff(segment({ excluded: ['m'] }), segment({ included: [] }));
    expect(lines.map((i) => [i.kind, instructionText(i)])).toEqual([
      ['RemoveTargetUsersFromIncluded', 'No longer included: a'],
      ['RemoveTargetUsersFromExcluded', 'No longer excluded: m'],
    ]);
  });
});
