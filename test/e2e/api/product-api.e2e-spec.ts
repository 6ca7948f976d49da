/* eslint-disable @typescript-eslint/no-explicit-any -- untyped JSON responses of the running product */
jest.setTimeout(180_000);
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/postgres-database';
import {
  ensureBuilt,
  type RunningProduct,
  startProduct,
  TEST_ADMIN_EMAIL,
  TEST_ADMIN_PASSWORD,
} from '../support/product';
import { boolFlag, waitFor } from './support/fixtures';

// The built product (node dist/main.js) on PostgreSQL with MQ_PROVIDER=postgres: a flag change made
// through the management API arrives on FeatBit's LISTEN channel with its queue_messages row, as an
// evaluation server would receive it; OpenAPI is served; management routes refuse anonymous callers.

describe('management API against the built product (PostgreSQL database and message queue)', () => {
  let db: TestDatabase;
  let product: RunningProduct;
  let listener: Client;
  const notifications: string[] = [];
  let token = '';
  const headers = (): Record<string, string> => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  });

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${product.baseUrl}${path}`, {
      method,
      headers: token ? headers() : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  beforeAll(async () => {
    ensureBuilt();
    db = await createTestDatabase('api_product');
    product = await startProduct({
      env: {
        DB_PROVIDER: 'postgres',
        POSTGRES_URL: db.url,
        MQ_PROVIDER: 'postgres',
        CACHE_PROVIDER: 'none',
        JWT_SECRET: 'product-api-e2e-jwt-secret-0123456789abcdef',
      },
    });
    listener = new Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (n) => notifications.push(n.payload ?? ''));
    await listener.query('LISTEN featbit_feature_flag_change_channel');
    // Readiness can precede the first-boot seed by a moment: retry until the admin exists.
    let login = { status: 0, body: null as any };
    // Slow retries: failed sign-ins count against the per-account limit.
    for (let attempt = 0; attempt < 8 && login.status !== 200; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 1000));
      login = await call('POST', '/api/v1/identity/login-by-email', {
        email: TEST_ADMIN_EMAIL,
        password: TEST_ADMIN_PASSWORD,
      });
    }
    expect(login.status).toBe(200);
    token = login.body.data.token;
  });

  afterAll(async () => {
    await listener?.end();
    await product?.stop();
    await db?.drop();
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = await fetch(`${product.baseUrl}/docs/openapi.json`);
    expect(doc.status).toBe(200);
    const json = (await doc.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(json.paths)).toEqual(
      expect.arrayContaining(['/api/v1/envs/{envId}/feature-flags', '/api/v1/identity/login-by-email']),
    );
    expect((await fetch(`${product.baseUrl}/docs`)).status).toBe(200);
  });

  it('refuses anonymous management calls', async () => {
    const res = await fetch(`${product.baseUrl}/api/v1/projects`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ success: false, errors: ['Unauthorized'] });
  });

  it('publishes a flag change on the PostgreSQL queue and records it in the audit log', async () => {
    const projects = await call('GET', '/api/v1/projects');
    const env = projects.body.data[0].environments.find((e: { key: string }) => e.key === 'prod');
    const created = await call('POST', `/api/v1/envs/${env.id}/feature-flags`, boolFlag('pg-published'));
    expect(created.status).toBe(200);
    const toggled = await call('PUT', `/api/v1/envs/${env.id}/feature-flags/pg-published/toggle/true`, {
      comment: 'via pg',
    });
    expect(toggled.status).toBe(200);

    let payloads: { key: string; isEnabled: boolean; revision: string }[] = [];
    await waitFor(async () => {
      if (notifications.length === 0) return false;
      const rows = await listener.query<{ payload: string }>(
        'SELECT payload FROM queue_messages WHERE id = ANY($1::bigint[]) ORDER BY id',
        [notifications.map(Number)],
      );
      payloads = rows.rows.map((r) => JSON.parse(r.payload));
      return payloads.some((p) => p.key === 'pg-published' && p.isEnabled);
    }, 15_000);
    const last = payloads.filter((p) => p.key === 'pg-published').pop()!;
    expect(last.revision).toBe(toggled.body.data);
    const outbox = await listener.query<{ n: string }>('SELECT count(*) AS n FROM outbox');
    expect(Number(outbox.rows[0].n)).toBe(0);

    const audit = await call('GET', `/api/v1/envs/${env.id}/audit-logs?refId=${created.body.data.id}`);
    expect(audit.body.data.items[0]).toMatchObject({
      comment: 'via pg',
      instructions: [expect.objectContaining({ kind: 'TurnFlagOn' })],
    });
  });
});
