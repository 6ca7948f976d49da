// Percentage dispatch, the published hash vectors, intervals and experiment eligibility
// (docs/reference/evaluation.md#dispatch, docs/reference/evaluation.md#rollout-intervals,
// docs/reference/evaluation.md#experiment-eligibility). Vector buckets are the published ones; the only
// computed bucket (the full-range shortcut user) comes from node:crypto via the generator.
import {
  c,
  empty,
  one,
  ON,
  OFF,
  rule,
  served,
  STEP,
  THIRD,
  u,
  wireFlag,
  type ConformanceCase,
  type Serve,
} from './conformance-case';
import type { EndUser } from '../../src/core/end-users/end-user';

/** Serves ON exactly when the bucket equals b (buckets are multiples of 2^-31). */
const pin = (b: number): Serve[] => [
  [THIRD, 0, b - STEP],
  [ON, b, b],
  [OFF, b + STEP, 1],
];

interface Vector {
  input: string;
  bucket: number;
  flagKey: string;
  dispatchKey: string | null;
  user: EndUser;
  via: 'fallthrough' | 'rule';
}

// docs/reference/evaluation.md#bucket-vectors, every row; each split into flag key + dispatch value.
const VECTORS: Vector[] = [
  {
    input: 'test-value',
    bucket: 0.14653629204258323,
    flagKey: 'test-',
    dispatchKey: null,
    user: u('value'),
    via: 'fallthrough',
  },
  {
    input: 'qKPKh1S3FolC',
    bucket: 0.9105919692665339,
    flagKey: 'qKPKh1',
    dispatchKey: null,
    user: u('S3FolC'),
    via: 'fallthrough',
  },
  {
    input: '3eacb184-2d79-49df-9ea7-edd4f10e4c6f',
    bucket: 0.08994403155520558,
    flagKey: '3eacb184',
    dispatchKey: null,
    user: u('-2d79-49df-9ea7-edd4f10e4c6f'),
    via: 'fallthrough',
  },
  {
    input: 'return-10p-true3db19c81-e149-4b97-8a0d-79d34531fe59',
    bucket: 0.6181446979753673,
    flagKey: 'return-10p-true',
    dispatchKey: 'keyId',
    user: u('3db19c81-e149-4b97-8a0d-79d34531fe59'),
    via: 'fallthrough',
  },
  {
    input: 'my-flaguser-1',
    bucket: 0.3866185671649873,
    flagKey: 'my-flag',
    dispatchKey: null,
    user: u('user-1'),
    via: 'rule',
  },
  {
    input: 'my-flaguser-2',
    bucket: 0.39925066428259015,
    flagKey: 'my-flag',
    dispatchKey: null,
    user: u('user-2'),
    via: 'rule',
  },
  {
    input: 'my-flaguser-3',
    bucket: 0.8721997831016779,
    flagKey: 'my-flag',
    dispatchKey: null,
    user: u('user-3'),
    via: 'rule',
  },
  {
    input: 'checkout-v2user-123',
    bucket: 0.6896381163969636,
    flagKey: 'checkout-v2',
    dispatchKey: 'keyId',
    user: u('user-123'),
    via: 'rule',
  },
  {
    input: 'feature-xbob',
    bucket: 0.774410835467279,
    flagKey: 'feature-x',
    dispatchKey: 'name',
    user: u('someone-else', {}, 'bob'),
    via: 'fallthrough',
  },
  {
    input: 'flag-ü用户-1',
    bucket: 0.4080613446421921,
    flagKey: 'flag-',
    dispatchKey: 'account',
    user: u('k', { account: 'ü用户-1' }),
    via: 'rule',
  },
  {
    input: 'my-flag (empty attribute)',
    bucket: 0.8316924991086125,
    flagKey: 'my-flag',
    dispatchKey: 'account',
    user: u('user-1'),
    via: 'fallthrough',
  },
];

function vectorCases(): ConformanceCase[] {
  const cases = VECTORS.map((v) => {
    const flag =
      v.via === 'fallthrough'
        ? wireFlag({ key: v.flagKey, fallthrough: pin(v.bucket), fallthroughDispatchKey: v.dispatchKey })
        : wireFlag({
            key: v.flagKey,
            rules: [rule('split', [], pin(v.bucket), { dispatchKey: v.dispatchKey })],
          });
    return one(
      `hash vector ${v.input} → bucket ${v.bucket}`,
      flag,
      v.user,
      served(ON, v.via === 'fallthrough' ? 'default' : 'split'),
    );
  });
  const b = 0.8316924991086125; // "my-flag" alone: the dispatch attribute reads as ""
  const attr = (name: string, user: EndUser): ConformanceCase =>
    one(
      name,
      wireFlag({ key: 'my-flag', fallthrough: pin(b), fallthroughDispatchKey: 'account' }),
      user,
      served(ON, 'default'),
    );
  return [
    ...cases,
    attr('dispatch attribute with a null value reads as ""', u('user-1', { account: null })),
    one(
      'dispatch on a null name reads as ""',
      wireFlag({ key: 'my-flag', fallthrough: pin(b), fallthroughDispatchKey: 'name' }),
      u('user-1', {}, null),
      served(ON, 'default'),
    ),
    one(
      'a whitespace dispatchKey dispatches on keyId',
      wireFlag({ key: 'my-flag', fallthrough: pin(0.3866185671649873), fallthroughDispatchKey: ' \t' }),
      u('user-1'),
      served(ON, 'default'),
    ),
    one(
      'a custom dispatch attribute replaces keyId',
      wireFlag({ key: 'my-flag', fallthrough: pin(0.8721997831016779), fallthroughDispatchKey: 'account' }),
      u('user-1', { account: 'user-3' }),
      served(ON, 'default'),
    ),
    one(
      'ELS snapshot: return-10p-true gives false to 3db19c81…',
      wireFlag({
        key: 'return-10p-true',
        fallthrough: [
          [ON, 0, 0.1],
          [OFF, 0.1, 1],
        ],
        fallthroughDispatchKey: 'keyId',
      }),
      u('3db19c81-e149-4b97-8a0d-79d34531fe59'),
      served(OFF, 'default'),
    ),
  ];
}

function intervalCases(shortcutUser: string): ConformanceCase[] {
  const user1 = u('user-1'); // my-flag → 0.3866185671649873
  const user3 = u('user-3'); // my-flag → 0.8721997831016779
  const b1 = 0.3866185671649873;
  const my = (fallthrough: Serve[], extra = {}) => wireFlag({ key: 'my-flag', fallthrough, ...extra });
  return [
    one(
      'full-range shortcut: [0, 0.99999] matches a bucket above 0.99999',
      wireFlag({
        key: 'shortcut-flag',
        fallthrough: [
          [ON, 0, 0.99999],
          [OFF, 0.99999, 1],
        ],
      }),
      u(shortcutUser),
      served(ON, 'default'),
    ),
    one(
      'no shortcut for [0, 0.99998]',
      wireFlag({
        key: 'shortcut-flag',
        fallthrough: [
          [ON, 0, 0.99998],
          [OFF, 0.99998, 1],
        ],
      }),
      u(shortcutUser),
      served(OFF, 'default'),
    ),
    one(
      '[0, 0] never matches',
      my([
        [ON, 0, 0],
        [OFF, 0, 0.5],
        [THIRD, 0.5, 1],
      ]),
      user1,
      served(OFF, 'default'),
    ),
    one('only [0, 0]: nobody is covered', my([[ON, 0, 0]]), user1, empty('default')),
    one(
      'an interior zero-width interval',
      my([
        [ON, 0, 0.3],
        [THIRD, 0.3, 0.3],
        [OFF, 0.3, 1],
      ]),
      user1,
      served(OFF, 'default'),
    ),
    one(
      'upper bound is inclusive; the first interval wins a shared boundary',
      my([
        [THIRD, 0, b1],
        [ON, b1, 1],
      ]),
      user1,
      served(THIRD, 'default'),
    ),
    one(
      'lower bound is inclusive',
      my([
        [THIRD, 0, b1 - STEP],
        [ON, b1, 1],
      ]),
      user1,
      served(ON, 'default'),
    ),
    one(
      'intervals need not be in order (low bucket)',
      my([
        [OFF, 0.5, 1],
        [ON, 0, 0.5],
      ]),
      user1,
      served(ON, 'default'),
    ),
    one(
      'intervals need not be in order (high bucket)',
      my([
        [OFF, 0.5, 1],
        [ON, 0, 0.5],
      ]),
      user3,
      served(OFF, 'default'),
    ),
    one(
      'UI float sums',
      my([
        [ON, 0, 0.1 + 0.2],
        [THIRD, 0.1 + 0.2, 0.1 + 0.2 + 0.3],
        [OFF, 0.1 + 0.2 + 0.3, 1],
      ]),
      user1,
      served(THIRD, 'default'),
    ),
    one(
      'uncovered bucket in a matched rule: empty variation, no fall-through',
      wireFlag({ key: 'my-flag', rules: [rule('half', [], [[ON, 0, 0.5]])] }),
      user3,
      empty('half'),
    ),
    one('uncovered bucket in the default rule', my([[ON, 0, 0.5]]), user3, empty('default')),
    one('covered bucket next to a gap', my([[ON, 0, 0.5]]), user1, served(ON, 'default')),
    one(
      'uncovered bucket without exptIncludeAllTargets',
      my([[ON, 0, 0.5]], { exptIncludeAllTargets: false }),
      user3,
      empty('default', false),
    ),
  ];
}

function experimentCases(): ConformanceCase[] {
  const K = '3db19c81-e149-4b97-8a0d-79d34531fe59'; // dispatch 0.618, expt 0.10480360919609666
  const ex = 0.10480360919609666;
  const f = (fallthrough: Serve[], extra = {}) =>
    wireFlag({ key: 'return-10p-true', exptIncludeAllTargets: false, fallthrough, ...extra });
  const user = u(K);
  return [
    one(
      'exptIncludeAllTargets puts every rollout in the experiment',
      f([[ON, 0, 1, 0]], { exptIncludeAllTargets: true, fallthroughIncludedInExpt: false }),
      user,
      served(ON, 'default', true),
    ),
    one(
      'includedInExpt false keeps the rollout out',
      f([[ON, 0, 1, 1]], { fallthroughIncludedInExpt: false }),
      user,
      served(ON, 'default', false),
    ),
    one('exptRollout 1 over the full width', f([[ON, 0, 1, 1]]), user, served(ON, 'default', true)),
    one('exptRollout 0', f([[ON, 0, 1, 0]]), user, served(ON, 'default', false)),
    one(
      'hash vector exptreturn-10p-true…: exptRollout equal to the bucket (inclusive)',
      f([[ON, 0, 1, ex]]),
      user,
      served(ON, 'default', true),
    ),
    one(
      'hash vector exptreturn-10p-true…: exptRollout one step below the bucket',
      f([[ON, 0, 1, ex - STEP]]),
      user,
      served(ON, 'default', false),
    ),
    one('exptRollout 0.2 over width 1', f([[ON, 0, 1, 0.2]]), user, served(ON, 'default', true)),
    one('exptRollout 0.1 over width 1', f([[ON, 0, 1, 0.1]]), user, served(ON, 'default', false)),
    one(
      'exptRollout / width: 0.06 / 0.5',
      f([
        [OFF, 0, 0.5, 0.05],
        [ON, 0.5, 1, 0.06],
      ]),
      user,
      served(ON, 'default', true),
    ),
    one(
      'exptRollout / width: 0.05 / 0.5',
      f([
        [OFF, 0, 0.5, 0.05],
        [ON, 0.5, 1, 0.05],
      ]),
      user,
      served(ON, 'default', false),
    ),
    one(
      'exptRollout above the width caps at 1',
      f([
        [OFF, 0, 0.5, 0],
        [ON, 0.5, 1, 0.9],
      ]),
      user,
      served(ON, 'default', true),
    ),
    one(
      'upper bound within 1e-5 of 1 uses the shortcut',
      f([[ON, 0, 1, 0.999995]]),
      user,
      served(ON, 'default', true),
    ),
    one(
      "a matched rule uses its own includedInExpt (true, fallthrough's false)",
      f([[OFF, 0, 1, 1]], { fallthroughIncludedInExpt: false, rules: [rule('r', [], [[ON, 0, 1, 0.2]])] }),
      user,
      served(ON, 'r', true),
    ),
    one(
      "a matched rule uses its own includedInExpt (false, fallthrough's true)",
      f([[OFF, 0, 1, 1]], { rules: [rule('r', [], [[ON, 0, 1, 1]], { includedInExpt: false })] }),
      user,
      served(ON, 'r', false),
    ),
    one(
      'hash vector exptmy-flaguser-1: expt key uses the custom dispatch value',
      wireFlag({
        key: 'my-flag',
        exptIncludeAllTargets: false,
        fallthrough: [[ON, 0, 1, 0.21]],
        fallthroughDispatchKey: 'account',
      }),
      u('zzz', { account: 'user-1' }),
      served(ON, 'default', true),
    ),
    one(
      'hash vector exptmy-flaguser-1: exptRollout below the bucket',
      wireFlag({
        key: 'my-flag',
        exptIncludeAllTargets: false,
        fallthrough: [[ON, 0, 1, 0.2]],
        fallthroughDispatchKey: 'account',
      }),
      u('zzz', { account: 'user-1' }),
      served(ON, 'default', false),
    ),
    one(
      'a selected zero-width interval is never in the experiment',
      wireFlag({ key: 'my-flag', exptIncludeAllTargets: false, fallthrough: pin(0.3866185671649873) }),
      u('user-1'),
      served(ON, 'default', false),
    ),
    one(
      'a rule with conditions and a 50/50 split',
      wireFlag({
        key: 'my-flag',
        rules: [
          rule(
            'beta',
            [c('beta', 'IsTrue', '')],
            [
              [ON, 0, 0.5],
              [OFF, 0.5, 1],
            ],
          ),
        ],
      }),
      u('user-2', { beta: 'true' }),
      served(ON, 'beta'),
    ),
  ];
}

/** `bucket` is node:crypto-based (see generate-cases.ts); used only to find the shortcut user. */
export function dispatchCases(bucket: (key: string) => number): ConformanceCase[][] {
  let i = 0;
  while (bucket(`shortcut-flaguser-${i}`) <= 0.99999) i++;
  return [vectorCases(), intervalCases(`user-${i}`), experimentCases()];
}
