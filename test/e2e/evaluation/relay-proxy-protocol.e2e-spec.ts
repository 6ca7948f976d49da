/* eslint-disable @typescript-eslint/no-explicit-any -- messages are untyped JSON */
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { ApiApp } from '../api/support/api-app';
import { boolFlag, waitFor } from '../api/support/fixtures';
import { openStreaming, StreamingClient } from '../support/streaming-client';

jest.setTimeout(120_000);

// FeatBit's relay-proxy protocol on the evaluation role, checked against the shapes of FeatBit's
// verified snapshots (DataSyncTests.DoRelayProxyDataSyncAsync_type=full / _type=patch): rp_full and
// rp_patch for several environments, ordinary server patches after the sync, agent status stored,
// scope changes resynchronised, a revoked key disconnected, and bad handshakes refused with 4003.

/** The fields of a flag and a segment in FeatBit's snapshots (optional ones such as rules left out). */
const SNAPSHOT_FLAG_FIELDS = [
  'id',
  'createdAt',
  'updatedAt',
  'creatorId',
  'updatorId',
  'envId',
  'name',
  'key',
  'variationType',
  'variations',
  'isEnabled',
  'disabledVariationId',
  'fallthrough',
  'exptIncludeAllTargets',
  'isArchived',
];
const SNAPSHOT_SEGMENT_FIELDS = [
  'id',
  'createdAt',
  'updatedAt',
  'envId',
  'name',
  'description',
  'rules',
  'isArchived',
];
const SECRET_FIELDS = ['type', 'projectKey', 'envId', 'envKey', 'value'];
const ITEM_FIELDS = ['envId', 'secrets', 'featureFlags', 'segments'];

describe('relay-proxy protocol (evaluation role)', () => {
  let api: ApiApp;
  let wsUrl: string;
  let project: any;
  let dev: any;
  let prod: any;

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    project = await api.defaultProject();
    dev = project.environments.find((e: any) => e.key === 'dev');
    prod = project.environments.find((e: any) => e.key === 'prod');
    await api.post(`/api/v1/envs/${dev.id}/feature-flags`, boolFlag('dev-flag'));
    await api.post(`/api/v1/envs/${prod.id}/feature-flags`, boolFlag('prod-flag'));
    await api.post(`/api/v1/envs/${prod.id}/segments`, { name: 'Beta', key: 'beta' });
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    wsUrl = `ws://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await api?.close();
  });

  const createProxy = async (overrides: Record<string, unknown> = {}) =>
    (
      await api.post('/api/v1/relay-proxies', {
        name: `rp-${Math.random().toString(36).slice(2, 8)}`,
        isAllEnvs: false,
        scopes: [dev.id, prod.id],
        agents: [],
        ...overrides,
      })
    ).body.data as { id: string; key: string };
  const relay = (token: string) =>
    new StreamingClient(
      new WebSocket(`${wsUrl}/streaming?type=relay-proxy&token=${encodeURIComponent(token)}`, {
        perMessageDeflate: false,
      }),
    );
  const secretsOf = async (envId: string) =>
    ((await api.defaultProject()).environments.find((e: any) => e.id === envId) as any).secrets;
  const maxTs = (items: any[]) => Math.max(0, ...items.map((i) => Date.parse(i.updatedAt)));

  it('answers rp_full for timestamp 0 with FeatBit’s items per environment, then rp_patch per cursor', async () => {
    const { key } = await createProxy();
    const conn = relay(key);
    await conn.opened;
    const full = await conn.dataSync({ timestamp: 0 });
    expect(full.messageType).toBe('data-sync');
    expect(Object.keys(full.data)).toEqual(['eventType', 'items']);
    expect(full.data.eventType).toBe('rp_full');
    expect(full.data.items.map((i: any) => i.envId).sort()).toEqual([dev.id, prod.id].sort());
    for (const item of full.data.items) {
      expect(Object.keys(item)).toEqual(ITEM_FIELDS);
      const env = item.envId === dev.id ? dev : prod;
      expect(item.secrets.map((s: any) => Object.keys(s))).toEqual([SECRET_FIELDS, SECRET_FIELDS]);
      const expected = (await secretsOf(env.id)).map((s: any) => ({
        type: s.type,
        projectKey: project.key,
        envId: env.id,
        envKey: env.key,
        value: s.value,
      }));
      expect(item.secrets).toEqual(expected);
      for (const flag of item.featureFlags) {
        expect(Object.keys(flag)).toEqual(expect.arrayContaining(SNAPSHOT_FLAG_FIELDS));
        expect(flag.envId).toBe(env.id);
      }
    }
    const devItem = full.data.items.find((i: any) => i.envId === dev.id);
    const prodItem = full.data.items.find((i: any) => i.envId === prod.id);
    expect(devItem.featureFlags.map((f: any) => f.key)).toEqual(['dev-flag']);
    expect(prodItem.featureFlags.map((f: any) => f.key)).toEqual(['prod-flag']);
    expect(prodItem.segments.map((s: any) => s.name)).toEqual(['Beta']);
    expect(Object.keys(prodItem.segments[0])).toEqual(expect.arrayContaining(SNAPSHOT_SEGMENT_FIELDS));

    // A change after the sync reaches the agent as an ordinary server patch of its environment.
    const pushedAt = conn.messages.length;
    expect((await api.put(`/api/v1/envs/${prod.id}/feature-flags/prod-flag/toggle/true`, {})).status).toBe(
      200,
    );
    const push = await conn.message(pushedAt + 1);
    expect(push).toEqual({
      messageType: 'data-sync',
      data: {
        eventType: 'patch',
        featureFlags: [expect.objectContaining({ key: 'prod-flag', envId: prod.id, isEnabled: true })],
        segments: [],
      },
    });

    // Reconnected agent: its cursors per environment, as FeatBit's agent sends them.
    const devCursor = maxTs([...devItem.featureFlags, ...devItem.segments]);
    const prodCursor = maxTs([...prodItem.featureFlags, ...prodItem.segments]);
    await api.put(`/api/v1/envs/${dev.id}/feature-flags/dev-flag/toggle/true`, {});
    const again = relay(key);
    await again.opened;
    const patch = await again.dataSync({
      timestamp: Math.max(devCursor, prodCursor),
      envs: [
        { envId: dev.id, timestamp: devCursor },
        { envId: prod.id, timestamp: prodCursor },
      ],
    });
    expect(patch.data.eventType).toBe('rp_patch');
    const patched = Object.fromEntries(patch.data.items.map((i: any) => [i.envId, i]));
    expect(Object.keys(patched).sort()).toEqual([dev.id, prod.id].sort());
    expect(Object.keys(patched[dev.id])).toEqual(ITEM_FIELDS);
    expect(patched[dev.id].secrets).toEqual([]);
    expect(patched[dev.id].featureFlags.map((f: any) => [f.key, f.isEnabled])).toEqual([['dev-flag', true]]);
    expect(patched[prod.id].featureFlags.map((f: any) => [f.key, f.isEnabled])).toEqual([
      ['prod-flag', true],
    ]);
    expect(patched[prod.id].segments).toEqual([]);

    // Cursors that do not match the scope (an agent holding another set) get everything again.
    const other = await again.dataSync({ timestamp: 5, envs: [{ envId: dev.id, timestamp: 5 }] });
    expect(other.data.eventType).toBe('rp_full');
    conn.close();
    again.close();
  });

  it('stores agent status reports, ignores garbage, and keeps the connection', async () => {
    const { id, key } = await createProxy();
    const registered = await fetch(`${wsUrl.replace('ws:', 'http:')}/api/public/agent/register`, {
      method: 'POST',
      headers: { authorization: key, 'content-type': 'application/json' },
      body: JSON.stringify('agent-7'),
    });
    expect(registered.status).toBe(200);
    expect(await registered.text()).toBe('agent-7');
    const conn = relay(key);
    await conn.opened;
    await conn.dataSync({ timestamp: 0 });
    for (const garbage of [
      'not json',
      { messageType: 'rp-agent-status', data: null },
      { messageType: 'rp-agent-status', data: { agentId: 'agent-7', status: 42 } },
      { messageType: 'rp-agent-status', data: { agentId: 'agent-7', status: 'x'.repeat(5000) } },
      { messageType: 'rp-agent-status', data: { agentId: 'unknown', status: '{}' } },
      { messageType: 'data-sync', data: { timestamp: 'yesterday' } },
      { messageType: 'data-sync', data: { timestamp: 9, envs: 'all' } },
    ]) {
      conn.send(garbage);
    }
    const status = {
      serves: 'default:dev,default:prod',
      dataVersion: 1234,
      syncState: 'Stable',
      lastSyncedAt: null,
      reportedAt: new Date().toISOString(),
    };
    conn.send({
      messageType: 'rp-agent-status',
      data: { agentId: 'agent-7', status: JSON.stringify(status) },
    });
    await waitFor(
      async () => (await api.store.relayProxies.findById(id))!.autoAgents[0]?.reportedAt !== undefined,
    );
    const agent = (await api.store.relayProxies.findById(id))!.autoAgents[0];
    expect(agent).toMatchObject({
      id: 'agent-7',
      status: JSON.stringify(status),
      serves: status.serves,
      dataVersion: 1234,
    });
    const pong = await conn.dataSync({ timestamp: 0 });
    expect(pong.data.eventType).toBe('rp_full');
    conn.send({ messageType: 'ping', data: {} });
    expect(await conn.next()).toEqual({ messageType: 'pong', data: {} });
    conn.close();
  });

  it('resynchronises on a scope change and a deleted environment, and disconnects a deleted key with 4003', async () => {
    const temp = (await api.post('/api/v1/projects', { name: 'Temp', key: 'temp' })).body.data;
    const tempEnv = temp.environments[0];
    const { id, key } = await createProxy({ scopes: [dev.id, tempEnv.id] });
    const conn = relay(key);
    await conn.opened;
    expect((await conn.dataSync({ timestamp: 0 })).data.items).toHaveLength(2);

    let seen = conn.messages.length;
    await api.request('DELETE', `/api/v1/projects/${temp.id}/envs/${tempEnv.id}`);
    const withoutTemp = await conn.message(seen + 1);
    expect(withoutTemp.data.eventType).toBe('rp_full');
    expect(withoutTemp.data.items.map((i: any) => i.envId)).toEqual([dev.id]);

    seen = conn.messages.length;
    const update = { name: 'moved', isAllEnvs: false, scopes: [prod.id], agents: [] };
    expect((await api.put(`/api/v1/relay-proxies/${id}`, update)).status).toBe(200);
    const moved = await conn.message(seen + 1);
    expect(moved.data.eventType).toBe('rp_full');
    expect(moved.data.items.map((i: any) => i.envId)).toEqual([prod.id]);
    // The dev environment is no longer served: its changes do not reach the agent.
    seen = conn.messages.length;
    await api.put(`/api/v1/envs/${dev.id}/feature-flags/dev-flag/toggle/false`, {});
    await api.put(`/api/v1/envs/${prod.id}/feature-flags/prod-flag/toggle/false`, {});
    expect((await conn.message(seen + 1)).data.featureFlags[0].envId).toBe(prod.id);

    expect((await api.delete(`/api/v1/relay-proxies/${id}`)).status).toBe(200);
    expect((await conn.closed).code).toBe(4003);
    expect((await relay(key).closed).code).toBe(4003);
  });

  it('refuses unknown keys, SDK secrets as relay keys and relay keys as SDK secrets', async () => {
    const { key } = await createProxy();
    const serverSecret = (await secretsOf(dev.id)).find((s: any) => s.type === 'server').value;
    expect((await relay('rp-doesnotexistdoesnotexist').closed).code).toBe(4003);
    expect((await relay(serverSecret).closed).code).toBe(4003);
    expect((await relay('').closed).code).toBe(4003);
    expect((await openStreaming(wsUrl, key, { type: 'server' }).closed).code).toBe(4003);
    expect((await openStreaming(wsUrl, key, { type: 'relay-proxy' }).closed).code).toBe(4003);
    const rest = await fetch(`${wsUrl.replace('ws:', 'http:')}/api/public/sdk/server/latest-all`, {
      headers: { authorization: key },
    });
    expect(rest.status).toBe(401);
    const register = await fetch(`${wsUrl.replace('ws:', 'http:')}/api/public/agent/register`, {
      method: 'POST',
      headers: { authorization: serverSecret, 'content-type': 'application/json' },
      body: '"agent"',
    });
    expect(register.status).toBe(401);
    // A proxy whose only environment is gone has nothing to serve.
    const temp = (await api.post('/api/v1/projects', { name: 'Gone', key: 'gone' })).body.data;
    const lonely = await createProxy({ scopes: [temp.environments[0].id] });
    await api.request('DELETE', `/api/v1/projects/${temp.id}/envs/${temp.environments[0].id}`);
    expect((await relay(lonely.key).closed).code).toBe(4003);
  });
});
