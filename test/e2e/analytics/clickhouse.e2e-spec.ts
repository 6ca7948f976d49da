import { createClient } from '@clickhouse/client';
import { signIn } from '../support/management-client';
import { startProduct, type RunningProduct } from '../support/product';

// The "pro" analytics path: insight events tracked by SDKs land in ClickHouse, once each.
const CLICKHOUSE_URL = process.env.TEST_CLICKHOUSE_URL ?? 'http://127.0.0.1:8123';
const database = `fbts_e2e_${process.pid}_${Date.now()}`;

describe('ANALYTICS_PROVIDER=clickhouse', () => {
  let product: RunningProduct;
  const clickhouse = createClient({ url: CLICKHOUSE_URL });

  beforeAll(async () => {
    product = await startProduct({
      env: { ANALYTICS_PROVIDER: 'clickhouse', CLICKHOUSE_URL, CLICKHOUSE_DATABASE: database },
    });
  }, 120_000);

  afterAll(async () => {
    await product?.stop();
    await clickhouse.command({ query: `DROP DATABASE IF EXISTS ${database}` });
    await clickhouse.close();
  });

  it('reports the ClickHouse store in readiness', async () => {
    const body = (await (await fetch(`${product.baseUrl}/health/readiness`)).json()) as {
      checks: Record<string, { ok: boolean }>;
    };
    expect(body.checks['analytics (clickhouse)']).toEqual({ ok: true });
  });

  it('stores every tracked custom event in ClickHouse exactly once', async () => {
    const client = await signIn(product.baseUrl);
    const env = await client.environment('dev');
    const secret = env.secrets.find((s) => s.type === 'server')!.value;
    const total = 500;
    for (let sent = 0; sent < total; sent += 50) {
      const body = Array.from({ length: 50 }, (_, i) => ({
        user: { keyId: `user-${sent + i}`, name: 'e2e', customizedProperties: [] },
        metrics: [
          {
            route: 'index/metric',
            type: 'CustomEvent',
            eventName: `checkout-${sent + i}`,
            numericValue: 1,
            appType: 'e2e',
            timestamp: Date.now(),
          },
        ],
      }));
      const res = await fetch(`${product.baseUrl}/api/public/insight/track`, {
        method: 'POST',
        headers: { authorization: secret, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
    }

    let rows = { n: 0, names: 0 };
    for (let i = 0; i < 100 && rows.n < total; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const result = await clickhouse.query({
        query: `SELECT count() AS n, uniqExact(distinct_id) AS names FROM ${database}.events WHERE env_id = '${env.id}'`,
        format: 'JSONEachRow',
        clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
      });
      const [row] = await result.json<{ n: number; names: number }>();
      rows = { n: Number(row.n), names: Number(row.names) };
    }
    expect(rows).toEqual({ n: total, names: total });
  }, 60_000);
});
