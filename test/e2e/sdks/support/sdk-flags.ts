import { randomUUID } from 'node:crypto';
import type { FeatureFlag, TargetRule } from '../../../../src/core/flags/feature-flag';
import { SEGMENT_IN } from '../../../../src/core/flags/feature-flag';
import type { ManagementClient } from '../../support/management-client';
import type { FlagRef, WireUser } from './sdk-harness';

// The flags every official SDK is checked on, created through the management API as a user would:
// all four variation types, individual targets, rules on several operators, two segments (listed
// users and a rule) and percentage rollouts in rules and in the default rule.

export const SDK_FLAGS: FlagRef[] = [
  { key: 'sdk-bool', type: 'boolean' },
  { key: 'sdk-string', type: 'string' },
  { key: 'sdk-number', type: 'number' },
  { key: 'sdk-json', type: 'json' },
  { key: 'sdk-off', type: 'string' },
];

const COUNTRIES = ['nl', 'de', 'at', 'fr', 'us'];
const PLANS = ['free', 'pro', 'team', 'trial'];

/** `count` users spread over the rules' attributes; keys decide the rollout buckets. */
export function sdkUsers(count: number): WireUser[] {
  return Array.from({ length: count }, (_, i) => ({
    keyId: `u-${i}`,
    name: `user ${i}`,
    customizedProperties: [
      { name: 'country', value: COUNTRIES[i % COUNTRIES.length] },
      { name: 'plan', value: PLANS[Math.floor(i / 5) % PLANS.length] },
      { name: 'age', value: String(18 + ((i * 7) % 60)) },
      { name: 'email', value: i % 3 === 0 ? `u${i}@corp.io` : `u${i}@example.com` },
    ],
  }));
}

type Split = [variationId: string, from: number, to: number][];

function rule(name: string, conditions: [string, string | null, string][], split: Split): TargetRule {
  return {
    id: randomUUID(),
    name,
    dispatchKey: null,
    includedInExpt: false,
    conditions: conditions.map(([property, op, value]) => ({ id: randomUUID(), property, op, value })),
    variations: split.map(([id, a, b]) => ({ id, rollout: [a, b], exptRollout: 1 })),
  };
}

function fallthrough(split: Split): FeatureFlag['fallthrough'] {
  return {
    dispatchKey: null,
    includedInExpt: true,
    variations: split.map(([id, a, b]) => ({ id, rollout: [a, b], exptRollout: 1 })),
  };
}

async function createSegment(
  api: ManagementClient,
  envId: string,
  key: string,
  targeting: { included: string[]; excluded: string[]; rules: { name: string; conditions: unknown[] }[] },
): Promise<string> {
  const segment = await api.ok<{ id: string }>('POST', `/envs/${envId}/segments`, { name: key, key });
  await api.ok('PUT', `/envs/${envId}/segments/${segment.id}/targeting`, targeting);
  return segment.id;
}

export async function createSdkFlags(api: ManagementClient, envId: string): Promise<void> {
  const beta = await createSegment(api, envId, 'sdk-beta', {
    included: ['u-3', 'u-33', 'u-333', 'u-13'],
    excluded: ['u-13'],
    rules: [],
  });
  const dach = await createSegment(api, envId, 'sdk-dach', {
    included: [],
    excluded: ['u-1'],
    rules: [
      { name: 'german-speaking', conditions: [{ property: 'country', op: 'IsOneOf', value: '["de","at"]' }] },
    ],
  });

  const bool = await api.createFlag(envId, {
    key: 'sdk-bool',
    variationType: 'boolean',
    values: ['true', 'false'],
  });
  const [on, off] = bool.variations.map((v) => v.id);
  await api.updateTargeting(envId, 'sdk-bool', {
    targetUsers: [{ keyIds: ['u-7', 'u-77'], variationId: on }],
    rules: [
      rule('beta', [[SEGMENT_IN, null, JSON.stringify([beta])]], [[on, 0, 1]]),
      rule(
        'older dutch',
        [
          ['country', 'Equal', 'nl'],
          ['age', 'BiggerThan', '40'],
        ],
        [[on, 0, 1]],
      ),
    ],
    fallthrough: fallthrough([
      [on, 0, 0.3],
      [off, 0.3, 1],
    ]),
  });

  const str = await api.createFlag(envId, {
    key: 'sdk-string',
    variationType: 'string',
    values: ['blue', 'green', 'red'],
  });
  const [blue, green, red] = str.variations.map((v) => v.id);
  await api.updateTargeting(envId, 'sdk-string', {
    rules: [
      rule('paying', [['plan', 'IsOneOf', '["pro","team"]']], [[red, 0, 1]]),
      rule(
        'corp',
        [['email', 'EndsWith', '@corp.io']],
        [
          [blue, 0, 0.5],
          [green, 0.5, 1],
        ],
      ),
      rule(
        'trial',
        [
          ['plan', 'StartsWith', 'tri'],
          ['email', 'Contains', '7'],
        ],
        [[blue, 0, 1]],
      ),
    ],
    fallthrough: fallthrough([[green, 0, 1]]),
  });

  const num = await api.createFlag(envId, {
    key: 'sdk-number',
    variationType: 'number',
    values: ['42', '7.5', '-3'],
  });
  const [n42, n75, nm3] = num.variations.map((v) => v.id);
  await api.updateTargeting(envId, 'sdk-number', {
    rules: [rule('young', [['age', 'LessThan', '25']], [[n75, 0, 1]])],
    fallthrough: fallthrough([
      [n42, 0, 0.34],
      [n75, 0.34, 0.67],
      [nm3, 0.67, 1],
    ]),
  });

  const json = await api.createFlag(envId, {
    key: 'sdk-json',
    variationType: 'json',
    values: ['{"size":"L","tags":["a"]}', '{"size":"S"}'],
  });
  const [large, small] = json.variations.map((v) => v.id);
  await api.updateTargeting(envId, 'sdk-json', {
    rules: [rule('dach', [[SEGMENT_IN, null, JSON.stringify([dach])]], [[large, 0, 1]])],
    fallthrough: fallthrough([[small, 0, 1]]),
  });

  await api.createFlag(envId, {
    key: 'sdk-off',
    variationType: 'string',
    values: ['on-value', 'off-value'],
    isEnabled: false,
  });
}

/** A flag each SDK changes on its own, so the SDKs' checks stay independent. */
export async function createChangeFlag(api: ManagementClient, envId: string, key: string): Promise<void> {
  await api.createFlag(envId, { key, variationType: 'string', values: ['before', 'after'] });
}

/** A wire value (always a string) as the typed value an SDK returns for a flag of that type. */
export function typedValue(type: FlagRef['type'], wire: string): unknown {
  if (type === 'boolean') return wire === 'true';
  if (type === 'number') return Number(wire);
  if (type === 'json') return JSON.parse(wire) as unknown;
  return wire;
}

/** The product's own evaluation of the flags for each user (REST, with the server secret). */
export async function restEvaluate(
  baseUrl: string,
  secret: string,
  users: WireUser[],
  keys: string[],
): Promise<{ value: string; id: string }[][]> {
  const out: { value: string; id: string }[][] = [];
  for (const user of users) {
    const res = await fetch(`${baseUrl}/api/public/featureflag/evaluate`, {
      method: 'POST',
      headers: { authorization: secret, 'content-type': 'application/json' },
      body: JSON.stringify({ user, filter: { keys } }),
    });
    if (res.status !== 200) throw new Error(`evaluate → ${res.status} ${await res.text()}`);
    const byKey = new Map(
      ((await res.json()) as { key: string; variation: { id: string; value: string } }[]).map((r) => [
        r.key,
        r.variation,
      ]),
    );
    out.push(keys.map((k) => byKey.get(k) ?? { id: '', value: '<missing>' }));
  }
  return out;
}
