/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import { type EnvironmentInfo, type ManagementClient, signIn } from '../support/management-client';
import { type RunningProduct, startProduct } from '../support/product';
import { openStreaming } from '../support/streaming-client';

jest.setTimeout(180_000);

// Archiving and deleting flags and segments, and deleting environments, reach the evaluation role's
// memory at once (embedded default: one process, in-process bus, no cache), without a restart.

describe('removals reach the evaluation role', () => {
  let product: RunningProduct;
  let api: ManagementClient;
  let env: EnvironmentInfo;
  let serverSecret: string;
  let clientSecret: string;

  beforeAll(async () => {
    product = await startProduct();
    api = await signIn(product.baseUrl);
    env = await api.environment('dev');
    serverSecret = env.secrets.find((s) => s.type === 'server')!.value;
    clientSecret = env.secrets.find((s) => s.type === 'client')!.value;
  });

  afterAll(async () => {
    await product?.stop();
  });

  const latestAll = async (): Promise<any> => {
    const res = await fetch(`${product.baseUrl}/api/public/sdk/server/latest-all`, {
      headers: { authorization: serverSecret },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as any).data;
  };
  const clientLatestAll = async (): Promise<any[]> => {
    const res = await fetch(`${product.baseUrl}/api/public/sdk/client/latest-all`, {
      method: 'POST',
      headers: { authorization: clientSecret, 'content-type': 'application/json' },
      body: JSON.stringify({ keyId: 'u1', name: 'u1' }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as any).data.featureFlags as any[];
  };
  const evaluate = async (): Promise<any[]> => {
    const res = await fetch(`${product.baseUrl}/api/public/featureflag/evaluate`, {
      method: 'POST',
      headers: { authorization: clientSecret, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { keyId: 'u1', name: 'u1' } }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as any[];
  };
  const streamingFull = async (): Promise<any> => {
    const conn = openStreaming(product.wsUrl, serverSecret, { type: 'server' });
    try {
      await conn.opened;
      return (await conn.dataSync({ timestamp: 0 })).data;
    } finally {
      conn.close();
    }
  };
  const keysIn = (flags: any[], key: string) => flags.filter((f) => f.key === key || f.id === key);

  it('archiving and deleting a flag removes it from every sync and evaluation; re-creating yields one', async () => {
    await api.createFlag(env.id, { key: 'doomed', variationType: 'boolean', values: ['true', 'false'] });
    // Loads the environment into memory with the flag live.
    expect(keysIn((await latestAll()).featureFlags, 'doomed')).toHaveLength(1);
    expect(keysIn(await clientLatestAll(), 'doomed')).toHaveLength(1);
    expect(keysIn(await evaluate(), 'doomed')).toHaveLength(1);

    await api.ok('PUT', `/envs/${env.id}/feature-flags/doomed/archive`, {});
    await api.ok('DELETE', `/envs/${env.id}/feature-flags/doomed`, {});

    const gone = async () =>
      keysIn((await latestAll()).featureFlags, 'doomed').length === 0 &&
      keysIn((await streamingFull()).featureFlags, 'doomed').length === 0 &&
      keysIn(await clientLatestAll(), 'doomed').length === 0 &&
      keysIn(await evaluate(), 'doomed').length === 0;
    await eventually(gone, 'the deleted flag to leave every payload');

    const again = await api.createFlag(env.id, {
      key: 'doomed',
      variationType: 'boolean',
      values: ['true', 'false'],
    });
    await eventually(
      async () => keysIn((await latestAll()).featureFlags, 'doomed').length === 1,
      'the re-created flag to appear',
    );
    const all = (await latestAll()).featureFlags as any[];
    expect(keysIn(all, 'doomed').map((f) => f.id)).toEqual([again.id]);
    expect(keysIn((await streamingFull()).featureFlags, 'doomed')).toHaveLength(1);
    expect(keysIn(await clientLatestAll(), 'doomed')).toHaveLength(1);
    expect(keysIn(await evaluate(), 'doomed')).toHaveLength(1);
  });

  it('an archived flag is not served in full syncs', async () => {
    await api.createFlag(env.id, { key: 'shelved', variationType: 'boolean', values: ['true', 'false'] });
    await eventually(async () => keysIn((await latestAll()).featureFlags, 'shelved').length === 1, 'flag');
    await api.ok('PUT', `/envs/${env.id}/feature-flags/shelved/archive`, {});
    await eventually(
      async () =>
        keysIn((await latestAll()).featureFlags, 'shelved').length === 0 &&
        keysIn((await streamingFull()).featureFlags, 'shelved').length === 0 &&
        keysIn(await clientLatestAll(), 'shelved').length === 0,
      'the archived flag to leave full syncs',
    );
  });

  it('deleting a segment removes it from server syncs', async () => {
    const segment = await api.ok<{ id: string }>('POST', `/envs/${env.id}/segments`, {
      name: 'Doomed segment',
      key: 'doomed-segment',
    });
    const has = async () =>
      ((await latestAll()).segments as any[]).some((s) => s.id === segment.id) &&
      ((await streamingFull()).segments as any[]).some((s) => s.id === segment.id);
    await eventually(has, 'the segment to be served');
    await api.ok('PUT', `/envs/${env.id}/segments/${segment.id}/archive`, {});
    await api.ok('DELETE', `/envs/${env.id}/segments/${segment.id}`, {});
    await eventually(
      async () =>
        !((await latestAll()).segments as any[]).some((s) => s.id === segment.id) &&
        !((await streamingFull()).segments as any[]).some((s) => s.id === segment.id),
      'the deleted segment to leave server syncs',
    );
  });

  it('deleting an environment refuses its SDK keys on the next request and closes its connections', async () => {
    const project = (
      await api.ok<{ id: string; key: string; environments: EnvironmentInfo[] }[]>('GET', '/projects')
    ).find((p) => p.key === 'default')!;
    const created = await api.ok<EnvironmentInfo>('POST', `/projects/${project.id}/envs`, {
      name: 'Doomed env',
      key: 'doomed-env',
    });
    const secret = created.secrets.find((s) => s.type === 'server')!.value;
    const get = () =>
      fetch(`${product.baseUrl}/api/public/sdk/server/latest-all`, { headers: { authorization: secret } });
    expect((await get()).status).toBe(200);
    const conn = openStreaming(product.wsUrl, secret, { type: 'server' });
    await conn.opened;
    await conn.dataSync({ timestamp: 0 });

    await api.ok('DELETE', `/projects/${project.id}/envs/${created.id}`);

    expect((await get()).status).toBe(401);
    expect((await conn.closed).code).toBe(4003);
    const again = openStreaming(product.wsUrl, secret, { type: 'server' });
    await again.opened;
    expect((await again.closed).code).toBe(4003);
  });
});

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
