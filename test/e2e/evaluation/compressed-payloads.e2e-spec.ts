/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DataSyncModeEnum, FbClientBuilder, type IFbClient, UserBuilder } from '@featbit/node-server-sdk';
import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import { buildFlag, type SeededEnvironment } from '../support/targeting-fixtures';
import { EvaluationProduct, waitUntil } from './support/evaluation-product';

jest.setTimeout(180_000);

// Issue 22: server/latest-all answers in the coding the caller accepts (gzip, brotli), computed
// once per payload version; callers that offer nothing (the official node SDK's polling) get the
// plain bytes. Raw node:http requests, so the test sees the bytes on the wire.

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function decode(res: RawResponse): string {
  const coding = res.headers['content-encoding'];
  if (coding === 'gzip') return gunzipSync(res.body).toString('utf8');
  if (coding === 'br') return brotliDecompressSync(res.body).toString('utf8');
  expect(coding).toBeUndefined();
  return res.body.toString('utf8');
}

describe('compressed SDK payloads (Accept-Encoding)', () => {
  let app: EvaluationProduct;
  let seeded: SeededEnvironment;
  let flags: FeatureFlag[];
  let sdk: IFbClient | undefined;

  const latestAll = (acceptEncoding: string | null, query = '?timestamp=0') =>
    raw(`${app.baseUrl}/api/public/sdk/server/latest-all${query}`, 'GET', {
      authorization: seeded.serverSecret,
      ...(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }),
    });

  beforeAll(async () => {
    app = await EvaluationProduct.start();
    seeded = await app.seedEnvironment();
    flags = Array.from({ length: 12 }, (_, i) =>
      buildFlag(seeded.env.id, `compressed-${i}`, i % 2 === 0 ? 'boolean' : 'string', {
        updatedAt: new Date(Date.UTC(2024, 3, 10, 10, i)).toISOString(),
      }),
    );
    for (const f of flags) await app.saveFlag(f, false);
  });

  afterAll(async () => {
    await sdk?.close();
    await app?.stop();
  });

  it('sends the plain payload to a caller offering no coding, and says it varies', async () => {
    const plain = await latestAll(null);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Origin, Accept-Encoding');
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    const json = JSON.parse(plain.body.toString('utf8'));
    expect(json.data.featureFlags.map((f: any) => f.key).sort()).toEqual(flags.map((f) => f.key).sort());
    expect((await latestAll('identity')).headers['content-encoding']).toBeUndefined();
    expect((await latestAll('deflate')).headers['content-encoding']).toBeUndefined();
  });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['*', 'br'],
  ])('answers Accept-Encoding %p with %s, decoding to the same JSON', async (accept, coding) => {
    const plain = (await latestAll(null)).body.toString('utf8');
    // Concurrent first requests of a coding share one compression.
    const answers = await Promise.all([latestAll(accept), latestAll(accept), latestAll(accept)]);
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(coding);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.headers.vary).toBe('Origin, Accept-Encoding');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(res.body.length).toBeLessThan(plain.length / 3);
      expect(decode(res)).toBe(plain);
      expect(res.body.equals(answers[0].body)).toBe(true);
    }
  });

  it('compresses on the Fastify path too (a query the fast path leaves to Fastify), and for HEAD', async () => {
    const plain = (await latestAll(null)).body.toString('utf8');
    const viaFastify = await latestAll('br', '?timestamp=0&x=%20');
    expect(viaFastify.headers['content-encoding']).toBe('br');
    expect(String(viaFastify.headers.vary)).toContain('Accept-Encoding');
    expect(decode(viaFastify)).toBe(plain);
    const head = await raw(`${app.baseUrl}/api/public/sdk/server/latest-all`, 'HEAD', {
      authorization: seeded.serverSecret,
      'accept-encoding': 'gzip',
    });
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
  });

  it('recomputes the compressed payload when the environment changes', async () => {
    const before = decode(await latestAll('br'));
    const changed = { ...flags[0], isEnabled: false, updatedAt: new Date().toISOString() };
    await app.saveFlag(changed, true);
    await waitUntil(
      async () => decode(await latestAll('br')) !== before,
      10_000,
      'the new payload, compressed',
    );
    expect(decode(await latestAll('br'))).toBe((await latestAll(null)).body.toString('utf8'));
    flags[0] = changed;
  });

  it('keeps small answers plain (an empty patch, errors)', async () => {
    const unauthorized = await raw(`${app.baseUrl}/api/public/sdk/server/latest-all`, 'GET', {
      'accept-encoding': 'gzip, br',
    });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers['content-encoding']).toBeUndefined();
    const empty = await latestAll('gzip, br', `?timestamp=${Date.now() + 60_000}`);
    expect(empty.status).toBe(200);
    expect(empty.body.length).toBe(0);
    expect(empty.headers['content-encoding']).toBeUndefined();
  });

  it('keeps OFREP bulk 304s working whatever the caller accepts', async () => {
    const post = (headers: Record<string, string>) =>
      raw(
        `${app.baseUrl}/ofrep/v1/evaluate/flags`,
        'POST',
        { authorization: seeded.clientSecret, 'content-type': 'application/json', ...headers },
        JSON.stringify({ context: { targetingKey: 'user-1' } }),
      );
    const first = await post({ 'accept-encoding': 'gzip, deflate, br' });
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    for (const accept of ['gzip, deflate, br', 'identity', 'br']) {
      const again = await post({ 'accept-encoding': accept, 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it('the official node SDK polling server/latest-all (it offers no coding) gets the plain payload', async () => {
    sdk = new FbClientBuilder()
      .sdkKey(seeded.serverSecret)
      .dataSyncMode(DataSyncModeEnum.POLLING)
      .pollingUri(app.baseUrl)
      .eventsUri(app.baseUrl)
      .pollingInterval(1000)
      .build();
    await sdk.waitForInitialization();
    const user = new UserBuilder('poller-1').build();
    expect(sdk.initialized()).toBe(true);
    expect(await sdk.boolVariation('compressed-0', user, true)).toBe(false);
    expect(await sdk.stringVariation('compressed-1', user, 'none')).toBe(flags[1].variations[1].value);
    const access = app
      .logs()
      .split('\n')
      .filter((l) => l.includes('"path":"/api/public/sdk/server/latest-all"') && l.includes('"status":200'));
    expect(access.length).toBeGreaterThan(0);
  });
});
