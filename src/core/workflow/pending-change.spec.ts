import { changedParts, conflictMessage, type FlagServing, mergePending, sameValue } from './pending-change';

const rule = (id: string, country: string) => ({
  id,
  name: country,
  dispatchKey: null,
  includedInExpt: false,
  conditions: [{ id: `${id}-c`, property: 'country', op: 'Equal', value: country }],
  variations: [{ id: 'on', rollout: [0, 1] as [number, number], exptRollout: 1 }],
});

const base: FlagServing = {
  isEnabled: false,
  targetUsers: [],
  rules: [],
  fallthrough: {
    dispatchKey: null,
    includedInExpt: false,
    variations: [{ id: 'off', rollout: [0, 1], exptRollout: 1 }],
  },
  exptIncludeAllTargets: true,
};

describe('pending change merge', () => {
  it('applies the proposal as is onto its own base revision', () => {
    const proposed = { ...base, isEnabled: true, rules: [rule('r1', 'NL')] };
    expect(mergePending(base, proposed, base)).toEqual({
      changes: { isEnabled: true, rules: [rule('r1', 'NL')] },
      conflicts: [],
    });
  });

  it('keeps parts others changed meanwhile and takes only the parts the draft changed', () => {
    const proposed = { ...base, rules: [rule('r1', 'NL')] };
    const latest = { ...base, isEnabled: true, targetUsers: [{ keyIds: ['u1'], variationId: 'on' }] };
    expect(mergePending(base, proposed, latest)).toEqual({
      changes: { rules: [rule('r1', 'NL')] },
      conflicts: [],
    });
  });

  it('reports a part both changed differently as a conflict, and nothing to write for a part already equal', () => {
    const proposed = { ...base, isEnabled: true, rules: [rule('r1', 'NL')] };
    const latest = { ...base, isEnabled: true, rules: [rule('r2', 'BE')] };
    const merged = mergePending(base, proposed, latest);
    expect(merged.conflicts).toEqual(['targetingRules']);
    expect(merged.changes).toEqual({});
    expect(conflictMessage(merged.conflicts)).toContain('targeting rules');
  });

  it('compares stored JSON regardless of key order (jsonb reorders keys)', () => {
    const reordered = JSON.parse(
      '{"variations":[{"exptRollout":1,"rollout":[0,1],"id":"off"}],"includedInExpt":false,"dispatchKey":null}',
    ) as FlagServing['fallthrough'];
    expect(sameValue(base.fallthrough, reordered)).toBe(true);
    expect(changedParts(base, { ...base, fallthrough: reordered })).toEqual([]);
    expect(changedParts(base, { ...base, exptIncludeAllTargets: false })).toEqual(['exptSetting']);
  });
});
