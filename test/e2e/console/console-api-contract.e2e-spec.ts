import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, type RunningProduct, startProduct } from '../support/product';
import { fetchOpenApi, undocumentedCalls } from './support/openapi-routes';

// The console's HTTP client is generated from the API's OpenAPI document; this keeps the committed
// client honest against the document the product serves now.

jest.setTimeout(120_000);

describe('console: API contract', () => {
  let product: RunningProduct;

  beforeAll(async () => {
    product = await startProduct();
  });

  afterAll(async () => {
    await product?.stop();
  });

  it('has a generated API client that matches the served OpenAPI document', async () => {
    const script = join(REPO_ROOT, 'apps/admin-ui/scripts/generate-api-client.mjs');
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      [script, '--check', `${product.baseUrl}/docs/openapi.json`],
      {
        cwd: REPO_ROOT,
      },
    ).catch((err: { stderr?: string; message: string }) => {
      throw new Error(err.stderr || err.message);
    });
    expect(stdout).toContain('matches the OpenAPI document');
  });

  it('recognises documented and undocumented calls', async () => {
    const document = await fetchOpenApi(product.baseUrl);
    const calls = [
      { method: 'GET', path: '/api/v1/envs/6a1f/feature-flags/my.flag-key', status: 200 },
      { method: 'PUT', path: '/api/v1/envs/6a1f/feature-flags/my-key/toggle/false', status: 200 },
      { method: 'POST', path: '/api/v1/envs/6a1f/feature-flags/my-key/no-such-action', status: 404 },
      { method: 'PATCH', path: '/api/v1/projects', status: 404 },
    ];
    expect(undocumentedCalls(calls, document)).toEqual([
      'POST /api/v1/envs/6a1f/feature-flags/my-key/no-such-action',
      'PATCH /api/v1/projects',
    ]);
  });
});
