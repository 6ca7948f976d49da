import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FbClientBuilder, UserBuilder } from '@featbit/node-server-sdk';
import type * as UnleashClient from 'unleash-client';
import type { FeatureFlag } from '../../src/core/flags/feature-flag';
import { nowUs } from '../els/histogram';
import { openEnvironment } from '../els/seed';
import { buildRequest } from './http-load';
import { type Server, UNLEASH_TOKENS } from './servers';

// Each server seen the same way by the bench: equivalent flags, the requests of each measure, its
// management API's toggle, and its server SDK waiting for a toggle. Every flag is a boolean with one
// rule (country in [us, ca] → on) and otherwise a 50/50 percentage rollout: featbit-ts a targeting
// rule and a split default rule, Unleash a flexibleRollout strategy at 100 % with a constraint
// followed by a flexibleRollout at 50 %.

export const COUNTRIES = ['us', 'de', 'fr', 'jp', 'br', 'in', 'gb', 'ca'];
export const RULE_COUNTRIES = ['us', 'ca'];
/** The flag toggled by the toggle measures (present at every flag count). */
export const TOGGLED = 'peer-flag-0';

export const flagKey = (i: number) => `peer-flag-${i}`;
const country = (n: number) => COUNTRIES[n % COUNTRIES.length];

export interface Endpoint {
  label: string;
  request(n: number): Buffer;
}

/** A connected server SDK: resolves with the arrival time (µs) of the flag's new state. */
export interface SdkProbe {
  next(key: string, on: boolean): Promise<number>;
  close(): Promise<void>;
}

export interface Side {
  name: string;
  server: Server;
  /** Adds flags until the environment has `count`. */
  seed(count: number): Promise<void>;
  clientEval: Endpoint[];
  payload: Endpoint[];
  toggle(key: string, on: boolean): Promise<void>;
  /** Whether the server-SDK payload shows the flag in state `on` (visibility probe). */
  shows(key: string, on: boolean): Promise<boolean>;
  connectSdk(): Promise<SdkProbe>;
  /** How the SDK receives changes, for the table. */
  sdkMode: string;
}

async function pool(from: number, to: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = from;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < to) await work(next++);
    }),
  );
}

export async function featbitSide(server: Server): Promise<Side> {
  const base = `http://127.0.0.1:${server.port}`;
  const env = await openEnvironment(base);
  const { api, envId } = env;
  let seeded = 0;
  const user = (n: number) => ({
    keyId: `peer-user-${n}`,
    name: `user ${n}`,
    customizedProperties: [{ name: 'country', value: country(n) }],
  });
  const client = { Authorization: env.clientSecret };
  const server_ = { Authorization: env.serverSecret };
  const latestAll = '/api/public/sdk/server/latest-all?timestamp=0';
  return {
    name: 'featbit-ts',
    server,
    sdkMode: 'streaming (WebSocket push)',
    async seed(count) {
      await pool(seeded, count, async (i) => {
        const flag: FeatureFlag = await api.createFlag(envId, {
          key: flagKey(i),
          variationType: 'boolean',
          values: ['true', 'false'],
        });
        const [on, off] = flag.variations.map((v) => v.id);
        await api.ok('PUT', `/envs/${envId}/feature-flags/${flag.key}/targeting`, {
          revision: flag.revision,
          targeting: {
            targetUsers: [],
            rules: [
              {
                id: randomUUID(),
                name: 'north america',
                dispatchKey: null,
                includedInExpt: false,
                conditions: [
                  {
                    id: randomUUID(),
                    property: 'country',
                    op: 'IsOneOf',
                    value: JSON.stringify(RULE_COUNTRIES),
                  },
                ],
                variations: [{ id: on, rollout: [0, 1], exptRollout: 1 }],
              },
            ],
            fallthrough: {
              dispatchKey: null,
              includedInExpt: true,
              variations: [
                { id: on, rollout: [0, 0.5], exptRollout: 1 },
                { id: off, rollout: [0.5, 1], exptRollout: 1 },
              ],
            },
            exptIncludeAllTargets: true,
          },
        });
      });
      seeded = Math.max(seeded, count);
    },
    clientEval: [
      {
        label: 'POST /ofrep/v1/evaluate/flags',
        request: (n) =>
          buildRequest(
            'POST',
            '/ofrep/v1/evaluate/flags',
            server.port,
            client,
            JSON.stringify({ context: { targetingKey: `peer-user-${n}`, country: country(n) } }),
          ),
      },
      {
        label: 'POST /api/public/sdk/client/latest-all',
        request: (n) =>
          buildRequest(
            'POST',
            '/api/public/sdk/client/latest-all?timestamp=0',
            server.port,
            client,
            JSON.stringify(user(n)),
          ),
      },
    ],
    payload: ['identity', 'gzip', 'br'].map((coding) => ({
      label: `GET /api/public/sdk/server/latest-all, ${coding}`,
      request: () => buildRequest('GET', latestAll, server.port, { ...server_, 'Accept-Encoding': coding }),
    })),
    toggle: async (key, on) => {
      await api.toggleFlag(envId, key, on);
    },
    async shows(key, on) {
      const res = await fetch(base + latestAll, { headers: server_ });
      const body = (await res.json()) as { data: { featureFlags: { key: string; isEnabled: boolean }[] } };
      return body.data.featureFlags.find((f) => f.key === key)?.isEnabled === on;
    },
    async connectSdk() {
      const sdk = new FbClientBuilder()
        .sdkKey(env.serverSecret)
        .streamingUri(`ws://127.0.0.1:${server.port}`)
        .eventsUri(base)
        .disableEvents(true)
        .logLevel('error')
        .build();
      await sdk.waitForInitialization();
      const probeUser = new UserBuilder('probe').custom('country', 'us').build();
      return {
        next: (key, on) =>
          new Promise<number>((resolve) => {
            const listener = () => {
              const at = nowUs();
              void sdk.boolVariation(key, probeUser, !on).then((value) => {
                if (value !== on) return;
                sdk.off(`update:${key}`, listener);
                resolve(at);
              });
            };
            sdk.on(`update:${key}`, listener);
          }),
        close: () => sdk.close(),
      };
    },
  };
}

/** The unleash-client installed beside unleash-server (types from the root's same-version copy). */
function loadUnleashClient(): typeof UnleashClient {
  const load = createRequire(join(__dirname, 'unleash', 'package.json'));
  return load('unleash-client') as typeof UnleashClient;
}

export function unleashSide(server: Server, refreshIntervalMs: number): Side {
  const base = `http://127.0.0.1:${server.port}`;
  const project = `${base}/api/admin/projects/default/features`;
  const adminCall = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(url, {
      method,
      headers: { Authorization: UNLEASH_TOKENS.admin, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300 && res.status !== 409)
      throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const strategies = (key: string) => `${project}/${key}/environments/development/strategies`;
  let seeded = 0;
  return {
    name: 'Unleash',
    server,
    sdkMode: `polling every ${refreshIntervalMs} ms (unleash-client)`,
    async seed(count) {
      if (seeded === 0) await adminCall('POST', `${base}/api/admin/context`, { name: 'country' });
      await pool(seeded, count, async (i) => {
        const key = flagKey(i);
        await adminCall('POST', project, { name: key, type: 'release' });
        const rollout = (percent: number) => ({
          rollout: String(percent),
          stickiness: 'default',
          groupId: key,
        });
        await adminCall('POST', strategies(key), {
          name: 'flexibleRollout',
          constraints: [
            {
              contextName: 'country',
              operator: 'IN',
              values: RULE_COUNTRIES,
              caseInsensitive: false,
              inverted: false,
            },
          ],
          parameters: rollout(100),
        });
        await adminCall('POST', strategies(key), {
          name: 'flexibleRollout',
          constraints: [],
          parameters: rollout(50),
        });
        await adminCall('POST', `${project}/${key}/environments/development/on`);
      });
      seeded = Math.max(seeded, count);
    },
    clientEval: [
      {
        label: 'GET /api/frontend?userId&country',
        request: (n) =>
          buildRequest('GET', `/api/frontend?userId=peer-user-${n}&country=${country(n)}`, server.port, {
            Authorization: UNLEASH_TOKENS.frontend,
          }),
      },
    ],
    // Express's compression middleware (brotli and gzip), compressing each answer anew.
    payload: ['identity', 'gzip', 'br'].map((coding) => ({
      label: `GET /api/client/features, ${coding}`,
      request: () =>
        buildRequest('GET', '/api/client/features', server.port, {
          Authorization: UNLEASH_TOKENS.client,
          'Accept-Encoding': coding,
        }),
    })),
    toggle: (key, on) => adminCall('POST', `${project}/${key}/environments/development/${on ? 'on' : 'off'}`),
    async shows(key, on) {
      const res = await fetch(`${base}/api/client/features`, {
        headers: { Authorization: UNLEASH_TOKENS.client },
      });
      const body = (await res.json()) as { features: { name: string; enabled: boolean }[] };
      return body.features.find((f) => f.name === key)?.enabled === on;
    },
    async connectSdk() {
      const { Unleash } = loadUnleashClient();
      const sdk = new Unleash({
        url: `${base}/api`,
        appName: 'peers-bench',
        customHeaders: { Authorization: UNLEASH_TOKENS.client },
        refreshInterval: refreshIntervalMs,
        disableMetrics: true,
      });
      await new Promise<void>((resolve, reject) => {
        sdk.once('synchronized', () => resolve());
        sdk.once('error', reject);
      });
      sdk.on('error', () => {});
      return {
        next: (key, on) =>
          new Promise<number>((resolve) => {
            const listener = () => {
              if (sdk.getFeatureToggleDefinition(key)?.enabled !== on) return;
              sdk.off('changed', listener);
              resolve(nowUs());
            };
            sdk.on('changed', listener);
          }),
        close: () => {
          sdk.destroy();
          return Promise.resolve();
        },
      };
    },
  };
}
