import type { Fallthrough, TargetRule, Variation } from './feature-flag';
import { precheckCopy, copyFlagTo } from './flag-copy';
import { laterThan, newFeatureFlag, servedVariations } from './flag-factory';
import { targetingPermissions } from './flag-instructions';
import {
  conditionProblems,
  referencedSegmentIds,
  validateTargeting,
  validateVariations,
  variationValueProblem,
} from './flag-validation';

const variations: Variation[] = [
  { id: 'a', name: 'A', value: 'true' },
  { id: 'b', name: 'B', value: 'false' },
];
const all = (id: string): Fallthrough => ({
  dispatchKey: null,
  includedInExpt: true,
  variations: [{ id, rollout: [0, 1], exptRollout: 1 }],
});
const rule = (overrides: Partial<TargetRule> = {}): TargetRule => ({
  id: 'r1',
  name: 'rule',
  dispatchKey: null,
  includedInExpt: true,
  conditions: [{ property: 'plan', op: 'Equal', value: 'pro' }],
  variations: [{ id: 'a', rollout: [0, 1], exptRollout: 1 }],
  ...overrides,
});

describe('variation values by type', () => {
  it.each([
    ['boolean', 'true', null],
    ['boolean', 'TRUE', 'a boolean variation is "true" or "false"'],
    ['number', '-1.5e3', null],
    ['number', '', 'not a number'],
    ['number', 'Infinity', 'not a number'],
    ['json', '{"a":[1]}', null],
    ['json', "{'a':1}", 'not valid JSON'],
    ['string', '', null],
  ] as const)('%s %j', (type, value, problem) => {
    expect(variationValueProblem(type, value)).toBe(problem);
  });

  it('wants distinct ids and values, and two variations for booleans', () => {
    expect(validateVariations('boolean', variations)).toEqual([]);
    expect(validateVariations('boolean', [variations[0]]).map((p) => p.message)).toEqual([
      'a boolean flag has exactly two variations',
    ]);
    expect(
      validateVariations('string', [
        { id: 'a', name: 'x', value: '1' },
        { id: 'a', name: 'y', value: '1' },
      ]),
    ).toHaveLength(2);
    expect(validateVariations('string', [])[0].code).toBe('variations_is_required');
  });
});

describe('targeting', () => {
  const segments = new Set(['s1']);

  it('accepts a complete, contiguous targeting', () => {
    const split = [
      { id: 'a', rollout: [0, 0.333] as [number, number], exptRollout: 1 },
      { id: 'b', rollout: [0.333, 1] as [number, number], exptRollout: 0.5 },
    ];
    expect(
      validateTargeting(
        variations,
        {
          targetUsers: [{ keyIds: ['u'], variationId: 'b' }],
          rules: [rule({ variations: split })],
          fallthrough: all('a'),
        },
        segments,
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'a gap',
      [
        { id: 'a', rollout: [0, 0.4] },
        { id: 'b', rollout: [0.5, 1] },
      ],
      /contiguous/,
    ],
    [
      'an overlap',
      [
        { id: 'a', rollout: [0, 0.6] },
        { id: 'b', rollout: [0.5, 1] },
      ],
      /contiguous/,
    ],
    ['less than 100%', [{ id: 'a', rollout: [0, 0.9] }], /100%/],
    ['out of range', [{ id: 'a', rollout: [0, 1.5] }], /within \[0, 1\]/],
    ['an unknown variation', [{ id: 'zz', rollout: [0, 1] }], /unknown variation/],
    ['nothing served', [], /at least one/],
  ])('refuses a default rule with %s', (_, rollouts, message) => {
    const fallthrough = {
      dispatchKey: null,
      includedInExpt: true,
      variations: rollouts.map((r) => ({ ...r, exptRollout: 1 })),
    } as Fallthrough;
    const problems = validateTargeting(variations, { targetUsers: [], rules: [], fallthrough }, segments);
    expect(problems[0].code).toBe('fallthrough_is_invalid');
    expect(problems[0].message).toMatch(message);
  });

  it('refuses users targeted twice, empty rules and duplicate rule ids', () => {
    const problems = validateTargeting(
      variations,
      {
        targetUsers: [
          { keyIds: ['u'], variationId: 'a' },
          { keyIds: ['u'], variationId: 'b' },
        ],
        rules: [rule({ conditions: [] }), rule()],
        fallthrough: all('a'),
      },
      segments,
    );
    expect(problems.map((p) => p.message)).toEqual([
      'user u is targeted twice',
      'a rule needs at least one condition',
      'duplicate rule id r1',
    ]);
  });

  it.each([
    [{ property: 'age', op: 'BiggerThan', value: '1,000.5' }, null],
    [{ property: 'age', op: 'BiggerThan', value: 'old' }, /takes a number/],
    [{ property: 'c', op: 'IsOneOf', value: '["a","b"]' }, null],
    [{ property: 'c', op: 'IsOneOf', value: 'a,b' }, /JSON array/],
    [{ property: 'e', op: 'MatchRegex', value: '(' }, /regular expression/],
    [{ property: 'v', op: 'SemVerGreaterThan', value: '1.2.3' }, null],
    [{ property: 'v', op: 'SemVerGreaterThan', value: 'one' }, /semantic version/],
    [{ property: 'd', op: 'Before', value: '2024-01-01' }, null],
    [{ property: 'd', op: 'After', value: 'tomorrow' }, /ISO-8601/],
    [{ property: 'x', op: 'Resembles', value: '' }, /unknown operator/],
    [{ property: 'User is in segment', op: null, value: '["s1"]' }, null],
    [{ property: 'User is not in segment', op: null, value: '["s9"]' }, /unknown segment s9/],
    [{ property: 'User is in segment', op: null, value: '[]' }, /JSON array/],
  ])('checks condition %j', (condition, expected) => {
    const problems = conditionProblems('c', condition, segments);
    if (expected === null) expect(problems).toEqual([]);
    else expect(problems[0].message).toMatch(expected);
  });

  it('refuses segment conditions where segments are not allowed (segment rules)', () => {
    expect(
      conditionProblems('c', { property: 'User is in segment', op: null, value: '["s1"]' }, null)[0].message,
    ).toMatch(/not allowed/);
  });

  it('lists referenced segments and the permissions a change needs', () => {
    expect(
      referencedSegmentIds([
        rule({ conditions: [{ property: 'User is in segment', op: null, value: '["s1","s2"]' }] }),
      ]),
    ).toEqual(['s1', 's2']);
    const flag = newFeatureFlag({
      id: 'f',
      envId: 'e',
      revision: 'r',
      name: 'F',
      key: 'f',
      description: '',
      isEnabled: true,
      variationType: 'boolean',
      variations,
      enabledVariationId: 'a',
      disabledVariationId: 'b',
      tags: [],
      creatorId: 'u',
      now: '2024-01-01T00:00:00.000Z',
    });
    expect(targetingPermissions(flag, { ...flag, rules: [rule()] })).toEqual(['UpdateFlagTargetingRules']);
    expect(
      targetingPermissions(flag, {
        ...flag,
        targetUsers: [{ keyIds: ['u'], variationId: 'a' }],
        exptIncludeAllTargets: false,
      }),
    ).toEqual(['UpdateFlagIndividualTargeting', 'UpdateFlagDefaultRule']);
    expect(servedVariations(flag)).toEqual({ enabledVariations: ['A'], disabledVariation: 'B' });
  });
});

describe('versions and copies', () => {
  it('always moves updatedAt forward', () => {
    expect(laterThan('2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')).toBe(
      '2024-01-01T00:00:00.001Z',
    );
    expect(laterThan('2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z')).toBe(
      '2024-01-02T00:00:00.000Z',
    );
  });

  it('prechecks and copies a flag to another environment, off, without rules on missing segments', () => {
    const flag = {
      ...newFeatureFlag({
        id: 'f',
        envId: 'e1',
        revision: 'r',
        name: 'F',
        key: 'f',
        description: '',
        isEnabled: true,
        variationType: 'boolean',
        variations,
        enabledVariationId: 'a',
        disabledVariationId: 'b',
        tags: ['t'],
        creatorId: 'u',
        now: '2024-01-01T00:00:00.000Z',
      }),
      targetUsers: [{ keyIds: ['u1'], variationId: 'a' }],
      rules: [
        rule(),
        rule({ id: 'r2', conditions: [{ property: 'User is in segment', op: null, value: '["gone"]' }] }),
      ],
    };
    const facts = {
      usedKeys: new Set<string>(),
      existingKeyIds: new Set(['u1']),
      segmentIds: new Set<string>(),
      propertyNames: new Set(['keyId']),
    };
    expect(precheckCopy(flag, facts)).toEqual({
      id: 'f',
      keyCheck: true,
      targetUserCheck: true,
      targetRuleCheck: false,
      newProperties: ['plan'],
    });
    let n = 0;
    const copy = copyFlagTo(
      flag,
      { envId: 'e2', segmentIds: facts.segmentIds },
      {
        id: 'g',
        revision: 'r2',
        creatorId: 'me',
        now: '2024-02-01T00:00:00.000Z',
        newRuleId: () => `new-${n++}`,
      },
    );
    expect(copy).toMatchObject({
      id: 'g',
      envId: 'e2',
      key: 'f',
      isEnabled: false,
      tags: ['t'],
      creatorId: 'me',
      targetUsers: flag.targetUsers,
    });
    expect(copy.rules.map((r) => r.id)).toEqual(['new-0']);
  });
});
