/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import { randomUUID } from 'node:crypto';
import { FbClientBuilder, type IFbClient, type IUser, UserBuilder } from '@featbit/node-server-sdk';
import type { TargetRule } from '../../../src/core/flags/feature-flag';
import { type EnvironmentInfo, type ManagementClient, signIn } from '../support/management-client';
import { EvaluationProduct, waitUntil } from './support/evaluation-product';

jest.setTimeout(240_000);

// The official FeatBit Node.js server SDK (npm) against the whole product: flags are created and
// changed through the management API; the SDK streams from the evaluation role and sends events.

function rule(name: string, property: string, op: string, value: string, variationId: string): TargetRule {
  return {
    id: randomUUID(),
    name,
    dispatchKey: null,
    includedInExpt: false,
    conditions: [{ id: randomUUID(), property, op, value }],
    variations: [{ id: variationId, rollout: [0, 1], exptRollout: 1 }],
  };
}

describe('@featbit/node-server-sdk against the product', () => {
  let app: EvaluationProduct;
  let api: ManagementClient;
  let env: EnvironmentInfo;
  let sdk: IFbClient;
  let serverSecret: string;

  const user = (key: string, props: Record<string, string> = {}): IUser => {
    const builder = new UserBuilder(key).name(`name of ${key}`);
    for (const [k, v] of Object.entries(props)) builder.custom(k, v);
    return builder.build();
  };
  const users = {
    vip: user('vip-1'),
    dutchPro: user('user-1', { country: 'nl', plan: 'pro', age: '31' }),
    germanFree: user('user-2', { country: 'de', plan: 'free', age: '20' }),
    plain: user('user-3'),
  };

  beforeAll(async () => {
    app = await EvaluationProduct.start({ roles: 'all', env: { LOG_LEVEL: 'debug' } });
    api = await signIn(app.baseUrl);
    env = await api.environment('dev');
    serverSecret = env.secrets.find((s) => s.type === 'server')!.value;

    const bool = await api.createFlag(env.id, {
      key: 'sdk-bool',
      variationType: 'boolean',
      values: ['true', 'false'],
      enabledIndex: 1,
    });
    await api.updateTargeting(env.id, 'sdk-bool', {
      targetUsers: [{ keyIds: ['vip-1'], variationId: bool.variations[0].id }],
      rules: [rule('dutch', 'country', 'Equal', 'nl', bool.variations[0].id)],
    });
    const str = await api.createFlag(env.id, {
      key: 'sdk-string',
      variationType: 'string',
      values: ['blue', 'green', 'red'],
      enabledIndex: 1,
    });
    await api.updateTargeting(env.id, 'sdk-string', {
      rules: [rule('paying', 'plan', 'IsOneOf', '["pro","team"]', str.variations[2].id)],
    });
    const num = await api.createFlag(env.id, {
      key: 'sdk-number',
      variationType: 'number',
      values: ['42', '7.5'],
    });
    await api.updateTargeting(env.id, 'sdk-number', {
      rules: [rule('older', 'age', 'BiggerThan', '30', num.variations[1].id)],
    });
    const json = await api.createFlag(env.id, {
      key: 'sdk-json',
      variationType: 'json',
      values: ['{"size":"L"}', '{"size":"S"}'],
      enabledIndex: 1,
    });
    await api.updateTargeting(env.id, 'sdk-json', {
      targetUsers: [{ keyIds: ['vip-1'], variationId: json.variations[0].id }],
    });
    // Bucket vectors (docs/reference/evaluation.md#bucket-vectors): my-flag+user-1 0.387, +user-2 0.399,
    // +user-3 0.872.
    const split = await api.createFlag(env.id, {
      key: 'my-flag',
      variationType: 'boolean',
      values: ['true', 'false'],
    });
    await api.updateTargeting(env.id, 'my-flag', {
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [
          { id: split.variations[0].id, rollout: [0, 0.5], exptRollout: 1 },
          { id: split.variations[1].id, rollout: [0.5, 1], exptRollout: 1 },
        ],
      },
    });

    sdk = new FbClientBuilder()
      .sdkKey(serverSecret)
      .streamingUri(app.wsUrl)
      .eventsUri(app.baseUrl)
      .startWaitTime(20_000)
      .flushInterval(500)
      .logLevel('warn')
      .build();
    await sdk.waitForInitialization();
  });

  afterAll(async () => {
    await sdk?.close();
    await app?.stop();
  });

  it('initializes over streaming and evaluates typed variations for several users', async () => {
    expect(sdk.initialized()).toBe(true);
    expect(await sdk.boolVariation('sdk-bool', users.vip, false)).toBe(true);
    expect(await sdk.boolVariation('sdk-bool', users.dutchPro, false)).toBe(true);
    expect(await sdk.boolVariation('sdk-bool', users.germanFree, true)).toBe(false);
    expect(await sdk.stringVariation('sdk-string', users.dutchPro, 'x')).toBe('red');
    expect(await sdk.stringVariation('sdk-string', users.germanFree, 'x')).toBe('green');
    expect(await sdk.numberVariation('sdk-number', users.dutchPro, 0)).toBe(7.5);
    expect(await sdk.numberVariation('sdk-number', users.plain, 0)).toBe(42);
    expect(await sdk.jsonVariation('sdk-json', users.vip, null)).toEqual({ size: 'L' });
    expect(await sdk.jsonVariation('sdk-json', users.plain, null)).toEqual({ size: 'S' });
    expect(await sdk.boolVariation('my-flag', users.dutchPro, false)).toBe(true);
    expect(await sdk.boolVariation('my-flag', users.germanFree, false)).toBe(true);
    expect(await sdk.boolVariation('my-flag', users.plain, true)).toBe(false);
  });

  it('agrees with the server-side evaluation endpoint', async () => {
    const keys = ['sdk-bool', 'sdk-string', 'sdk-number', 'sdk-json', 'my-flag'];
    for (const u of Object.values(users)) {
      const res = await fetch(`${app.baseUrl}/api/public/featureflag/evaluate`, {
        method: 'POST',
        headers: { authorization: serverSecret, 'content-type': 'application/json' },
        body: JSON.stringify({
          user: { keyId: u.key, name: u.name, customizedProperties: u.customizedProperties },
          filter: { keys },
        }),
      });
      const server = Object.fromEntries(((await res.json()) as any[]).map((r) => [r.key, r.variation.value]));
      const local = {
        'sdk-bool': String(await sdk.boolVariation('sdk-bool', u, false)),
        'sdk-string': await sdk.stringVariation('sdk-string', u, ''),
        'sdk-number': String(await sdk.numberVariation('sdk-number', u, -1)),
        'sdk-json': JSON.stringify(await sdk.jsonVariation('sdk-json', u, null)),
        'my-flag': String(await sdk.boolVariation('my-flag', u, false)),
      };
      expect(server).toEqual(local);
    }
  });

  it('sees changes made through the management API without reconnecting', async () => {
    await api.toggleFlag(env.id, 'sdk-bool', false);
    await waitUntil(
      async () => !(await sdk.boolVariation('sdk-bool', users.vip, true)),
      10_000,
      'the toggle',
    );
    const str = await api.getFlag(env.id, 'sdk-string');
    await api.updateTargeting(env.id, 'sdk-string', {
      rules: [rule('germans', 'country', 'Equal', 'de', str.variations[0].id)],
    });
    await waitUntil(
      async () => (await sdk.stringVariation('sdk-string', users.germanFree, '')) === 'blue',
      10_000,
      'the rule change',
    );
    expect(await sdk.stringVariation('sdk-string', users.dutchPro, '')).toBe('green');
    const accepted = app
      .logs()
      .split('\n')
      .filter((l) => l.includes('streaming connection accepted') && l.includes(env.id));
    expect(accepted).toHaveLength(1);
  });

  it('tracks custom events and evaluations that reach the events table and end users', async () => {
    sdk.track(users.dutchPro, 'checkout-completed', 9.5);
    sdk.track(users.germanFree, 'checkout-completed');
    expect(await sdk.flush()).toBe(true);
    await waitUntil(
      async () => {
        const page = await app.store.insightEvents.listByEnv(env.id, { pageIndex: 0, pageSize: 500 });
        return (
          page.items.filter((e) => e.event === 'CustomEvent' && e.distinctId === 'checkout-completed')
            .length === 2
        );
      },
      20_000,
      'the custom events in the events table',
    );
    const page = await app.store.insightEvents.listByEnv(env.id, { pageIndex: 0, pageSize: 500 });
    const flagValues = page.items.filter((e) => e.event === 'FlagValue');
    expect(flagValues.length).toBeGreaterThan(0);
    expect(flagValues.map((e) => e.distinctId)).toContain(`${env.id}-sdk-bool`);
    const metric = page.items.find(
      (e) => e.event === 'CustomEvent' && JSON.parse(e.properties).user.keyId === 'user-1',
    )!;
    expect(JSON.parse(metric.properties)).toMatchObject({
      eventName: 'checkout-completed',
      numericValue: 9.5,
      applicationType: 'NodeJS-Server-SDK',
    });
    await waitUntil(
      async () => (await app.store.endUsers.findByKeyIds(env.id, ['user-1', 'user-2'])).length === 2,
      20_000,
      'the end users',
    );
    const [stored] = await app.store.endUsers.findByKeyIds(env.id, ['user-1']);
    expect(stored.customizedProperties).toEqual(expect.arrayContaining([{ name: 'country', value: 'nl' }]));
  });
});
