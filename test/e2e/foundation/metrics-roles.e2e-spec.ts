import { createTestDatabase, type TestDatabase } from '../support/postgres-database';
import { type RunningProduct, startProduct } from '../support/product';

jest.setTimeout(180_000);

// GET /metrics answers on the port of every role (docs/observability.md), in Prometheus' text
// format; on PostgreSQL it reports the pool, and METRICS_TOKEN closes it to anyone without the token.

async function scrape(
  product: RunningProduct,
  authorization?: string,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${product.baseUrl}/metrics`, {
    headers: authorization === undefined ? {} : { authorization },
  });
  return { status: res.status, text: await res.text() };
}

describe.each(['api', 'evaluation', 'analytics'])('--role %s', (role) => {
  let product: RunningProduct;

  beforeAll(async () => {
    product = await startProduct({ roles: role, env: { MQ_PROVIDER: 'postgres' } });
  }, 120_000);

  afterAll(async () => {
    await product?.stop();
  });

  it('serves /metrics in the text format', async () => {
    const { status, text } = await scrape(product);
    expect(status).toBe(200);
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('featbit_sdk_connections{type="client"} 0');
    // The probe just answered through Fastify: recorded by its route pattern.
    expect(text).toMatch(
      /featbit_http_request_duration_seconds_count\{method="GET",route="\/health\/readiness"/,
    );
  });
});

describe('--role evaluation on PostgreSQL with METRICS_TOKEN', () => {
  let db: TestDatabase;
  let product: RunningProduct;

  beforeAll(async () => {
    db = await createTestDatabase('metrics');
    product = await startProduct({
      roles: 'evaluation',
      env: {
        DB_PROVIDER: 'postgres',
        POSTGRES_URL: db.url,
        MQ_PROVIDER: 'postgres',
        METRICS_TOKEN: 'scrape-me-1',
      },
    });
  }, 120_000);

  afterAll(async () => {
    await product?.stop();
    await db?.drop();
  });

  it('refuses a scrape without the bearer token and reports the pool with it', async () => {
    expect((await scrape(product)).status).toBe(401);
    expect((await scrape(product, 'Bearer wrong')).status).toBe(401);
    const { status, text } = await scrape(product, 'Bearer scrape-me-1');
    expect(status).toBe(200);
    const total = /featbit_db_pool_connections\{state="total"\} (\d+)/.exec(text);
    expect(Number(total?.[1])).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/featbit_db_pool_connections\{state="idle"\} \d+/);
    expect(text).toMatch(/featbit_db_pool_connections\{state="waiting"\} \d+/);
  });
});
