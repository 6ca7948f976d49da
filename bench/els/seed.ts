import { randomUUID } from 'node:crypto';
import type { FeatureFlag, RolloutVariation, TargetRule } from '../../src/core/flags/feature-flag';
import { type ManagementClient, signIn } from '../../test/e2e/support/management-client';

// Seeds an environment through the management API, as a user would: segments, then flags with
// rules and percentage rollouts. Two mixes: a typical 20-flag environment and FeatBit's large
// 3,000-flag inventory (2,500 string flags + 500 JSON flags of about 2 KiB per variation).

export const COUNTRIES = ['us', 'de', 'fr', 'jp', 'br', 'in', 'gb', 'ca'];
export const PLANS = ['free', 'pro', 'enterprise'];
/** The flag the fan-out scenario toggles. */
export const FANOUT_FLAG = 'bench-fanout';
/** The flag whose targeting the client scenario changes (string: on-value "blue", else "green"). */
export const CLIENT_FLAG = 'bench-client';

/**
 * The targeting change the client and change scenarios make to CLIENT_FLAG (on its current
 * revision): users whose country is one of `countries` get "blue", everyone else "green".
 */
export async function setCountryRule(env: SeededEnv, flag: FeatureFlag, countries: string[], name: string) {
  const [blue, green] = flag.variations;
  await env.api.ok('PUT', `/envs/${env.envId}/feature-flags/${CLIENT_FLAG}/targeting`, {
    revision: flag.revision,
    targeting: {
      targetUsers: [],
      rules: [
        {
          id: randomUUID(),
          name,
          dispatchKey: null,
          includedInExpt: false,
          conditions: [{ property: 'country', op: 'IsOneOf', value: JSON.stringify(countries) }],
          variations: [{ id: blue.id, rollout: [0, 1], exptRollout: 1 }],
        },
      ],
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [{ id: green.id, rollout: [0, 1], exptRollout: 1 }],
      },
      exptIncludeAllTargets: true,
    },
  });
}

export interface SeededEnv {
  api: ManagementClient;
  envId: string;
  serverSecret: string;
  clientSecret: string;
  flagKeys: string[];
}

const KINDS = ['boolean', 'string', 'number', 'json'] as const;

/** The key of the standard environment's i-th flag (0: fan-out flag, 1: client-scenario flag). */
export function standardFlagKey(i: number): string {
  return i === 0 ? FANOUT_FLAG : i === 1 ? CLIENT_FLAG : `flag-${i}-${KINDS[i % 4]}`;
}

const full = (id: string): RolloutVariation[] => [{ id, rollout: [0, 1], exptRollout: 1 }];
const split = (ids: string[]): RolloutVariation[] =>
  ids.map((id, i) => ({ id, rollout: [i / ids.length, (i + 1) / ids.length], exptRollout: 1 }));

function rule(name: string, property: string, op: string | null, value: string, serve: RolloutVariation[]) {
  return {
    id: randomUUID(),
    name,
    dispatchKey: null,
    includedInExpt: false,
    conditions: [{ id: randomUUID(), property, op, value }],
    variations: serve,
  } as TargetRule;
}

async function setTargeting(
  api: ManagementClient,
  envId: string,
  flag: FeatureFlag,
  rules: TargetRule[],
  fallthrough: RolloutVariation[],
) {
  await api.ok('PUT', `/envs/${envId}/feature-flags/${flag.key}/targeting`, {
    revision: flag.revision,
    targeting: {
      targetUsers: [],
      rules,
      fallthrough: { dispatchKey: null, includedInExpt: true, variations: fallthrough },
      exptIncludeAllTargets: true,
    },
  });
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(
  items: T[],
  limit: number,
  work: (item: T, i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  });
  await Promise.all(lanes);
}

async function createSegment(
  api: ManagementClient,
  envId: string,
  key: string,
  included: string[],
  rules: unknown[],
) {
  const segment = await api.ok<{ id: string }>('POST', `/envs/${envId}/segments`, { name: key, key });
  await api.ok('PUT', `/envs/${envId}/segments/${segment.id}/targeting`, { included, excluded: [], rules });
  return segment.id;
}

/** Signs in (the bench admin of the first boot) and returns an environment of project "default". */
export async function openEnvironment(baseUrl: string, envKey = 'dev'): Promise<Omit<SeededEnv, 'flagKeys'>> {
  const api = await signIn(baseUrl, undefined, undefined, 60_000);
  const env = await api.environment(envKey);
  return {
    api,
    envId: env.id,
    serverSecret: env.secrets.find((s) => s.type === 'server')!.value,
    clientSecret: env.secrets.find((s) => s.type === 'client')!.value,
  };
}

/**
 * The typical environment: `count` flags of four kinds (boolean with a country rule and a 50/50
 * rollout, string with a plan rule and a segment rule, number with an age rule, small JSON with a
 * three-way split), two segments, plus the fan-out and client-scenario flags among them.
 */
export async function seedStandard(baseUrl: string, count = 20): Promise<SeededEnv> {
  const env = await openEnvironment(baseUrl);
  const { api, envId } = env;
  const beta = await createSegment(
    api,
    envId,
    'beta-testers',
    Array.from({ length: 200 }, (_, i) => `u-${i * 7}`),
    [],
  );
  const eu = await createSegment(
    api,
    envId,
    'europe',
    [],
    [
      {
        name: 'eu',
        conditions: [{ property: 'country', op: 'IsOneOf', value: JSON.stringify(['de', 'fr', 'gb']) }],
      },
    ],
  );
  const specs = Array.from({ length: count }, (_, i) => i);
  const keys: string[] = [];
  await pool(specs, 4, async (i) => {
    const kind = i === 0 ? 'fanout' : i === 1 ? 'client' : KINDS[i % 4];
    const key = standardFlagKey(i);
    keys.push(key);
    const values =
      kind === 'boolean' || kind === 'fanout'
        ? ['true', 'false']
        : kind === 'string' || kind === 'client'
          ? kind === 'client'
            ? ['blue', 'green']
            : ['alpha', 'beta', 'gamma']
          : kind === 'number'
            ? ['10', '20', '30']
            : [
                '{"layout":"grid","columns":3}',
                '{"layout":"list","columns":1}',
                '{"layout":"cards","columns":2}',
              ];
    const variationType = kind === 'fanout' ? 'boolean' : kind === 'client' ? 'string' : kind;
    const flag = await api.createFlag(envId, { key, variationType, values });
    const ids = flag.variations.map((v) => v.id);
    if (kind === 'fanout') return; // toggled on and off: no rules needed
    if (kind === 'client') {
      await setTargeting(api, envId, flag, [], full(ids[1]));
      return;
    }
    const rules: TargetRule[] = [];
    let fallthrough = full(ids[0]);
    if (kind === 'boolean') {
      rules.push(rule('north america', 'country', 'IsOneOf', JSON.stringify(['us', 'ca']), full(ids[0])));
      fallthrough = split(ids);
    } else if (kind === 'string') {
      rules.push(rule('pro plan', 'plan', 'Equal', 'pro', full(ids[1])));
      rules.push(rule('beta', 'User is in segment', null, JSON.stringify([beta]), full(ids[2])));
      rules.push(rule('europe', 'User is in segment', null, JSON.stringify([eu]), split([ids[1], ids[2]])));
    } else if (kind === 'number') {
      rules.push(rule('adults 30+', 'age', 'BiggerThan', '30', full(ids[1])));
      fallthrough = split([ids[0], ids[2]]);
    } else {
      fallthrough = split(ids);
    }
    await setTargeting(api, envId, flag, rules, fallthrough);
  });
  return { ...env, flagKeys: keys };
}

/** A JSON document of about `bytes` bytes. */
function jsonOfSize(seed: number, bytes: number): string {
  const items: { id: number; label: string; enabled: boolean; weight: number }[] = [];
  let text = '';
  for (let i = 0; text.length < bytes - 60; i++) {
    items.push({
      id: seed * 1000 + i,
      label: `item-${seed}-${i}-${'x'.repeat(12)}`,
      enabled: i % 2 === 0,
      weight: i * 0.5,
    });
    text = JSON.stringify({ version: seed, items });
  }
  return text;
}

/**
 * FeatBit's large inventory: 2,500 string flags (three variations, a country rule, a 50/50
 * rollout) and 500 JSON flags with two variations of ~2 KiB each. Seeded `concurrency` at a time.
 */
export async function seedLarge(
  baseUrl: string,
  strings = 2500,
  jsons = 500,
  concurrency = 8,
  envKey = 'prod',
): Promise<SeededEnv> {
  const env = await openEnvironment(baseUrl, envKey);
  const { api, envId } = env;
  const keys: string[] = [];
  const specs = Array.from({ length: strings + jsons }, (_, i) => i);
  await pool(specs, concurrency, async (i) => {
    const json = i >= strings;
    const key = json ? `json-flag-${i - strings}` : `string-flag-${i}`;
    keys.push(key);
    const values = json
      ? [jsonOfSize(i, 2048), jsonOfSize(i + 1, 2048)]
      : ['control', 'treatment-a', 'treatment-b'];
    const flag = await api.createFlag(envId, { key, variationType: json ? 'json' : 'string', values });
    const ids = flag.variations.map((v) => v.id);
    const country = COUNTRIES[i % COUNTRIES.length];
    await setTargeting(
      api,
      envId,
      flag,
      [rule(`country ${country}`, 'country', 'IsOneOf', JSON.stringify([country]), full(ids[1]))],
      json ? split(ids) : split([ids[0], ids[2]]),
    );
  });
  return { ...env, flagKeys: keys };
}
