// Flag-level cases: order of checks, individual targets, rules, segments, malformed data
// (docs/reference/evaluation.md#evaluation-order, docs/reference/evaluation.md#segment-conditions,
// docs/reference/evaluation.md#match-reasons, docs/reference/evaluation.md#error-containment).
import { SEGMENT_IN, SEGMENT_NOT_IN } from '../../src/core/flags/feature-flag';
import {
  c,
  malformed,
  one,
  ON,
  OFF,
  rule,
  served,
  THIRD,
  u,
  wireFlag,
  wireSegment,
  type ConformanceCase,
  type WireFlag,
} from './conformance-case';

const S1 = '5e600000-0000-4000-8000-000000000001';
const S2 = '5e600000-0000-4000-8000-000000000002';
const MISSING = '5e600000-0000-4000-8000-0000000000ff';

function order(): ConformanceCase[] {
  const targeted = wireFlag({
    targetUsers: [{ keyIds: ['u-1'], variationId: ON }],
    rules: [rule('everyone', [])],
  });
  const badRegexRule = [rule('broken', [c('a', 'MatchRegex', '(')])];
  return [
    one(
      'archived beats disabled and targets',
      { ...targeted, isArchived: true, isEnabled: false },
      u('u-1'),
      {
        variationId: null,
        value: null,
        reason: 'flag archived',
        sendToExperiment: false,
      },
    ),
    one('archived enabled flag', { ...targeted, isArchived: true }, u('u-2'), {
      variationId: null,
      value: null,
      reason: 'flag archived',
      sendToExperiment: false,
    }),
    one(
      'disabled serves disabledVariationId even to targeted users',
      { ...targeted, isEnabled: false, disabledVariationId: THIRD },
      u('u-1'),
      served(THIRD, 'flag disabled', false),
    ),
    one(
      'disabled is never in an experiment',
      wireFlag({ isEnabled: false, exptIncludeAllTargets: true }),
      u('u-1'),
      served(OFF, 'flag disabled', false),
    ),
    one(
      'disabled with an unknown disabledVariationId is malformed',
      wireFlag({ isEnabled: false, disabledVariationId: 'nope' }),
      u('u-1'),
      malformed,
    ),
    one(
      'disabled flag never reaches broken rules',
      wireFlag({ isEnabled: false, rules: badRegexRule }),
      u('u-1', { a: 'x' }),
      served(OFF, 'flag disabled', false),
    ),
    one(
      'enabled flag ignores an unknown disabledVariationId',
      wireFlag({ disabledVariationId: 'nope' }),
      u('u-1'),
      served(OFF, 'default'),
    ),
    one('individual target', targeted, u('u-1'), served(ON, 'targeted')),
    one(
      'individual target with exptIncludeAllTargets false',
      { ...targeted, exptIncludeAllTargets: false },
      u('u-1'),
      served(ON, 'targeted', false),
    ),
    one('keyId match is case-sensitive', targeted, u('U-1'), served(ON, 'everyone')),
    one(
      'the first target entry containing the user wins',
      wireFlag({
        targetUsers: [
          { keyIds: ['a', 'b'], variationId: THIRD },
          { keyIds: ['b'], variationId: ON },
        ],
      }),
      u('b'),
      served(THIRD, 'targeted'),
    ),
    one(
      'targets beat rules',
      wireFlag({ targetUsers: [{ keyIds: ['u-1'], variationId: THIRD }], rules: [rule('everyone', [])] }),
      u('u-1'),
      served(THIRD, 'targeted'),
    ),
    one(
      'target to an unknown variation is malformed',
      wireFlag({ targetUsers: [{ keyIds: ['u-1'], variationId: 'nope' }] }),
      u('u-1'),
      malformed,
    ),
    one(
      'users not targeted skip a target entry with an unknown variation',
      wireFlag({ targetUsers: [{ keyIds: ['u-1'], variationId: 'nope' }] }),
      u('u-2'),
      served(OFF, 'default'),
    ),
    one('no targets and no rules: default', wireFlag(), u('u-1'), served(OFF, 'default')),
  ];
}

function rules(): ConformanceCase[] {
  const two = wireFlag({
    rules: [
      rule('US pro', [c('country', 'Equal', 'US'), c('plan', 'Equal', 'pro')], [[THIRD, 0, 1]]),
      rule('US', [c('country', 'Equal', 'US')], [[ON, 0, 1]]),
    ],
  });
  return [
    one(
      'first fully matching rule wins',
      two,
      u('u-1', { country: 'US', plan: 'pro' }),
      served(THIRD, 'US pro'),
    ),
    one(
      'a later rule when the first fails',
      two,
      u('u-1', { country: 'US', plan: 'free' }),
      served(ON, 'US'),
    ),
    one('conditions are ANDed', two, u('u-1', { plan: 'pro' }), served(OFF, 'default')),
    one(
      'an empty condition list matches everyone',
      wireFlag({ rules: [rule('everyone', [])] }),
      u('anyone'),
      served(ON, 'everyone'),
    ),
    one(
      'the rule name is the reason, verbatim',
      wireFlag({ rules: [rule('Beta testers 🚀 (EU)', [])] }),
      u('u-1'),
      served(ON, 'Beta testers 🚀 (EU)'),
    ),
    one(
      'a rule stops at the first failing condition (later invalid regex not reached)',
      wireFlag({ rules: [rule('r', [c('plan', 'Equal', 'pro'), c('a', 'MatchRegex', '(')])] }),
      u('u-1', { a: 'x' }),
      served(OFF, 'default'),
    ),
    one(
      'a reached invalid regex makes the flag malformed',
      wireFlag({ rules: [rule('r', [c('plan', 'Equal', 'pro'), c('a', 'MatchRegex', '(')])] }),
      u('u-1', { plan: 'pro' }),
      malformed,
    ),
    one(
      'a broken later rule does not affect users matching an earlier rule',
      wireFlag({
        rules: [rule('pro', [c('plan', 'Equal', 'pro')]), rule('broken', [c('a', 'IsOneOf', 'x')])],
      }),
      u('u-1', { plan: 'pro' }),
      served(ON, 'pro'),
    ),
    one(
      'a broken later rule reached by other users',
      wireFlag({
        rules: [rule('pro', [c('plan', 'Equal', 'pro')]), rule('broken', [c('a', 'IsOneOf', 'x')])],
      }),
      u('u-1'),
      malformed,
    ),
  ];
}

function segments(): ConformanceCase[] {
  const segs = [
    wireSegment(S1, {
      included: ['in', 'both'],
      excluded: ['both', 'out'],
      rules: [[c('plan', 'Equal', 'pro'), c('country', 'Equal', 'US')]],
    }),
    wireSegment(S2, { included: ['s2-user'] }),
  ];
  const inFlag = (ids: string[], op: string | null = null): WireFlag =>
    wireFlag({ rules: [rule('in segment', [c(SEGMENT_IN, op, JSON.stringify(ids))])] });
  const notIn = (ids: string[]): WireFlag =>
    wireFlag({ rules: [rule('not in segment', [c(SEGMENT_NOT_IN, null, JSON.stringify(ids))])] });
  const withSegs = { segments: segs };
  return [
    one('included user', inFlag([S1]), u('in'), served(ON, 'in segment'), withSegs),
    one('excluded beats included', inFlag([S1]), u('both'), served(OFF, 'default'), withSegs),
    one(
      'excluded beats matching segment rules',
      inFlag([S1]),
      u('out', { plan: 'pro', country: 'US' }),
      served(OFF, 'default'),
      withSegs,
    ),
    one(
      'segment rule match',
      inFlag([S1]),
      u('x', { plan: 'pro', country: 'US' }),
      served(ON, 'in segment'),
      withSegs,
    ),
    one(
      'segment rule conditions are ANDed',
      inFlag([S1]),
      u('x', { plan: 'pro' }),
      served(OFF, 'default'),
      withSegs,
    ),
    one('any listed segment matches', inFlag([S1, S2]), u('s2-user'), served(ON, 'in segment'), withSegs),
    one('included keyIds are case-sensitive', inFlag([S1]), u('IN'), served(OFF, 'default'), withSegs),
    one('not in segment: outsider', notIn([S1]), u('nobody'), served(ON, 'not in segment'), withSegs),
    one('not in segment: member', notIn([S1]), u('in'), served(OFF, 'default'), withSegs),
    one(
      'not in an empty segment list always matches',
      notIn([]),
      u('in'),
      served(ON, 'not in segment'),
      withSegs,
    ),
    one('in an empty segment list never matches', inFlag([]), u('in'), served(OFF, 'default'), withSegs),
    one(
      'a JSON null segment list counts as empty',
      wireFlag({ rules: [rule('r', [c(SEGMENT_IN, null, 'null')])] }),
      u('in'),
      served(OFF, 'default'),
      withSegs,
    ),
    one(
      'the op of a segment condition is ignored',
      inFlag([S1], 'NotEqual'),
      u('in'),
      served(ON, 'in segment'),
      withSegs,
    ),
    one('an archived segment still matches', inFlag([S1]), u('in'), served(ON, 'in segment'), {
      segments: [{ ...segs[0], isArchived: true }],
    }),
    one('a missing segment makes the flag malformed', inFlag([MISSING]), u('in'), malformed, withSegs),
    one(
      'a missing segment after a matching one is not reached',
      inFlag([S1, MISSING]),
      u('in'),
      served(ON, 'in segment'),
      withSegs,
    ),
    one('a missing segment before a matching one', inFlag([MISSING, S1]), u('in'), malformed, withSegs),
    one('not in a missing segment', notIn([MISSING]), u('in'), malformed, withSegs),
    one(
      'a segment list that is not JSON',
      wireFlag({ rules: [rule('r', [c(SEGMENT_IN, null, S1)])] }),
      u('in'),
      malformed,
      withSegs,
    ),
    one(
      'segment and ordinary conditions in one rule',
      wireFlag({
        rules: [rule('r', [c(SEGMENT_IN, null, JSON.stringify([S1])), c('beta', 'IsTrue', 'IsTrue')])],
      }),
      u('in', { beta: 'false' }),
      served(OFF, 'default'),
      withSegs,
    ),
    one(
      'segment rule: negated operator matches a missing attribute',
      inFlag([S2]),
      u('x'),
      served(ON, 'in segment'),
      { segments: [wireSegment(S2, { rules: [[c('plan', 'NotEqual', 'free')]] })] },
    ),
    one(
      'segment rule: missing attribute with no-match option',
      inFlag([S2]),
      u('x'),
      served(OFF, 'default'),
      {
        segments: [wireSegment(S2, { rules: [[c('plan', 'NotEqual', 'free')]] })],
        options: { missingAttribute: 'no-match' },
      },
    ),
    one(
      'inside segment rules "User is in segment" is an ordinary attribute',
      inFlag([S2]),
      u('x'),
      served(ON, 'in segment'),
      { segments: [wireSegment(S2, { rules: [[c(SEGMENT_IN, 'Equal', '')]] })] },
    ),
  ];
}

function malformedFlags(): ConformanceCase[] {
  const noFallthrough = wireFlag({ rules: [rule('pro', [c('plan', 'Equal', 'pro')])] });
  delete (noFallthrough as Partial<WireFlag>).fallthrough;
  const noRules = wireFlag();
  (noRules as { rules: unknown }).rules = null;
  const noEnabled = wireFlag();
  delete (noEnabled as Partial<WireFlag>).isEnabled;
  const shortPair = wireFlag();
  (shortPair.fallthrough.variations[0] as { rollout: number[] }).rollout = [0];
  const noExpt = wireFlag({ exptIncludeAllTargets: false });
  delete (noExpt.fallthrough.variations[0] as { exptRollout?: number }).exptRollout;
  const good = wireFlag({
    id: 'f1a90000-0000-4000-8000-000000000002',
    key: 'good-flag',
    fallthrough: [[ON, 0, 1]],
  });
  const bad = wireFlag({ rules: [rule('r', [c('a', 'MatchRegex', '(')])] });
  return [
    one('rollout to an unknown variation', wireFlag({ fallthrough: [['nope', 0, 1]] }), u('u-1'), malformed),
    one('missing fallthrough reached', noFallthrough, u('u-1'), malformed),
    one(
      'missing fallthrough not reached by rule matches',
      noFallthrough,
      u('u-1', { plan: 'pro' }),
      served(ON, 'pro'),
    ),
    one('rules is not a list', noRules, u('u-1'), malformed),
    one('isEnabled missing', noEnabled, u('u-1'), malformed),
    one('a rollout that is not a pair', shortPair, u('u-1'), malformed),
    one('selected rollout without exptRollout', noExpt, u('u-1'), malformed),
    {
      name: 'a malformed flag does not affect other flags',
      flags: [bad, good],
      segments: [],
      user: u('u-1', { a: 'x' }),
      flagKey: 'good-flag',
      expected: served(ON, 'default'),
    },
    {
      name: 'the malformed flag next to a good one',
      flags: [bad, good],
      segments: [],
      user: u('u-1', { a: 'x' }),
      flagKey: 'case-flag',
      expected: malformed,
    },
  ];
}

export function targetingCases(): ConformanceCase[][] {
  return [order(), rules(), segments(), malformedFlags()];
}
