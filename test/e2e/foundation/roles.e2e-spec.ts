import { startProduct, type RunningProduct } from '../support/product';

// Each role set boots on the embedded database and exposes only its own routes. Single-role
// processes need a queue other than the in-process bus; on PGlite the PostgreSQL-protocol queue
// runs inside the process.

interface Probe {
  name: string;
  role: 'api' | 'evaluation';
  method: string;
  path: string;
  /** The status that proves the route exists (404 means it does not). */
  expected: number;
}

const PROBES: Probe[] = [
  {
    name: 'management login',
    role: 'api',
    method: 'POST',
    path: '/api/v1/identity/login-by-email',
    expected: 400,
  },
  { name: 'OpenAPI document', role: 'api', method: 'GET', path: '/docs/openapi.json', expected: 200 },
  {
    name: 'server SDK polling',
    role: 'evaluation',
    method: 'GET',
    path: '/api/public/sdk/server/latest-all',
    expected: 401,
  },
  {
    name: 'insight intake',
    role: 'evaluation',
    method: 'POST',
    path: '/api/public/insight/track',
    expected: 401,
  },
  {
    name: 'OFREP bulk evaluation',
    role: 'evaluation',
    method: 'POST',
    path: '/ofrep/v1/evaluate/flags',
    expected: 401,
  },
];

async function status(product: RunningProduct, probe: Probe): Promise<number> {
  const res = await fetch(product.baseUrl + probe.path, {
    method: probe.method,
    headers: probe.method === 'POST' ? { 'content-type': 'application/json' } : {},
    body: probe.method === 'POST' ? '{}' : undefined,
  });
  await res.arrayBuffer();
  return res.status;
}

describe.each([
  ['all', {}],
  ['api', { MQ_PROVIDER: 'postgres' }],
  ['evaluation', { MQ_PROVIDER: 'postgres' }],
  ['analytics', { MQ_PROVIDER: 'postgres' }],
  ['api,evaluation', { MQ_PROVIDER: 'postgres' }],
] as [string, Record<string, string>][])('--role %s', (roles, env) => {
  let product: RunningProduct;
  const running = roles === 'all' ? ['api', 'evaluation', 'analytics'] : roles.split(',');

  beforeAll(async () => {
    product = await startProduct({ roles, env });
  }, 120_000);

  afterAll(async () => {
    await product?.stop();
  });

  it('is live and ready', async () => {
    expect((await fetch(`${product.baseUrl}/health/liveness`)).status).toBe(200);
    expect((await fetch(`${product.baseUrl}/health/readiness`)).status).toBe(200);
  });

  it('logs its roles and providers', () => {
    const started = product
      .logs()
      .split('\n')
      .find((line) => line.includes('"featbit-ts started"'));
    expect(started).toBeDefined();
    expect(JSON.parse(started!)).toMatchObject({ roles: running, database: { provider: 'pglite' } });
  });

  it.each(PROBES.map((p) => [p.name, p] as const))(
    '%s answers only when its role runs',
    async (_name, probe) => {
      const got = await status(product, probe);
      if (running.includes(probe.role)) expect(got).toBe(probe.expected);
      else expect(got).toBe(404);
    },
  );

  it('serves the console at / only with the api role', async () => {
    const res = await fetch(`${product.baseUrl}/flags/some-deep-link`);
    const body = await res.text();
    if (running.includes('api')) {
      expect(res.status).toBe(200);
      expect(body).toContain('<html');
    } else {
      expect(res.status).toBe(404);
    }
  });
});
