import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { createEnvironmentSecret } from '../../../src/core/tenancy/secret-format';
import { type RunningProduct, startProduct } from '../support/product';
import { waitUntil } from '../evaluation/support/evaluation-product';

jest.setTimeout(180_000);

// The edge role (docs/relay-proxies.md#edge-role) given bad input: wrong or missing settings are
// refused at start naming the variable; an upstream refusing the key leaves a started, unready edge
// retrying slowly; an upstream sending garbage is logged once per kind and never crashes the edge,
// which still applies the valid data-sync that follows.

const ENV_ID = '7a1c1bd6-9d1f-4c3e-b3f5-1f0a3c6b2d11';
const SECRET = createEnvironmentSecret(ENV_ID, '3f2c8a9e-5b7d-4e1a-9c6f-0d8b2a4e6f10');
const KEY = 'rp-edge-bad-input-test-key';

const flag = {
  id: 'c0a2a5b4-1111-4d0e-9a55-5a1f1c0f0001',
  envId: ENV_ID,
  name: 'from-fake',
  key: 'from-fake',
  variationType: 'boolean',
  variations: [
    { id: 'v-true', name: 'on', value: 'true' },
    { id: 'v-false', name: 'off', value: 'false' },
  ],
  targetUsers: [],
  rules: [],
  isEnabled: true,
  disabledVariationId: 'v-false',
  fallthrough: {
    dispatchKey: null,
    includedInExpt: false,
    variations: [{ id: 'v-true', rollout: [0, 1], exptRollout: 1 }],
  },
  exptIncludeAllTargets: true,
  tags: [],
  isArchived: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  creatorId: 'c',
  updatorId: 'c',
};

interface FakeUpstream {
  url: string;
  server: Server;
  wss: WebSocketServer;
  close(): Promise<void>;
}

/** An HTTP + WebSocket server standing in for an upstream that misbehaves in a chosen way. */
async function fakeUpstream(onSocket: (ws: WebSocket) => void, registerStatus = 200): Promise<FakeUpstream> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    if (req.url === '/api/public/agent/register') return void res.writeHead(registerStatus).end('agent');
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', onSocket);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    wss,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(resolve));
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function refusedStart(env: Record<string, string>, roles = 'edge'): Promise<string> {
  try {
    const product = await startProduct({ roles, env, readyTimeoutMs: 20_000 });
    await product.stop();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error('the edge started');
}

describe('edge role: bad input', () => {
  const running: RunningProduct[] = [];
  const fakes: FakeUpstream[] = [];
  afterAll(async () => {
    await Promise.allSettled(running.map((p) => p.stop()));
    await Promise.allSettled(fakes.map((f) => f.close()));
  });

  it('refuses an SDK secret as the relay key, a missing upstream, and edge combined with another role', async () => {
    const sdkSecret = await refusedStart({
      EDGE_UPSTREAM_URL: 'http://127.0.0.1:9',
      EDGE_RELAY_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    });
    expect(sdkSecret).toMatch(/EDGE_RELAY_KEY='\*\*\*': must be a relay-proxy key/);
    expect(sdkSecret).not.toContain('abcdefghijklmnop');
    expect(await refusedStart({ EDGE_RELAY_KEY: KEY })).toMatch(/EDGE_UPSTREAM_URL is required/);
    expect(await refusedStart({}, 'edge,evaluation')).toMatch(/cannot be combined with other roles/);
  });

  it('starts unready and retries slowly when the upstream refuses the key (4003)', async () => {
    const fake = await fakeUpstream((ws) => ws.close(4003, 'invalid request'), 200);
    fakes.push(fake);
    const edge = await startProduct({
      roles: 'edge',
      env: { EDGE_UPSTREAM_URL: fake.url, EDGE_RELAY_KEY: KEY },
      waitFor: 'live',
    });
    running.push(edge);
    await edge.waitForLog('the relay key is unknown or revoked');
    expect((await fetch(`${edge.baseUrl}/health/readiness`)).status).toBe(503);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(edge.logs().match(/the relay key is unknown or revoked/g)).toHaveLength(1);
    expect(edge.running).toBe(true);
  });

  it('ignores garbage frames (logged once per kind) and applies the valid data-sync after them', async () => {
    const garbage = [
      'not json at all',
      'not json at all',
      '['.repeat(10_000),
      '{"messageType":"surprise","data":{}}',
      '{"messageType":"data-sync","data":{"eventType":"rp_full","items":"nope"}}',
      '{"messageType":"data-sync","data":{"eventType":"rp_full","items":"nope"}}',
    ];
    const fake = await fakeUpstream((ws) => {
      ws.once('message', () => {
        for (const frame of garbage) ws.send(frame);
        ws.send(Buffer.from([0xff, 0xfe, 0x00]));
        const secrets = [{ type: 'server', projectKey: 'p', envId: ENV_ID, envKey: 'dev', value: SECRET }];
        ws.send(
          JSON.stringify({
            messageType: 'data-sync',
            data: {
              eventType: 'rp_full',
              items: [{ envId: ENV_ID, secrets, featureFlags: [flag], segments: [] }],
            },
          }),
        );
      });
    });
    fakes.push(fake);
    const edge = await startProduct({
      roles: 'edge',
      env: { EDGE_UPSTREAM_URL: fake.url, EDGE_RELAY_KEY: KEY },
    });
    running.push(edge);
    await waitUntil(async () => {
      const res = await fetch(`${edge.baseUrl}/api/public/sdk/server/latest-all`, {
        headers: { authorization: SECRET },
      });
      if (res.status !== 200) return false;
      const body = (await res.json()) as { data: { featureFlags: { key: string }[] } };
      return body.data.featureFlags.some((f) => f.key === 'from-fake');
    }, 20_000);
    const logs = edge.logs();
    expect(logs.match(/ignored an upstream message that is not JSON/g)).toHaveLength(2); // syntax, depth
    expect(logs.match(/ignored an upstream message of an unknown type/g)).toHaveLength(1);
    expect(logs.match(/ignored a data-sync message of an unknown shape/g)).toHaveLength(1);
    expect(edge.running).toBe(true);
  });
});
