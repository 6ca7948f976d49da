import { partsToRollouts, serveSingle } from './rollout';
import {
  draftProblems,
  isVariationInUse,
  moveItem,
  newRule,
  setTargetedUsers,
  targetedUsers,
} from './targeting-draft';
import { aFlag } from './test-flag';

describe('targeting draft', () => {
  it('accepts a flag with a complete rule and a 30/70 split', () => {
    const flag = aFlag();
    const rule = {
      ...newRule(flag.variations, 0),
      conditions: [{ id: 'c', property: 'country', op: 'IsOneOf', value: '["NL"]' }],
      variations: partsToRollouts([
        { variationId: 'on', percent: 30 },
        { variationId: 'off', percent: 70 },
      ]),
    };
    expect(draftProblems({ ...flag, rules: [rule] })).toEqual([]);
  });

  it('lists every problem with the rule it belongs to', () => {
    const flag = aFlag();
    const empty = { ...newRule(flag.variations, 0), name: 'Empty' };
    const broken = {
      ...newRule(flag.variations, 1),
      name: '',
      conditions: [{ id: 'c', property: 'version', op: 'SemVerGreaterThan', value: 'one' }],
      variations: [
        { id: 'on', rollout: [0, 0.5] as [number, number], exptRollout: 1 },
        { id: 'off', rollout: [0.5, 0.9] as [number, number], exptRollout: 1 },
      ],
    };
    expect(draftProblems({ ...flag, rules: [empty, broken], disabledVariationId: 'gone' })).toEqual([
      'Choose the variation served when the flag is off.',
      'Rule “Empty”: add at least one condition.',
      'Rule 2: Enter a semantic version such as 1.4.0 or 2.0.0-beta.1.',
      'Rule 2: The percentages add up to 90%, not 100%.',
    ]);
  });

  it('moves rules up and down and ignores moves past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('targets a user with one variation only', () => {
    const start = [{ variationId: 'on', keyIds: ['alice', 'bob'] }];
    const next = setTargetedUsers(start, 'off', ['bob']);
    expect(targetedUsers(next, 'on')).toEqual(['alice']);
    expect(targetedUsers(next, 'off')).toEqual(['bob']);
    expect(setTargetedUsers(next, 'on', [])).toEqual([{ variationId: 'off', keyIds: ['bob'] }]);
  });

  it('knows which variations are still in use', () => {
    const flag = aFlag({
      fallthrough: { dispatchKey: null, includedInExpt: true, variations: serveSingle('on') },
    });
    expect(isVariationInUse(flag, 'on')).toBe(true);
    expect(isVariationInUse(flag, 'off')).toBe(true);
    expect(isVariationInUse({ ...flag, disabledVariationId: 'on' }, 'off')).toBe(false);
  });
});
