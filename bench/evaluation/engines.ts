// One adapter per evaluator for the two workloads. Contexts are built up front in each engine's
// own format, so the timed loop measures evaluation only. Every adapter returns the served variant
// name ('r1' | 'r2' | 'r3' | 'on' | 'off') so run.ts can check that all engines do the same work.
import { EventEmitter } from 'node:events';
import { FlagdCore } from '@openfeature/flagd-core';
import { GrowthBookClient } from '@growthbook/growthbook';
import UnleashClient from 'unleash-client/lib/client';
import { defaultStrategies } from 'unleash-client/lib/strategy';
import Context from '@featbit/node-server-sdk/dist/cjs/Context';
import FeatBitEvaluator from '@featbit/node-server-sdk/dist/cjs/evaluation/Evaluator';
import InMemoryStore from '@featbit/node-server-sdk/dist/cjs/store/InMemoryStore';
import NodeCrypto from '@featbit/node-server-sdk/dist/cjs/platform/node/NodeCrypto';
import { deserializeAll } from '@featbit/node-server-sdk/dist/cjs/store/serialization';
import { EnvironmentEvaluator } from '../../src/core/evaluation';
import type { EndUser } from '../../src/core/end-users/end-user';
import type { FeatureFlag } from '../../src/core/flags/feature-flag';
import type { WireSegment } from '../../src/core/segments/segment';
import { RULE1_COUNTRIES, RULE3_COUNTRIES, type NeutralUser, type SegmentWorkload } from './workloads';

export interface Engine {
  name: string;
  evaluate(i: number): string;
}

export type Workload = { kind: 'rules'; users: NeutralUser[] } | { kind: 'segments'; data: SegmentWorkload };

const FLAG_KEY = 'bench-flag';
const SEGMENT_IDS = [
  '5e600000-0000-4000-8000-000000000001',
  '5e600000-0000-4000-8000-000000000002',
  '5e600000-0000-4000-8000-000000000003',
];

// ---------- FeatBit wire data (ours and the FeatBit Node SDK) ----------

function featbitFlag(workload: Workload): FeatureFlag {
  const v = (name: string) => ({ id: `var-${name}`, name, value: name });
  const cond = (property: string, op: string, value: string) => ({ property, op, value });
  const serve = (name: string) => [
    { id: `var-${name}`, rollout: [0, 1] as [number, number], exptRollout: 1 },
  ];
  const rule = (name: string, conditions: ReturnType<typeof cond>[], serves: ReturnType<typeof serve>) => ({
    id: `rule-${name}`,
    name,
    dispatchKey: null,
    includedInExpt: false,
    conditions,
    variations: serves,
  });
  const rules =
    workload.kind === 'rules'
      ? [
          rule(
            'enterprise',
            [
              cond('country', 'IsOneOf', JSON.stringify(RULE1_COUNTRIES)),
              cond('plan', 'Equal', 'enterprise'),
              cond('age', 'BiggerThan', '30'),
            ],
            serve('r1'),
          ),
          rule(
            'beta testers',
            [
              cond('email', 'EndsWith', '@example.com'),
              cond('beta', 'IsTrue', 'IsTrue'),
              cond('country', 'NotEqual', 'CN'),
            ],
            serve('r2'),
          ),
          rule(
            'emerging',
            [
              cond('country', 'IsOneOf', JSON.stringify(RULE3_COUNTRIES)),
              cond('plan', 'NotEqual', 'free'),
              cond('age', 'BiggerEqualThan', '18'),
            ],
            serve('r3'),
          ),
        ]
      : [rule('segments', [cond('User is in segment', 'IsOneOf', JSON.stringify(SEGMENT_IDS))], serve('on'))];
  const fallthrough =
    workload.kind === 'rules'
      ? [
          { id: 'var-on', rollout: [0, 0.5] as [number, number], exptRollout: 0.5 },
          { id: 'var-off', rollout: [0.5, 1] as [number, number], exptRollout: 0.5 },
        ]
      : serve('off');
  return {
    id: 'f1a90000-0000-4000-8000-000000000001',
    envId: '0e0e0e0e-0000-4000-8000-000000000001',
    revision: '',
    name: 'bench',
    description: '',
    key: FLAG_KEY,
    variationType: 'string',
    variations: ['r1', 'r2', 'r3', 'on', 'off'].map(v),
    targetUsers: [],
    rules,
    isEnabled: true,
    disabledVariationId: 'var-off',
    fallthrough: { dispatchKey: null, includedInExpt: false, variations: fallthrough },
    exptIncludeAllTargets: false,
    tags: [],
    isArchived: false,
    creatorId: '',
    updatorId: '',
    createdAt: '2024-05-01T00:00:00.000Z',
    updatedAt: '2024-05-01T00:00:00.000Z',
  };
}

function featbitSegments(workload: Workload): WireSegment[] {
  if (workload.kind !== 'segments') return [];
  return workload.data.segments.map((included, i) => ({
    id: SEGMENT_IDS[i],
    envId: '0e0e0e0e-0000-4000-8000-000000000001',
    name: `segment ${i}`,
    key: `segment-${i}`,
    description: '',
    included,
    excluded: [],
    rules: [],
    tags: [],
    isArchived: false,
    createdAt: '2024-05-01T00:00:00.000Z',
    updatedAt: '2024-05-01T00:00:00.000Z',
  }));
}

const usersOf = (w: Workload): NeutralUser[] => (w.kind === 'rules' ? w.users : w.data.users);

function featbitUser(u: NeutralUser): EndUser {
  return {
    keyId: u.key,
    name: u.key,
    customizedProperties: [
      { name: 'country', value: u.country },
      { name: 'plan', value: u.plan },
      { name: 'age', value: String(u.age) },
      { name: 'email', value: u.email },
      { name: 'beta', value: String(u.beta) },
    ],
  };
}

export function ours(w: Workload): Engine {
  const evaluator = new EnvironmentEvaluator();
  evaluator.setSegments(featbitSegments(w));
  evaluator.setFlags([featbitFlag(w)]);
  const users = usersOf(w).map(featbitUser);
  return { name: 'featbit-ts (this repo)', evaluate: (i) => evaluator.evaluate(FLAG_KEY, users[i])!.value! };
}

export function featbitNodeSdk(w: Workload): Engine {
  const store = new InMemoryStore();
  store.init(
    deserializeAll([featbitFlag(w)] as never, featbitSegments(w) as never) as never,
    () => undefined,
  );
  const evaluator = new FeatBitEvaluator({ crypto: new NodeCrypto() } as never, store);
  const contexts = usersOf(w).map((u) => {
    const fu = featbitUser(u);
    return Context.fromUser({
      key: fu.keyId,
      name: fu.name!,
      customizedProperties: fu.customizedProperties as never,
    });
  });
  return {
    name: '@featbit/node-server-sdk Evaluator',
    evaluate: (i) => evaluator.evaluate(FLAG_KEY, contexts[i])[0].value,
  };
}

// ---------- flagd (JsonLogic) ----------

const silent = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

export function flagd(w: Workload): Engine {
  const v = (name: string) => ({ var: name });
  const targeting =
    w.kind === 'rules'
      ? {
          if: [
            {
              and: [
                { in: [v('country'), RULE1_COUNTRIES] },
                { '==': [v('plan'), 'enterprise'] },
                { '>': [v('age'), 30] },
              ],
            },
            'r1',
            {
              and: [
                { ends_with: [v('email'), '@example.com'] },
                { '==': [v('beta'), true] },
                { '!=': [v('country'), 'CN'] },
              ],
            },
            'r2',
            {
              and: [
                { in: [v('country'), RULE3_COUNTRIES] },
                { '!=': [v('plan'), 'free'] },
                { '>=': [v('age'), 18] },
              ],
            },
            'r3',
            {
              fractional: [
                ['on', 50],
                ['off', 50],
              ],
            },
          ],
        }
      : { if: [{ or: [{ $ref: 'seg0' }, { $ref: 'seg1' }, { $ref: 'seg2' }] }, 'on', 'off'] };
  const evaluators =
    w.kind === 'segments'
      ? Object.fromEntries(
          w.data.segments.map((members, i) => [`seg${i}`, { in: [v('targetingKey'), members] }]),
        )
      : {};
  const core = new FlagdCore(undefined, silent);
  core.setConfigurations(
    JSON.stringify({
      $evaluators: evaluators,
      flags: {
        [FLAG_KEY]: {
          state: 'ENABLED',
          defaultVariant: 'off',
          variants: { r1: 'r1', r2: 'r2', r3: 'r3', on: 'on', off: 'off' },
          targeting,
        },
      },
    }),
  );
  const contexts = usersOf(w).map((u) => ({
    targetingKey: u.key,
    country: u.country,
    plan: u.plan,
    age: u.age,
    email: u.email,
    beta: u.beta,
  }));
  return {
    name: '@openfeature/flagd-core',
    evaluate: (i) => core.resolveStringEvaluation(FLAG_KEY, 'off', contexts[i], silent).value,
  };
}

// ---------- GrowthBook ----------

export function growthbook(w: Workload): Engine {
  const rules =
    w.kind === 'rules'
      ? [
          {
            condition: { country: { $in: RULE1_COUNTRIES }, plan: 'enterprise', age: { $gt: 30 } },
            force: 'r1',
          },
          {
            condition: { email: { $regex: '@example\\.com$' }, beta: true, country: { $ne: 'CN' } },
            force: 'r2',
          },
          {
            condition: { country: { $in: RULE3_COUNTRIES }, plan: { $ne: 'free' }, age: { $gte: 18 } },
            force: 'r3',
          },
          { force: 'on', coverage: 0.5, hashAttribute: 'id' },
        ]
      : [{ condition: { $or: [0, 1, 2].map((i) => ({ id: { $inGroup: `seg${i}` } })) }, force: 'on' }];
  const savedGroups =
    w.kind === 'segments' ? Object.fromEntries(w.data.segments.map((m, i) => [`seg${i}`, m])) : {};
  const client = new GrowthBookClient();
  client.initSync({
    payload: { features: { [FLAG_KEY]: { defaultValue: 'off', rules } }, savedGroups } as never,
  });
  const contexts = usersOf(w).map((u) => ({
    attributes: { id: u.key, country: u.country, plan: u.plan, age: u.age, email: u.email, beta: u.beta },
  }));
  return {
    name: '@growthbook/growthbook (GrowthBookClient)',
    evaluate: (i) => client.evalFeature(FLAG_KEY, contexts[i]).value as string,
  };
}

// ---------- Unleash ----------

export function unleash(w: Workload): Engine {
  const variant = (name: string) => [{ name, weight: 1000, stickiness: 'default', weightType: 'variable' }];
  // Numeric operators take a single `value`; list and string operators take `values`.
  const c = (contextName: string, operator: string, values: string[]) =>
    operator.startsWith('NUM_')
      ? { contextName, operator, value: values[0] }
      : { contextName, operator, values };
  const strategy = (constraints: object[], name: string, segments: number[] = []) => ({
    name: 'default',
    parameters: {},
    constraints,
    segments,
    variants: variant(name),
  });
  const strategies =
    w.kind === 'rules'
      ? [
          strategy(
            [
              c('country', 'IN', RULE1_COUNTRIES),
              c('plan', 'IN', ['enterprise']),
              c('age', 'NUM_GT', ['30']),
            ],
            'r1',
          ),
          strategy(
            [
              c('email', 'STR_ENDS_WITH', ['@example.com']),
              c('beta', 'IN', ['true']),
              c('country', 'NOT_IN', ['CN']),
            ],
            'r2',
          ),
          strategy(
            [c('country', 'IN', RULE3_COUNTRIES), c('plan', 'NOT_IN', ['free']), c('age', 'NUM_GTE', ['18'])],
            'r3',
          ),
          {
            name: 'flexibleRollout',
            parameters: { rollout: '50', stickiness: 'userId', groupId: FLAG_KEY },
            constraints: [],
            variants: variant('on'),
          },
        ]
      : [1, 2, 3].map((id) => strategy([], 'on', [id]));
  const segments = new Map(
    w.kind === 'segments'
      ? w.data.segments.map((members, i) => [
          i + 1,
          { id: i + 1, name: `seg${i}`, constraints: [c('userId', 'IN', members)] },
        ])
      : [],
  );
  const toggle = {
    name: FLAG_KEY,
    enabled: true,
    type: 'release',
    project: 'default',
    stale: false,
    impressionData: false,
    strategies,
    variants: [],
  };
  const repository = Object.assign(new EventEmitter(), {
    getToggle: (name: string) => (name === FLAG_KEY ? toggle : undefined),
    getToggles: () => [toggle],
    getTogglesWithSegmentData: () => [toggle],
    getSegment: (id: number) => segments.get(id),
    stop: () => undefined,
    start: () => Promise.resolve(),
  });
  const client = new UnleashClient(repository as never, defaultStrategies);
  const contexts = usersOf(w).map((u) => ({
    userId: u.key,
    properties: {
      country: u.country,
      plan: u.plan,
      age: String(u.age),
      email: u.email,
      beta: String(u.beta),
    },
  }));
  return {
    name: 'unleash-client (UnleashClient)',
    evaluate: (i) => {
      const result = client.getVariant(FLAG_KEY, contexts[i]);
      return result.enabled ? result.name : 'off';
    },
  };
}

export const ENGINES = [ours, featbitNodeSdk, flagd, growthbook, unleash];
