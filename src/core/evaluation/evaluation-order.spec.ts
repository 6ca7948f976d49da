import {
  cond,
  flag,
  OFF,
  ON,
  rule,
  segment,
  target,
  THIRD,
  user,
} from '../../../test/conformance/flag-builders';
import { SEGMENT_IN, SEGMENT_NOT_IN } from '../flags/feature-flag';
import { dispatchBucket, evaluateFlag } from './index';

const S1 = '5e6f0000-0000-4000-8000-000000000001';
const S2 = '5e6f0000-0000-4000-8000-000000000002';

describe('evaluation order and results', () => {
  it('returns null variation for an archived flag, before anything else', () => {
    const f = flag({ isArchived: true, isEnabled: false, targetUsers: [target(ON, 'u1')] });
    expect(evaluateFlag(f, user('u1'), [])).toEqual({
      variationId: null,
      value: null,
      reason: 'flag archived',
      sendToExperiment: false,
    });
  });

  it('serves disabledVariationId when disabled, never in an experiment', () => {
    const f = flag({ isEnabled: false, disabledVariationId: THIRD, targetUsers: [target(ON, 'u1')] });
    expect(evaluateFlag(f, user('u1'), [])).toEqual({
      variationId: THIRD,
      value: 'third',
      reason: 'flag disabled',
      sendToExperiment: false,
    });
  });

  it('targets individual users in entry order, exact and case-sensitive', () => {
    const f = flag({
      exptIncludeAllTargets: false,
      targetUsers: [target(THIRD, 'a', 'b'), target(ON, 'b', 'c')],
      rules: [rule('all', [])],
    });
    expect(evaluateFlag(f, user('b'), [])).toEqual({
      variationId: THIRD,
      value: 'third',
      reason: 'targeted',
      sendToExperiment: false,
    });
    expect(evaluateFlag(f, user('c'), []).variationId).toBe(ON);
    expect(evaluateFlag(f, user('C'), []).reason).toBe('all');
  });

  it('uses the first fully matching rule and its name as reason; an empty rule matches', () => {
    const f = flag({
      rules: [
        rule(
          'country and plan',
          [cond('country', 'Equal', 'US'), cond('plan', 'Equal', 'pro')],
          [[THIRD, 0, 1]],
        ),
        rule('country only', [cond('country', 'Equal', 'US')], [[ON, 0, 1]]),
      ],
    });
    expect(evaluateFlag(f, user('u', { country: 'US', plan: 'pro' }), []).reason).toBe('country and plan');
    expect(evaluateFlag(f, user('u', { country: 'US', plan: 'free' }), []).reason).toBe('country only');
    expect(evaluateFlag(f, user('u', { country: 'CA' }), [])).toEqual({
      variationId: OFF,
      value: 'false',
      reason: 'default',
      sendToExperiment: true,
    });
  });

  it('serves Variation.Empty when a matched rule does not cover the bucket (no fall-through)', () => {
    // my-flag + user-3 → bucket 0.872 (docs/reference/evaluation.md#bucket-vectors)
    const f = flag({ key: 'my-flag', rules: [rule('half', [], [[ON, 0, 0.5]])] });
    expect(evaluateFlag(f, user('user-3'), [])).toEqual({
      variationId: '',
      value: '',
      reason: 'half',
      sendToExperiment: true,
    });
    expect(evaluateFlag(f, user('user-1'), []).variationId).toBe(ON); // bucket 0.387
  });

  it('dispatches percentages on flagKey + keyId, or flagKey + the dispatch attribute', () => {
    const split: [string, number, number][] = [
      [ON, 0, 0.5],
      [OFF, 0.5, 1],
    ];
    const byKey = flag({ key: 'my-flag', fallthrough: split });
    expect(evaluateFlag(byKey, user('user-1'), []).variationId).toBe(ON); // 0.387
    expect(evaluateFlag(byKey, user('user-3'), []).variationId).toBe(OFF); // 0.872
    const byAttr = flag({ key: 'my-flag', fallthrough: split, fallthroughDispatchKey: 'account' });
    expect(evaluateFlag(byAttr, user('user-3', { account: 'user-1' }), []).variationId).toBe(ON);
    // Missing attribute → flagKey + "" → bucket of "my-flag" = 0.832.
    expect(dispatchBucket('my-flag')).toBeGreaterThan(0.5);
    expect(evaluateFlag(byAttr, user('user-1'), []).variationId).toBe(OFF);
    const blank = flag({ key: 'my-flag', fallthrough: split, fallthroughDispatchKey: ' \t' });
    expect(evaluateFlag(blank, user('user-1'), []).variationId).toBe(ON);
  });

  describe('segments', () => {
    const segments = [
      segment(S1, {
        included: ['in', 'both'],
        excluded: ['both', 'out'],
        rules: [[cond('plan', 'Equal', 'pro')]],
      }),
      segment(S2, { included: ['s2'] }),
    ];
    const inFlag = flag({ rules: [rule('in', [cond(SEGMENT_IN, null, JSON.stringify([S1, S2]))])] });
    const notInFlag = flag({
      rules: [rule('not in', [cond(SEGMENT_NOT_IN, 'IsOneOf', JSON.stringify([S1]))])],
    });

    it('matches included users, rules, and any listed segment; excluded beats included', () => {
      expect(evaluateFlag(inFlag, user('in'), segments).reason).toBe('in');
      expect(evaluateFlag(inFlag, user('s2'), segments).reason).toBe('in');
      expect(evaluateFlag(inFlag, user('x', { plan: 'pro' }), segments).reason).toBe('in');
      expect(evaluateFlag(inFlag, user('both'), segments).reason).toBe('default');
      expect(evaluateFlag(inFlag, user('out', { plan: 'pro' }), segments).reason).toBe('default');
    });

    it('negates for "User is not in segment"; an empty list never matches "in"', () => {
      expect(evaluateFlag(notInFlag, user('nobody'), segments).reason).toBe('not in');
      expect(evaluateFlag(notInFlag, user('in'), segments).reason).toBe('default');
      const empty = flag({
        rules: [
          rule('in none', [cond(SEGMENT_IN, null, '[]')]),
          rule('not in none', [cond(SEGMENT_NOT_IN, null, '[]')]),
        ],
      });
      expect(evaluateFlag(empty, user('in'), segments).reason).toBe('not in none');
    });

    it('ignores the segment archived state (as the server does)', () => {
      const archived = [{ ...segments[0], isArchived: true }];
      expect(evaluateFlag(inFlag, user('in'), archived).reason).toBe('in');
    });
  });

  describe('sendToExperiment', () => {
    const base = { exptIncludeAllTargets: false, key: 'return-10p-true' };
    // expt bucket 0.1048 (docs/reference/evaluation.md#bucket-vectors)
    const key = '3db19c81-e149-4b97-8a0d-79d34531fe59';

    it('is exptIncludeAllTargets for targeted users and true for every rollout when set', () => {
      expect(evaluateFlag(flag({ targetUsers: [target(ON, key)] }), user(key), []).sendToExperiment).toBe(
        true,
      );
      expect(
        evaluateFlag(flag({ ...base, targetUsers: [target(ON, key)] }), user(key), []).sendToExperiment,
      ).toBe(false);
      expect(evaluateFlag(flag({ fallthroughIncludedInExpt: false }), user(key), []).sendToExperiment).toBe(
        true,
      );
    });

    it("uses the matched rule's own includedInExpt", () => {
      const f = flag({ ...base, fallthroughIncludedInExpt: false, rules: [rule('r', [], [[ON, 0, 1, 1]])] });
      expect(evaluateFlag(f, user(key), []).sendToExperiment).toBe(true);
      const g = flag({ ...base, rules: [rule('r', [], [[ON, 0, 1, 1]], { includedInExpt: false })] });
      expect(evaluateFlag(g, user(key), []).sendToExperiment).toBe(false);
    });

    it('hashes "expt" + dispatch key against exptRollout / width', () => {
      // fallthrough [0,1] width 1: upper = exptRollout.
      const at = (expt: number): boolean =>
        evaluateFlag(flag({ ...base, fallthrough: [[ON, 0, 1, expt]] }), user(key), []).sendToExperiment;
      expect(at(0.2)).toBe(true); // 0.1048 <= 0.2
      expect(at(0.1)).toBe(false);
      expect(at(0)).toBe(false);
      expect(at(0.999995)).toBe(true); // shortcut
      // width 0.5, exptRollout 0.05 → upper 0.1 < 0.1048
      const half = flag({
        ...base,
        fallthrough: [
          [OFF, 0, 0.5, 0.05],
          [ON, 0.5, 1, 0.06],
        ],
      });
      expect(evaluateFlag(half, user(key), [])).toEqual({
        variationId: ON, // bucket 0.618
        value: 'true',
        reason: 'default',
        sendToExperiment: true, // upper 0.12 >= 0.1048
      });
    });
  });
});
