import { FbClientBuilder, type IFbClient, UserBuilder } from '@featbit/node-server-sdk';
import { type ManagementClient, signIn } from '../support/management-client';
import { startProduct, type RunningProduct } from '../support/product';

jest.setTimeout(300_000);

// Issue 18's proof with the official node SDK on the embedded default: a flag split 50/50 serves
// 4,000 users and a known share of each variation converts; the results endpoint shows exactly those
// users and conversions per variation, and the true lift inside the interval. Then a guarded rollout
// rolls itself back when its guardrail metric regresses, and the SDK sees the rollback.

interface VariationResult {
  variationId: string;
  uniqueUsers: number;
  conversion: number;
  confidenceInterval: [string, string] | null;
  effectSize: string | null;
  isBaseline: boolean;
  bayesian: { chanceToBeatBaseline: number } | null;
}
interface IterationResults {
  id: string;
  results: VariationResult[];
  analysis: { method: string; srm: { mismatch: boolean } } | null;
}
interface Flag {
  id: string;
  key: string;
  revision: string;
  variations: { id: string; name: string; value: string }[];
  fallthrough: { variations: { id: string; rollout: [number, number] }[] };
}

const USERS = 4000;

describe('experiments with the official node SDK', () => {
  let product: RunningProduct;
  let api: ManagementClient;
  let envId: string;
  let sdk: IFbClient;
  let adminId: string;

  beforeAll(async () => {
    product = await startProduct({ env: { GUARDRAIL_CHECK_INTERVAL_SECONDS: '1' } });
    api = await signIn(product.baseUrl);
    const env = await api.environment('dev');
    envId = env.id;
    adminId = (await api.ok<{ id: string }>('GET', '/user/profile')).id;
    sdk = new FbClientBuilder()
      .sdkKey(env.secrets.find((s) => s.type === 'server')!.value)
      .streamingUri(product.wsUrl)
      .eventsUri(product.baseUrl)
      .startWaitTime(30_000)
      .flushInterval(300)
      .logLevel('warn')
      .build();
    await sdk.waitForInitialization();
  });

  afterAll(async () => {
    await sdk?.close();
    await product?.stop();
  });

  async function splitFlag(key: string): Promise<Flag> {
    const flag = (await api.createFlag(envId, {
      key,
      variationType: 'boolean',
      values: ['true', 'false'],
    })) as Flag;
    await api.updateTargeting(envId, key, {
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [
          { id: flag.variations[0].id, rollout: [0, 0.5], exptRollout: 1 },
          { id: flag.variations[1].id, rollout: [0.5, 1], exptRollout: 1 },
        ],
      },
    });
    await api.toggleFlag(envId, key, true);
    return flag;
  }

  async function metric(name: string, eventName: string, successCriteria: number): Promise<string> {
    return (
      await api.ok<{ id: string }>('POST', `/envs/${envId}/experiment-metrics`, {
        name,
        maintainerUserId: adminId,
        eventName,
        eventType: 1,
        customEventTrackOption: 1,
        customEventSuccessCriteria: successCriteria,
      })
    ).id;
  }

  async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, tries = 240): Promise<T> {
    let value = await read();
    for (let i = 0; i < tries && !done(value); i++) {
      await new Promise((r) => setTimeout(r, 500));
      value = await read();
    }
    return value;
  }

  it('shows exactly the users and conversions the SDK produced, and the true lift inside the interval', async () => {
    const flag = await splitFlag('checkout-redesign');
    const metricId = await metric('Checkout', 'checkout', 1);
    const [a, b] = flag.variations;
    const experiment = await api.ok<{ id: string }>('POST', `/envs/${envId}/experiments`, {
      featureFlagId: flag.id,
      metricId,
      baseLineVariationId: a.id,
      method: 'sequential',
    });
    const iteration = await api.ok<{ id: string }>('POST', `/envs/${envId}/experiments/${experiment.id}`);
    await new Promise((r) => setTimeout(r, 500)); // the SDK has the toggled, split flag

    // Baseline users convert when their index is a multiple of 5 (20%), treatment users when it is a
    // multiple of 4 (25%): a true relative lift of +25%.
    const expected = new Map([
      [a.id, { users: 0, conversions: 0 }],
      [b.id, { users: 0, conversions: 0 }],
    ]);
    for (let i = 0; i < USERS; i++) {
      const user = new UserBuilder(`shopper-${i}`).name(`Shopper ${i}`).build();
      const value = String(await sdk.boolVariation('checkout-redesign', user, false));
      const variation = flag.variations.find((v) => v.value === value)!;
      const counts = expected.get(variation.id)!;
      counts.users++;
      if (i % (variation.id === a.id ? 5 : 4) === 0) {
        counts.conversions++;
        sdk.track(user, 'checkout', 1);
      }
    }
    await sdk.flush();

    const read = async () =>
      (
        await api.ok<IterationResults[]>('PUT', `/envs/${envId}/experiments/iteration-results`, [
          { exptId: experiment.id, iterationId: iteration.id },
        ])
      )[0];
    const total = (r: IterationResults) => r.results.reduce((n, x) => n + x.uniqueUsers + x.conversion, 0);
    const target = [...expected.values()].reduce((n, x) => n + x.users + x.conversions, 0);
    const results = await poll(read, (r) => total(r) >= target);

    const byVariation = Object.fromEntries(
      results.results.map((r) => [r.variationId, [r.uniqueUsers, r.conversion]]),
    );
    expect(byVariation).toEqual({
      [a.id]: [expected.get(a.id)!.users, expected.get(a.id)!.conversions],
      [b.id]: [expected.get(b.id)!.users, expected.get(b.id)!.conversions],
    });
    const treatment = results.results.find((r) => r.variationId === b.id)!;
    const [lo, hi] = treatment.confidenceInterval!.map(Number);
    expect(lo).toBeLessThan(0.25);
    expect(hi).toBeGreaterThan(0.25);
    expect(treatment.bayesian!.chanceToBeatBaseline).toBeGreaterThan(0.5);
    expect(results.analysis).toMatchObject({ method: 'sequential', srm: { mismatch: false } });
  });

  it('rolls a guarded rollout back when its guardrail regresses, and the SDK gets the baseline', async () => {
    const flag = await splitFlag('new-search');
    const metricId = await metric('Search errors', 'search-error', 2); // lower is better
    const [stable, risky] = flag.variations;
    const guard = await api.ok<{ id: string; guard: { status: string } }>(
      'PUT',
      `/envs/${envId}/feature-flags/new-search/guarded-rollout`,
      { metricId, baselineVariationId: stable.id },
    );
    expect(guard.guard.status).toBe('Watching');
    await new Promise((r) => setTimeout(r, 500));

    // The injected regression: the risky variation errors for 40% of its users, the stable one for 5%.
    let riskyUser = '';
    for (let i = 0; i < 1000; i++) {
      const user = new UserBuilder(`searcher-${i}`).build();
      const value = String(await sdk.boolVariation('new-search', user, false));
      const isRisky = value === risky.value;
      if (isRisky && !riskyUser) riskyUser = `searcher-${i}`;
      if (i % (isRisky ? 5 : 20) < (isRisky ? 2 : 1)) sdk.track(user, 'search-error', 1);
    }
    await sdk.flush();

    const rolled = await poll(
      async () =>
        (
          await api.ok<{ guard: { status: string; reason: string } }[]>(
            'GET',
            `/envs/${envId}/feature-flags/new-search/guarded-rollout`,
          )
        )[0],
      (g) => g.guard.status !== 'Watching',
    );
    expect(rolled.guard.status).toBe('RolledBack');
    expect(rolled.guard.reason).toContain('Search errors');
    const after = (await api.getFlag(envId, 'new-search')) as Flag;
    expect(after.fallthrough.variations).toEqual([{ id: stable.id, rollout: [0, 1], exptRollout: 1 }]);

    // The SDK was pushed the rollback: the user who got the risky variation now gets the stable one.
    const served = await poll(
      () => sdk.boolVariation('new-search', new UserBuilder(riskyUser).build(), false).then(String),
      (v) => v === stable.value,
      40,
    );
    expect(served).toBe(stable.value);

    const audit = await api.ok<{ items: { comment: string; creatorId: string }[] }>(
      'GET',
      `/envs/${envId}/audit-logs?refId=${flag.id}&pageSize=5`,
    );
    expect(audit.items.some((e) => e.comment.includes('Guardrail "Search errors" regressed'))).toBe(true);
  });
});
