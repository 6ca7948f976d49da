/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEVELOPER_POLICY_ID } from '../../../src/core/iam/built-in-policies';
import { relayProxyKeyHash } from '../../../src/core/integrations/relay-proxy-key';
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';
import { ENV_READER, memberWith } from './support/members';

jest.setTimeout(120_000);

// FeatBit's relay-proxies routes: the rp- key is answered once and stored hashed, scopes must be
// environments of the organization (400 naming the field), agents register themselves through the
// evaluation role's /api/public/agent/register, IAM guards reads and writes, the liveness check and
// the manual sync reach a real local agent stand-in (no redirect followed).

interface FakeAgent {
  server: Server;
  url: string;
  bootstraps: { authorization: string | undefined; body: any }[];
}

async function startFakeAgent(): Promise<FakeAgent> {
  const bootstraps: FakeAgent['bootstraps'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      if (req.url === '/health/liveness') return void res.writeHead(200).end('Healthy');
      if (req.url === '/moved/health/liveness') {
        return void res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
      }
      if (req.url === '/api/public/proxy/bootstrap' && req.method === 'POST') {
        bootstraps.push({ authorization: req.headers.authorization, body: JSON.parse(text) });
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ serves: 'default:dev', dataVersion: 42 }));
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, bootstraps };
}

describe('relay proxies API', () => {
  let api: ApiApp;
  let agent: FakeAgent;
  let devEnvId: string;
  let prodEnvId: string;

  beforeAll(async () => {
    agent = await startFakeAgent();
    api = await ApiApp.start();
    await api.loginAsAdmin();
    const project = await api.defaultProject();
    devEnvId = project.environments.find((e) => e.key === 'dev')!.id;
    prodEnvId = project.environments.find((e) => e.key === 'prod')!.id;
    await api.post(`/api/v1/envs/${devEnvId}/feature-flags`, boolFlag('relayed'));
  });
  afterAll(async () => {
    await api?.close();
    await new Promise((resolve) => agent?.server.close(resolve));
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: `rp-${Math.random().toString(36).slice(2, 8)}`,
    description: 'near the apps',
    isAllEnvs: false,
    scopes: [devEnvId],
    agents: [{ id: 'a1', name: 'Agent 1', host: agent.url }],
    ...overrides,
  });
  const register = (key: string, agentId: unknown) =>
    api.request('POST', '/api/public/agent/register', {
      token: null,
      headers: { authorization: key },
      payload: JSON.stringify(agentId),
    });

  it('answers the key once, stores only its hash, lists FeatBit’s shape and audits without the key', async () => {
    const created = await api.post(
      '/api/v1/relay-proxies',
      body({ name: 'Edge EU', scopes: [devEnvId, prodEnvId] }),
    );
    expect(created.status).toBe(200);
    const rp = created.body.data;
    expect(rp.key).toMatch(/^rp-[A-Za-z0-9_-]{43}$/);
    const stored = (await api.store.relayProxies.findById(rp.id))!;
    expect(stored.keyHash).toBe(relayProxyKeyHash(rp.key));
    expect(JSON.stringify(stored)).not.toContain(rp.key);

    const listed = await api.get('/api/v1/relay-proxies?name=edge&pageIndex=0&pageSize=10');
    expect(listed.body.data.totalCount).toBe(1);
    const item = listed.body.data.items[0];
    expect(Object.keys(item).sort()).toEqual(
      [
        'agents',
        'autoAgents',
        'createdAt',
        'description',
        'id',
        'isAllEnvs',
        'key',
        'name',
        'scopes',
        'serves',
        'updatedAt',
      ].sort(),
    );
    expect(item.key).not.toBe(rp.key);
    expect(item.key).toMatch(/^rp-\*+$/);
    expect(item.serves.sort()).toEqual([`${devEnvId},default/Dev`, `${prodEnvId},default/Prod`].sort());
    expect(item.agents[0]).toMatchObject({ id: 'a1', name: 'Agent 1', host: agent.url, syncAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(rp.key);

    expect((await api.get('/api/v1/relay-proxies/is-name-used?name=edge%20eu')).body.data).toBe(true);
    expect((await api.get('/api/v1/relay-proxies/is-name-used?name=nope')).body.data).toBe(false);

    const audit = await api.store.auditLogs.list({
      refType: 'RelayProxy',
      refId: rp.id,
      pageIndex: 0,
      pageSize: 10,
    });
    expect(audit.items.map((e) => e.operation)).toEqual(['Create']);
    expect(JSON.stringify(audit.items)).not.toContain(rp.key);
    expect(JSON.stringify(audit.items)).not.toContain(stored.keyHash);
  });

  it.each([
    ['no scope without isAllEnvs', { scopes: [] }, 'scopes'],
    ['an unknown environment', { scopes: ['00000000-0000-4000-8000-000000000999'] }, 'scopes'],
    ['a scope that is no id', { scopes: ['dev'] }, 'scopes'],
    ['an agent host that is not http(s)', { agents: [{ id: 'a', name: 'A', host: 'ftp://x' }] }, 'agents'],
    ['an agent without a name', { agents: [{ id: 'a', name: '', host: 'http://x' }] }, 'agents'],
    ['no name', { name: '' }, 'name'],
  ])('refuses %s with 400 naming the field, nothing stored', async (_what, overrides, field) => {
    const before = (await api.get('/api/v1/relay-proxies')).body.data.totalCount;
    const res = await api.post('/api/v1/relay-proxies', body(overrides));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect((await api.get('/api/v1/relay-proxies')).body.data.totalCount).toBe(before);
  });

  it('registers agents by key (401 unknown, 400 bad id), keeps them on update unless removed, deletes', async () => {
    const rp = (await api.post('/api/v1/relay-proxies', body({ isAllEnvs: true, scopes: [] }))).body.data;
    expect((await register('rp-unknownkeyunknownkey', 'x')).status).toBe(401);
    expect((await register('some-sdk-secret', 'x')).status).toBe(401);
    expect((await register(rp.key, { id: 1 })).status).toBe(400);
    const ok = await register(rp.key, 'agent-1');
    expect(ok.status).toBe(200);
    expect(ok.raw).toBe('agent-1');
    expect((await register(rp.key, 'agent-2')).status).toBe(200);
    expect((await register(rp.key, 'agent-1')).status).toBe(200); // known: unchanged
    const listed = (await api.get('/api/v1/relay-proxies')).body.data.items.find((p: any) => p.id === rp.id);
    expect(listed.autoAgents.map((a: any) => a.id)).toEqual(['agent-2', 'agent-1']);
    expect(listed.autoAgents[0]).toMatchObject({ status: '{}' });

    const update = { ...body({ name: 'renamed', isAllEnvs: true, scopes: [] }) };
    expect((await api.put(`/api/v1/relay-proxies/${rp.id}`, update)).body.data).toBe(true);
    expect((await api.store.relayProxies.findById(rp.id))!.autoAgents).toHaveLength(2);
    await api.put(`/api/v1/relay-proxies/${rp.id}`, {
      ...update,
      autoAgents: [{ id: 'agent-1' }, { id: 'forged' }],
    });
    expect((await api.store.relayProxies.findById(rp.id))!.autoAgents.map((a) => a.id)).toEqual(['agent-1']);

    expect((await api.delete(`/api/v1/relay-proxies/${rp.id}`)).body.data).toBe(true);
    expect(await api.store.relayProxies.findById(rp.id)).toBeNull();
    expect((await register(rp.key, 'agent-3')).status).toBe(401);
    expect((await api.delete(`/api/v1/relay-proxies/${rp.id}`)).status).toBe(404);
    const audit = await api.store.auditLogs.list({
      refType: 'RelayProxy',
      refId: rp.id,
      pageIndex: 0,
      pageSize: 10,
    });
    expect(audit.items.map((e) => e.operation).sort()).toEqual(['Create', 'Remove', 'Update', 'Update']);
  });

  it('checks agent liveness over http(s) only, without following redirects', async () => {
    const check = (host: string) =>
      api.get(`/api/v1/relay-proxies/agent-availability?agentHost=${encodeURIComponent(host)}`);
    expect((await check(agent.url)).body.data).toBe(200);
    expect((await check(`${agent.url}/moved`)).body.data).toBe(302);
    expect((await check('http://127.0.0.1:1')).body.data).toBe(503);
    for (const bad of [
      'file:///etc/passwd',
      'gopher://x',
      `${agent.url}?x=`,
      'http://u:p@127.0.0.1',
      'nothing',
    ]) {
      const res = await check(bad);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('agentHost');
    }
  });

  it('syncs a manual agent with FeatBit’s bootstrap payload when given the key', async () => {
    const rp = (await api.post('/api/v1/relay-proxies', body())).body.data;
    const wrongKey = await api.put(`/api/v1/relay-proxies/${rp.id}/agents/a1/sync`, { key: 'rp-wrong' });
    expect(wrongKey.status).toBe(400);
    expect(JSON.stringify(wrongKey.body)).toContain('key');
    expect((await api.put(`/api/v1/relay-proxies/${rp.id}/agents/nope/sync`, { key: rp.key })).status).toBe(
      422,
    );
    const res = await api.put(
      `/api/v1/relay-proxies/${rp.id}/agents/a1/sync?host=${encodeURIComponent(agent.url)}`,
      {
        key: rp.key,
      },
    );
    expect(res.body.data).toMatchObject({
      success: true,
      serves: 'default:dev',
      dataVersion: 42,
      reason: '',
    });
    const sent = agent.bootstraps.at(-1)!;
    expect(sent.authorization).toBe(rp.key);
    expect(sent.body.eventType).toBe('rp_full');
    expect(sent.body.items).toHaveLength(1);
    const item = sent.body.items[0];
    expect(Object.keys(item)).toEqual(['envId', 'secrets', 'featureFlags', 'segments']);
    expect(item.envId).toBe(devEnvId);
    expect(item.secrets.map((s: any) => Object.keys(s))).toEqual([
      ['type', 'projectKey', 'envId', 'envKey', 'value'],
      ['type', 'projectKey', 'envId', 'envKey', 'value'],
    ]);
    expect(item.featureFlags.map((f: any) => f.key)).toContain('relayed');
    const stored = (await api.store.relayProxies.findById(rp.id))!.agents[0];
    expect(stored).toMatchObject({ serves: 'default:dev', dataVersion: 42 });
    expect(stored.syncAt).not.toBeNull();
  });

  it('lets developers manage relay proxies (as FeatBit’s built-in policy) and refuses members without it', async () => {
    const added = await api.post('/api/v1/members/add', {
      email: 'rp-dev@example.com',
      policyIds: [DEVELOPER_POLICY_ID],
    });
    const developer = await api.fork().loginAs('rp-dev@example.com', added.body.data.initialPassword);
    expect((await developer.get('/api/v1/relay-proxies')).status).toBe(200);
    expect((await developer.post('/api/v1/relay-proxies', body())).status).toBe(200);

    const reader = await memberWith(api, 'rp-reader@example.com', 'rp-reader', [
      ...ENV_READER,
      {
        resourceType: 'relay-proxy',
        effect: 'allow',
        actions: ['ListRelayProxies'],
        resources: ['relay-proxy/*'],
      },
    ]);
    expect((await reader.get('/api/v1/relay-proxies')).status).toBe(200);
    const before = (await api.get('/api/v1/relay-proxies')).body.data.totalCount;
    expect((await reader.post('/api/v1/relay-proxies', body())).status).toBe(403);
    expect((await reader.get(`/api/v1/relay-proxies/agent-availability?agentHost=${agent.url}`)).status).toBe(
      403,
    );
    const someone = (await api.get('/api/v1/relay-proxies')).body.data.items[0];
    expect((await reader.delete(`/api/v1/relay-proxies/${someone.id}`)).status).toBe(403);
    expect((await api.get('/api/v1/relay-proxies')).body.data.totalCount).toBe(before);

    const outsider = await memberWith(api, 'rp-none@example.com', 'rp-none', ENV_READER);
    expect((await outsider.get('/api/v1/relay-proxies')).status).toBe(403);
  });
});
