import type { FeatureFlag, TargetRule } from './feature-flag';
import { SEGMENT_IN } from './feature-flag';
import { newFeatureFlag } from './flag-factory';
import { copySettings, diffFlags, type FlagCopyOptions, summarizeDiff } from './flag-compare';

// Variation ids differ per environment on purpose: parts are matched by variation value.
function flag(envId: string, prefix: string, values = ['a', 'b']): FeatureFlag {
  return newFeatureFlag({
    id: `${prefix}-flag`,
    envId,
    revision: 'r1',
    name: 'F',
    key: 'f',
    description: '',
    isEnabled: false,
    variationType: 'string',
    variations: values.map((v) => ({ id: `${prefix}-${v}`, name: v.toUpperCase(), value: v })),
    enabledVariationId: `${prefix}-${values[0]}`,
    disabledVariationId: `${prefix}-${values[1]}`,
    tags: [],
    creatorId: 'u',
    now: '2024-01-01T00:00:00.000Z',
  });
}

const rule = (id: string, variationId: string, conditionValue: string, property = 'country'): TargetRule => ({
  id,
  name: `rule ${id}`,
  dispatchKey: null,
  includedInExpt: false,
  conditions: [
    { id: `${id}-c`, property, op: property === SEGMENT_IN ? null : 'IsOneOf', value: conditionValue },
  ],
  variations: [{ id: variationId, rollout: [0, 1], exptRollout: 1 }],
});

const none: FlagCopyOptions = {
  onOffState: false,
  individualTargeting: { copy: false, mode: 'overwrite' },
  targetingRule: { copy: false, mode: 'overwrite' },
  defaultRule: false,
  offVariation: false,
};

let n = 0;
const helpers = (names: [string, string][] = []) => ({
  segmentNames: new Map(names),
  newId: () => `new-${++n}`,
});

describe('flag comparison across environments', () => {
  it('finds no difference between equal flags whose variation ids differ', () => {
    const source = flag('dev', 's');
    const target = flag('prod', 't');
    source.rules = [rule('r1', 's-a', '["de","fr"]')];
    target.rules = [rule('r9', 't-a', '["fr","de"]')];
    source.targetUsers = [{ variationId: 's-b', keyIds: ['u1', 'u2'] }];
    target.targetUsers = [{ variationId: 't-b', keyIds: ['u2', 'u1'] }];
    expect(summarizeDiff(diffFlags(source, target, new Map()))).toEqual({
      onOffState: false,
      individualTargeting: false,
      targetingRule: false,
      defaultRule: false,
      offVariation: false,
    });
  });

  it('reports each differing part', () => {
    const source = { ...flag('dev', 's'), isEnabled: true, disabledVariationId: 's-a' };
    const target = flag('prod', 't');
    source.rules = [rule('r1', 's-a', '["de"]')];
    target.rules = [rule('r2', 't-b', '["de"]'), rule('r3', 't-a', '["us"]')];
    source.targetUsers = [{ variationId: 's-a', keyIds: ['u1'] }];
    source.fallthrough = { ...source.fallthrough, dispatchKey: 'country' };
    const diff = diffFlags(source, target, new Map());
    expect(summarizeDiff(diff)).toEqual({
      onOffState: true,
      individualTargeting: true,
      targetingRule: true,
      defaultRule: true,
      offVariation: true,
    });
    expect(
      diff.targetingRule.map((d) => [d.source?.id ?? null, d.target?.id ?? null, d.isDifferent]),
    ).toEqual([
      ['r1', 'r2', true],
      [null, 'r3', true],
    ]);
  });

  it('compares segment conditions by segment name', () => {
    const source = flag('dev', 's');
    const target = flag('prod', 't');
    source.rules = [rule('r1', 's-a', '["seg-dev"]', SEGMENT_IN)];
    target.rules = [rule('r2', 't-a', '["seg-prod"]', SEGMENT_IN)];
    const names = new Map([
      ['seg-dev', 'beta'],
      ['seg-prod', 'beta'],
    ]);
    expect(summarizeDiff(diffFlags(source, target, names)).targetingRule).toBe(false);
  });
});

describe('copying flag settings to another environment', () => {
  it('copies each chosen part with the target variation ids', () => {
    const source = { ...flag('dev', 's'), isEnabled: true, disabledVariationId: 's-a' };
    source.targetUsers = [{ variationId: 's-a', keyIds: ['u1'] }];
    source.rules = [rule('r1', 's-b', '["de"]')];
    const target = flag('prod', 't');
    target.targetUsers = [{ variationId: 't-b', keyIds: ['u1', 'u9'] }];
    target.rules = [rule('r2', 't-a', '["us"]')];
    const result = copySettings(
      source,
      target,
      {
        onOffState: true,
        individualTargeting: { copy: true, mode: 'append' },
        targetingRule: { copy: true, mode: 'append' },
        defaultRule: true,
        offVariation: true,
      },
      new Set(),
      helpers(),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.changes.isEnabled).toBe(true);
    expect(result.changes.disabledVariationId).toBe('t-a');
    // u1 moves to the source's variation; u9 stays.
    expect(result.changes.targetUsers).toEqual([
      { variationId: 't-a', keyIds: ['u1'] },
      { variationId: 't-b', keyIds: ['u9'] },
    ]);
    expect(result.changes.rules?.map((r) => [r.name, r.variations[0].id])).toEqual([
      ['rule r2', 't-a'],
      ['rule r1', 't-b'],
    ]);
    expect(result.changes.rules?.[1].id).not.toBe('r1');
    expect(result.changes.fallthrough?.variations.map((v) => v.id)).toEqual(['t-a']);
    expect(summarizeDiff(diffFlags(source, result.target, new Map()))).toEqual({
      onOffState: false,
      individualTargeting: true,
      targetingRule: true,
      defaultRule: false,
      offVariation: false,
    });
  });

  it('overwrites users and rules', () => {
    const source = flag('dev', 's');
    source.targetUsers = [{ variationId: 's-b', keyIds: ['u2'] }];
    source.rules = [rule('r1', 's-a', '["de"]')];
    const target = flag('prod', 't');
    target.targetUsers = [{ variationId: 't-a', keyIds: ['u9'] }];
    target.rules = [rule('r2', 't-a', '["us"]')];
    const options = {
      ...none,
      individualTargeting: { copy: true, mode: 'overwrite' as const },
      targetingRule: { copy: true, mode: 'overwrite' as const },
    };
    const result = copySettings(source, target, options, new Set(), helpers());
    if (!result.ok) throw new Error('refused');
    expect(summarizeDiff(diffFlags(source, result.target, new Map()))).toEqual({
      onOffState: false,
      individualTargeting: false,
      targetingRule: false,
      defaultRule: false,
      offVariation: false,
    });
  });

  it('refuses a rule using a segment the target cannot see, naming the segment', () => {
    const source = flag('dev', 's');
    source.rules = [rule('r1', 's-a', '["seg-1"]', SEGMENT_IN)];
    const target = flag('prod', 't');
    const options = { ...none, onOffState: true, targetingRule: { copy: true, mode: 'overwrite' as const } };
    const refused = copySettings(source, target, options, new Set(), helpers([['seg-1', 'beta']]));
    expect(refused).toEqual({
      ok: false,
      problems: [
        {
          part: 'targetingRule',
          reason: 'rule "rule r1" uses segment "beta", which the target environment cannot use',
        },
      ],
    });
    expect(copySettings(source, target, options, new Set(['seg-1']), helpers()).ok).toBe(true);
  });

  it('refuses parts serving a variation the target lacks', () => {
    const source = flag('dev', 's', ['a', 'b', 'c']);
    source.disabledVariationId = 's-c';
    source.targetUsers = [{ variationId: 's-c', keyIds: ['u1'] }];
    const target = flag('prod', 't');
    const options = {
      ...none,
      offVariation: true,
      individualTargeting: { copy: true, mode: 'append' as const },
    };
    const result = copySettings(source, target, options, new Set(), helpers());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.part).sort()).toEqual(['individualTargeting', 'offVariation']);
    expect(result.problems[0].reason).toContain('variation "C" (c) does not exist in the target flag');
  });
});
