import { randomUUID } from 'node:crypto';
import { createEnvironmentSecret } from '../../../src/core/tenancy/secret-format';
import { startProduct } from '../support/product';
import { openStreaming } from '../support/streaming-client';
import type { SeededEnvironment } from '../support/targeting-fixtures';
import { EvaluationProduct } from './support/evaluation-product';

jest.setTimeout(180_000);

describe('evaluation role lifecycle and limits', () => {
  describe('with a running store', () => {
    let app: EvaluationProduct;
    let seeded: SeededEnvironment;

    beforeAll(async () => {
      app = await EvaluationProduct.start({ env: { SDK_RATE_LIMIT_PER_MINUTE: '3' } });
      seeded = await app.seedEnvironment();
    });

    afterAll(async () => {
      await app?.stop();
    });

    it('reports "evaluation" in readiness', async () => {
      const report = (await (await fetch(`${app.baseUrl}/health/readiness`)).json()) as {
        checks: Record<string, { ok: boolean }>;
      };
      expect(report.checks.evaluation).toEqual({ ok: true });
    });

    it('limits REST requests per secret with 429, Retry-After and FeatBit body', async () => {
      const get = (secret: string) =>
        fetch(`${app.baseUrl}/api/public/sdk/server/latest-all`, { headers: { authorization: secret } });
      for (let i = 0; i < 3; i++) expect((await get(seeded.serverSecret)).status).toBe(200);
      const limited = await get(seeded.serverSecret);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.text()).toBe('{"error":"Rate limit exceeded. Please try again later."}');
      // Another secret has its own window.
      const other = await fetch(`${app.baseUrl}/api/public/featureflag/evaluate`, {
        method: 'POST',
        headers: { authorization: seeded.clientSecret, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { keyId: 'u' } }),
      });
      expect(other.status).toBe(200);
    });

    it('closes every SDK connection with 1001 (not 1000) on SIGTERM and exits cleanly', async () => {
      const server = openStreaming(app.wsUrl, seeded.serverSecret, { type: 'server' });
      const client = openStreaming(app.wsUrl, seeded.clientSecret, { type: 'client' });
      await Promise.all([server.opened, client.opened]);
      await server.dataSync({ timestamp: 0 });
      await client.dataSync({ timestamp: 0, user: { keyId: 'u1' } });
      app.product.child.kill('SIGTERM');
      expect(await server.closed).toEqual({ code: 1001, reason: 'server shutting down' });
      expect(await client.closed).toEqual({ code: 1001, reason: 'server shutting down' });
      expect(await app.product.exited).toEqual({ code: 0, signal: null });
    });
  });

  describe('when the store cannot be reached', () => {
    it('accepts the upgrade and closes with 1011 (SDKs retry), and REST answers 503', async () => {
      const product = await startProduct({
        roles: 'evaluation',
        waitFor: 'live',
        env: {
          DB_PROVIDER: 'postgres',
          POSTGRES_URL: 'postgres://postgres:x@127.0.0.1:1/nowhere',
          MQ_PROVIDER: 'postgres',
          CACHE_PROVIDER: 'none',
        },
      });
      try {
        const readiness = await fetch(`${product.baseUrl}/health/readiness`);
        expect(readiness.status).toBe(503);
        // Structurally valid: only the lookup can tell, and it cannot run.
        const secret = createEnvironmentSecret(randomUUID(), randomUUID());
        const conn = openStreaming(product.wsUrl, secret, { type: 'server' });
        await conn.opened;
        expect(await conn.closed).toEqual({ code: 1011, reason: 'service unavailable, close by server' });
        const rest = await fetch(`${product.baseUrl}/api/public/sdk/server/latest-all`, {
          headers: { authorization: secret },
        });
        expect(rest.status).toBe(503);
        // A malformed secret is refused without asking the store.
        const malformed = openStreaming(product.wsUrl, 'not-a-44-character-secret', { type: 'server' });
        await malformed.opened;
        expect((await malformed.closed).code).toBe(4003);
      } finally {
        await product.stop();
      }
    });
  });
});
