import { FbClientBuilder, type IFbClient, UserBuilder } from '@featbit/node-server-sdk';
import { type ManagementClient, signIn } from '../support/management-client';
import { startProduct, type RunningProduct } from '../support/product';

// A flag's usage (first and last SDK evaluation) comes from the insight events the official SDK
// sends; the console's get-started check and, later, stale-flag detection read it.

interface Usage {
  firstEvaluatedAt: string | null;
  lastEvaluatedAt: string | null;
}

describe('flag usage from SDK evaluations', () => {
  let product: RunningProduct;
  let api: ManagementClient;
  let envId: string;
  let sdk: IFbClient | undefined;

  const usage = (key: string) => api.ok<Usage>('GET', `/envs/${envId}/feature-flags/${key}/usage`);

  async function waitForUsage(key: string, newerThan: string | null): Promise<Usage> {
    for (let i = 0; i < 150; i++) {
      const u = await usage(key);
      if (u.lastEvaluatedAt !== null && (newerThan === null || u.lastEvaluatedAt > newerThan)) return u;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no evaluation of ${key} recorded`);
  }

  beforeAll(async () => {
    product = await startProduct();
    api = await signIn(product.baseUrl);
    const env = await api.environment('dev');
    envId = env.id;
    await api.createFlag(envId, { key: 'used-flag', variationType: 'boolean', values: ['true', 'false'] });
    await api.createFlag(envId, { key: 'unused-flag', variationType: 'boolean', values: ['true', 'false'] });
    sdk = new FbClientBuilder()
      .sdkKey(env.secrets.find((s) => s.type === 'server')!.value)
      .streamingUri(product.wsUrl)
      .eventsUri(product.baseUrl)
      .startWaitTime(20_000)
      .flushInterval(300)
      .logLevel('warn')
      .build();
    await sdk.waitForInitialization();
  }, 120_000);

  afterAll(async () => {
    await sdk?.close();
    await product?.stop();
  });

  it('reports null for a flag no SDK has evaluated', async () => {
    expect(await usage('unused-flag')).toEqual({ firstEvaluatedAt: null, lastEvaluatedAt: null });
  });

  it('records the first evaluation, then moves only the last one forward', async () => {
    const before = Date.now();
    await sdk!.boolVariation('used-flag', new UserBuilder('usage-user-1').build(), false);
    const first = await waitForUsage('used-flag', null);
    expect(Date.parse(first.firstEvaluatedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(first.lastEvaluatedAt! >= first.firstEvaluatedAt!).toBe(true);

    await new Promise((r) => setTimeout(r, 20));
    await sdk!.boolVariation('used-flag', new UserBuilder('usage-user-2').build(), false);
    const second = await waitForUsage('used-flag', first.lastEvaluatedAt);
    expect(second.firstEvaluatedAt).toBe(first.firstEvaluatedAt);
    expect(await usage('unused-flag')).toEqual({ firstEvaluatedAt: null, lastEvaluatedAt: null });

    // The flag list carries the same, so stale flags show at a glance.
    const page = await api.ok<{ items: { key: string; lastEvaluatedAt: string | null }[] }>(
      'GET',
      `/envs/${envId}/feature-flags?pageIndex=0&pageSize=50`,
    );
    const listed = new Map(page.items.map((f) => [f.key, f.lastEvaluatedAt]));
    expect(listed.get('used-flag')).toBe(second.lastEvaluatedAt);
    expect(listed.get('unused-flag')).toBeNull();
  }, 60_000);

  it('answers 404 for an unknown flag and 401 without credentials', async () => {
    expect((await api.call('GET', `/envs/${envId}/feature-flags/no-such-flag/usage`)).status).toBe(404);
    const res = await fetch(`${product.baseUrl}/api/v1/envs/${envId}/feature-flags/used-flag/usage`);
    expect(res.status).toBe(401);
  });
});
