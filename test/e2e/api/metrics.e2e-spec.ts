import type { AddressInfo } from 'node:net';
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';
import { openStreaming } from '../support/streaming-client';

jest.setTimeout(120_000);

// GET /metrics on the whole product in-process (docs/observability.md): an SDK connection, a flag
// toggle, an SDK REST call and an insight show up in the Prometheus exposition; METRICS_TOKEN guards it.

/** The value of one series, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('GET /metrics', () => {
  let api: ApiApp;
  let baseUrl: string;
  let envId: string;
  let serverSecret: string;

  const scrape = async (): Promise<string> => {
    const res = await api.get('/metrics', { token: null });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return res.raw;
  };

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    const env = (await api.defaultProject()).environments.find((e) => e.key === 'dev')!;
    envId = env.id;
    serverSecret = (env.secrets as { type: string; value: string }[]).find((s) => s.type === 'server')!.value;
    expect((await api.post(`/api/v1/envs/${envId}/feature-flags`, boolFlag('metered'))).status).toBe(200);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('is open without METRICS_TOKEN and serves process defaults', async () => {
    const text = await scrape();
    expect(text).toContain('# TYPE process_resident_memory_bytes gauge');
    expect(text).toContain('# TYPE featbit_http_request_duration_seconds histogram');
  });

  it('counts a connection, its push and the fan-out of a toggle, and the toggle route', async () => {
    const conn = openStreaming(baseUrl.replace('http', 'ws'), serverSecret, { type: 'server' });
    try {
      await conn.opened;
      await conn.dataSync({ timestamp: 0 });
      const before = await scrape();
      expect(sample(before, 'featbit_sdk_connections{type="server"}')).toBe(1);
      expect(sample(before, `featbit_sdk_connections_by_env{env_id="${envId}",type="server"}`)).toBe(1);
      const pushes = sample(before, 'featbit_pushes_total{kind="flag"}') ?? 0;
      const fanouts = sample(before, 'featbit_fanout_duration_seconds_count') ?? 0;
      const lagged =
        sample(before, 'featbit_queue_lag_seconds_count{topic="featbit-feature-flag-change"}') ?? 0;

      const received = conn.messages.length;
      const res = await api.put(`/api/v1/envs/${envId}/feature-flags/metered/toggle/true`, {});
      expect(res.status).toBe(200);
      await conn.message(received + 1);

      const after = await scrape();
      expect(sample(after, 'featbit_pushes_total{kind="flag"}')).toBe(pushes + 1);
      expect(sample(after, 'featbit_fanout_duration_seconds_count')).toBe(fanouts + 1);
      expect(
        sample(after, 'featbit_queue_lag_seconds_count{topic="featbit-feature-flag-change"}'),
      ).toBeGreaterThan(lagged);
      expect(after).toMatch(
        /featbit_http_request_duration_seconds_count\{method="PUT",route="\/api\/v1\/envs\/:envId\/feature-flags\/:key\/toggle\/:status",status_class="2xx"\} 1\n/,
      );
    } finally {
      conn.close();
    }
    await waitFor(
      async () => sample(await scrape(), 'featbit_sdk_connections{type="server"}') === 0,
      'the connection gauge to drop',
    );
  });

  it('records SDK REST answers of the fast path by route pattern, and insight intake and writes', async () => {
    const latest = await fetch(`${baseUrl}/api/public/sdk/server/latest-all`, {
      headers: { authorization: serverSecret },
    });
    expect(latest.status).toBe(200);
    const track = await fetch(`${baseUrl}/api/public/insight/track`, {
      method: 'POST',
      headers: { authorization: serverSecret, 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          user: { keyId: 'm1', name: 'm1' },
          variations: [
            { featureFlagKey: 'metered', variation: { id: 'x', value: 'true' }, timestamp: Date.now() },
          ],
        },
      ]),
    });
    expect(track.status).toBe(200);
    const text = await scrape();
    expect(
      sample(
        text,
        'featbit_http_request_duration_seconds_count{method="GET",route="/api/public/sdk/server/latest-all",status_class="2xx"}',
      ),
    ).toBe(1);
    expect(sample(text, 'featbit_insights_ingested_total')).toBe(1);
    await waitFor(
      async () => (sample(await scrape(), 'featbit_insight_events_written_total') ?? 0) >= 1,
      'the analytics writer',
    );
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let api: ApiApp;

  beforeAll(async () => {
    api = await ApiApp.start({ env: { METRICS_TOKEN: 'scrape-token-1' } });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers only the bearer of the token', async () => {
    expect((await api.get('/metrics', { token: null })).status).toBe(401);
    const wrong = await api.get('/metrics', { token: null, headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await api.get('/metrics', {
      token: null,
      headers: { authorization: 'Bearer scrape-token-1' },
    });
    expect(right.status).toBe(200);
    expect(right.raw).toContain('featbit_sdk_connections{type="server"} 0');
  });
});
