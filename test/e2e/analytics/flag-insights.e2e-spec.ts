import { FbClientBuilder, type IFbClient, UserBuilder } from '@featbit/node-server-sdk';
import { createClient } from '@clickhouse/client';
import { startKafkaBroker, type KafkaBroker } from '../../support/kafka-broker';
import { type ManagementClient, signIn } from '../support/management-client';
import { startProduct, type RunningProduct } from '../support/product';

jest.setTimeout(300_000);

// Issue 17's proof: the official node SDK evaluates a flag for 500 users and sends metric events;
// the insights, who-saw-what and usage routes answer exactly what the SDK saw, on the embedded
// default (PGlite, in-process bus) and on the pro profile (Kafka → ClickHouse through the
// Kafka-engine table, the analytics role not on the insert path).

interface Bucket {
  time: string;
  variations: { variation: string; count: number; users: number }[];
  total: { count: number; users: number };
}
interface UsersPage {
  totalCount: number;
  items: { variation: string; keyId: string; name: string | null; lastEvaluatedAt: string }[];
}
interface Usage {
  summary: { uniqueUsers: number; totalFlagEvaluations: number; totalCustomMetrics: number };
  environmentUsages: { envId: string; uniqueUsers: number; flagEvaluations: number; customMetrics: number }[];
}

const USERS = 500;
const CLICKHOUSE_URL = process.env.TEST_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123';

interface Profile {
  name: string;
  start(): Promise<{ env: Record<string, string>; teardown(): Promise<void> }>;
}

const profiles: Profile[] = [
  {
    name: 'embedded default (PGlite, in-process bus)',
    start: () => Promise.resolve({ env: {}, teardown: () => Promise.resolve() }),
  },
  {
    name: 'pro profile (Kafka → ClickHouse)',
    start: async () => {
      const kafka: KafkaBroker = await startKafkaBroker();
      const database = `fbts_e2e_insights_${process.pid}_${Date.now()}`;
      return {
        env: {
          MQ_PROVIDER: 'kafka',
          KAFKA_BROKERS: kafka.brokers,
          ANALYTICS_PROVIDER: 'clickhouse',
          CLICKHOUSE_URL,
          CLICKHOUSE_DATABASE: database,
          ANALYTICS_CLICKHOUSE_INGEST: 'kafka',
        },
        teardown: async () => {
          const ch = createClient({ url: CLICKHOUSE_URL });
          await ch.command({ query: `DROP DATABASE IF EXISTS ${database}` }).catch(() => undefined);
          await ch.close();
          await kafka.stop();
        },
      };
    },
  },
];

describe.each(profiles)('flag insights from the official node SDK: $name', (profile) => {
  let product: RunningProduct;
  let api: ManagementClient;
  let envId: string;
  let sdk: IFbClient;
  let teardown: () => Promise<void> = () => Promise.resolve();
  const served = new Map<string, string>(); // keyId → variation name the SDK got
  let from = 0;

  beforeAll(async () => {
    const started = await profile.start();
    teardown = started.teardown;
    product = await startProduct({ env: started.env });
    api = await signIn(product.baseUrl);
    const env = await api.environment('dev');
    envId = env.id;
    const flag = await api.createFlag(envId, {
      key: 'insight-flag',
      variationType: 'boolean',
      values: ['true', 'false'],
    });
    await api.updateTargeting(envId, 'insight-flag', {
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [
          { id: flag.variations[0].id, rollout: [0, 0.5], exptRollout: 1 },
          { id: flag.variations[1].id, rollout: [0.5, 1], exptRollout: 1 },
        ],
      },
    });
    sdk = new FbClientBuilder()
      .sdkKey(env.secrets.find((s) => s.type === 'server')!.value)
      .streamingUri(product.wsUrl)
      .eventsUri(product.baseUrl)
      .startWaitTime(30_000)
      .flushInterval(300)
      .logLevel('warn')
      .build();
    await sdk.waitForInitialization();
    from = Date.now() - 60_000;
    const byValue = new Map(flag.variations.map((v) => [v.value, v]));
    const again: unknown[] = [];
    for (let i = 0; i < USERS; i++) {
      const user = new UserBuilder(`user-${i}`).name(`Person ${i}`).build();
      const variation = byValue.get(String(await sdk.boolVariation('insight-flag', user, false)))!;
      served.set(`user-${i}`, variation.name);
      if (i % 4 === 0) sdk.track(user, 'checkout-completed', 1);
      // Every fifth user is evaluated once more, reported through the same intake route the SDKs
      // use (the SDK folds repeated evaluations of a flag for a user), so evaluations and distinct
      // users differ.
      if (i % 5 === 0) {
        again.push({
          user: { keyId: `user-${i}`, name: `Person ${i}`, customizedProperties: [] },
          variations: [
            {
              featureFlagKey: 'insight-flag',
              variation: { id: variation.id, value: variation.value },
              sendToExperiment: false,
              timestamp: Date.now(),
            },
          ],
        });
      }
    }
    const res = await fetch(`${product.baseUrl}/api/public/insight/track`, {
      method: 'POST',
      headers: {
        authorization: env.secrets.find((s) => s.type === 'server')!.value,
        'content-type': 'application/json',
      },
      body: JSON.stringify(again),
    });
    expect(res.status).toBe(200);
    await sdk.flush();
  });

  afterAll(async () => {
    await sdk?.close();
    await product?.stop();
    await teardown();
  });

  const evaluations = USERS + USERS / 5;
  const metrics = USERS / 4;

  async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    let value = await read();
    for (let i = 0; i < 200 && !done(value); i++) {
      await new Promise((r) => setTimeout(r, 250));
      value = await read();
    }
    return value;
  }

  it('flag insights count every evaluation and every distinct user, per variation by name', async () => {
    const to = Date.now() + 60_000;
    const read = () =>
      api.ok<Bucket[]>(
        'GET',
        `/envs/${envId}/feature-flags/insights?featureFlagKey=insight-flag&intervalType=MINUTE&from=${from}&to=${to}`,
      );
    // The bucket totals and the per-variation counts are two reads: while ClickHouse's Kafka engine is
    // still inserting, one can see a batch the other does not yet, so wait until both are complete.
    const perVariation = (s: Bucket[]) =>
      s.reduce((n, b) => n + b.variations.reduce((m, v) => m + v.count, 0), 0);
    const series = await poll(
      read,
      (s) => s.reduce((n, b) => n + b.total.count, 0) >= evaluations && perVariation(s) >= evaluations,
    );
    const total = series.reduce((n, b) => n + b.total.count, 0);
    expect(total).toBe(evaluations);
    const perName = new Map<string, number>();
    for (const b of series)
      for (const v of b.variations) perName.set(v.variation, (perName.get(v.variation) ?? 0) + v.count);
    const expected = new Map<string, number>();
    for (const [key, name] of served) {
      const times = Number(key.slice(5)) % 5 === 0 ? 2 : 1;
      expected.set(name, (expected.get(name) ?? 0) + times);
    }
    expect(Object.fromEntries(perName)).toEqual(Object.fromEntries(expected));
    // Every bucket lists both variations, in the flag's order, by name.
    expect(series.every((b) => b.variations.map((v) => v.variation).join() === 'A,B')).toBe(true);

    const console = await api.ok<{ summary: { total: { count: number; users: number } } }>(
      'GET',
      `/envs/${envId}/feature-flags/insight-flag/insights?intervalType=HOUR&from=${from}&to=${to}&timezone=Europe/Paris`,
    );
    expect(console.summary.total).toEqual({ count: evaluations, users: USERS });
  });

  it('who saw what lists each user once with the variation the SDK served', async () => {
    const to = Date.now() + 60_000;
    const page = await poll(
      () =>
        api.ok<UsersPage>(
          'GET',
          `/envs/${envId}/end-users/get-by-featureflag?featureFlagKey=insight-flag&from=${from}&to=${to}&pageIndex=0&pageSize=100`,
        ),
      (p) => p.totalCount >= USERS,
    );
    expect(page.totalCount).toBe(USERS);
    for (const item of page.items) expect(item.variation).toBe(served.get(item.keyId));
    const one = await api.ok<UsersPage>(
      'GET',
      `/envs/${envId}/end-users/get-by-featureflag?featureFlagKey=insight-flag&from=${from}&to=${to}&query=PERSON%20123&pageIndex=0&pageSize=10`,
    );
    expect(one.items.map((i) => [i.keyId, i.name, i.variation])).toEqual([
      ['user-123', 'Person 123', served.get('user-123')],
    ]);
  });

  it('workspace usage counts the users, evaluations and metric events', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const usage = await poll(
      () =>
        api.ok<Usage>(
          'GET',
          `/workspaces/usages?startDate=${today}&endDate=${today}&prevStartDate=${today}&prevEndDate=${today}`,
        ),
      (u) => u.summary.totalFlagEvaluations >= evaluations && u.summary.totalCustomMetrics >= metrics,
    );
    const env = usage.environmentUsages.find((e) => e.envId === envId);
    expect(env).toMatchObject({ uniqueUsers: USERS, flagEvaluations: evaluations, customMetrics: metrics });
  });

  it('refuses bad input with 400 naming the field', async () => {
    const base = `/envs/${envId}/feature-flags/insights?featureFlagKey=insight-flag`;
    const cases: [string, string][] = [
      [`${base}&intervalType=MINUTE&from=1700000000000&to=1731536000000`, 'to'],
      [`${base}&intervalType=DAY&from=1700000000000&to=1600000000000`, 'from'],
      [`${base}&intervalType=SECOND&from=1&to=2`, 'intervalType'],
      [
        `/envs/${envId}/feature-flags/insights?featureFlagKey=no-such-flag&intervalType=DAY&from=1&to=2`,
        'featureFlagKey',
      ],
      [`${base}&intervalType=DAY&from=1&to=2&timezone=Mars/Olympus`, 'timezone'],
      [
        `/envs/${envId}/end-users/get-by-featureflag?featureFlagKey=insight-flag&from=1&to=2&pageSize=1000`,
        'pageSize',
      ],
    ];
    for (const [path, field] of cases) {
      const res = await api.call('GET', path);
      const details = (res.body as { details?: { field: string }[] }).details;
      expect([path, res.status, details?.map((d) => d.field)]).toEqual([path, 400, [field]]);
    }
  });
});
