import { startProduct, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD } from '../support/product';

// Readiness means usable: an operator (or an orchestrator) that signs in on the very first 200 of
// /health/readiness must find the admin account that first boot creates. Each run starts on an
// empty embedded database and polls readiness from the moment the process listens.
const RUNS = 3;

async function firstReady(baseUrl: string): Promise<void> {
  for (;;) {
    const res = await fetch(`${baseUrl}/health/readiness`);
    await res.arrayBuffer();
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('readiness after first boot', () => {
  it(`a sign-in right after the first 200 succeeds (${RUNS} fresh starts)`, async () => {
    for (let run = 0; run < RUNS; run++) {
      const product = await startProduct({ waitFor: 'live' });
      try {
        await firstReady(product.baseUrl);
        const res = await fetch(`${product.baseUrl}/api/v1/identity/login-by-email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD }),
        });
        const body = (await res.json()) as { success: boolean; errors: string[] };
        expect({ run, status: res.status, errors: body.errors }).toEqual({ run, status: 200, errors: [] });
        expect(body.success).toBe(true);
      } finally {
        await product.stop('SIGTERM');
      }
    }
  }, 300_000);
});
