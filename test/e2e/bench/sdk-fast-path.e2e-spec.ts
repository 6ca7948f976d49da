import { request } from 'node:http';
import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import { EvaluationProduct } from '../evaluation/support/evaluation-product';
import { buildFlag, ruleServingFirst, type SeededEnvironment } from '../support/targeting-fixtures';

// The evaluation server answers plain SDK REST requests before Fastify (src/evaluation/http/
// sdk-fast-path.ts, issue 8). Every request here is sent twice against the built product: plain
// (taken by the fast path) and with a chunked body or an encoded query (left to Fastify). Both
// answers must be the same status, headers and bytes (apart from Date and a generated request id).

jest.setTimeout(180_000);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | null,
  chunked: boolean,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const h: Record<string, string> = { ...headers };
    if (body !== null) {
      h['content-type'] ??= 'application/json';
      if (chunked) h['transfer-encoding'] = 'chunked';
      else h['content-length'] = String(Buffer.byteLength(body));
    }
    const req = request(`${base}${path}`, { method, headers: h, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (k === 'date' || v === undefined) continue;
          out[k] = Array.isArray(v) ? v.join(', ') : v;
        }
        resolve({ status: res.statusCode ?? 0, headers: out, body: text });
      });
    });
    req.on('error', reject);
    if (body !== null && chunked && body.length > 0) {
      // Two chunks: the body arrives in pieces, as a streaming client would send it.
      req.write(body.slice(0, Math.ceil(body.length / 2)));
      req.write(body.slice(Math.ceil(body.length / 2)));
    }
    req.end(body !== null && !chunked ? body : undefined);
  });
}

describe('SDK fast path answers exactly as the Fastify routes', () => {
  let app: EvaluationProduct;
  let seeded: SeededEnvironment;
  let flags: FeatureFlag[];

  /** Sends both ways and expects the same answer; returns it. */
  const same = async (method: string, path: string, headers: Record<string, string>, body: string | null) => {
    const fast = await send(app.baseUrl, method, path, headers, body, false);
    const slowPath = body === null ? `${path}${path.includes('?') ? '&' : '?'}timestamp=%30` : path;
    const slow = await send(app.baseUrl, method, body === null ? slowPath : path, headers, body, true);
    const strip = (a: Answer) => ({
      ...a,
      headers: { ...a.headers, 'x-request-id': headers['x-request-id'] ?? '<generated>' },
    });
    expect(strip(fast)).toEqual(strip(slow));
    expect(fast.headers['x-request-id']).toMatch(headers['x-request-id'] ?? /^[0-9a-f-]{36}$/);
    return fast;
  };

  beforeAll(async () => {
    app = await EvaluationProduct.start();
    seeded = await app.seedEnvironment();
    const a = buildFlag(seeded.env.id, 'checkout', 'boolean', { updatedAt: '2024-04-10T10:00:00.000Z' });
    a.rules = [ruleServingFirst(a, 'beta testers', 'plan', 'Equal', 'beta')];
    const b = buildFlag(seeded.env.id, 'Banner.Color', 'string', { updatedAt: '2024-04-10T11:00:00.000Z' });
    const c = buildFlag(seeded.env.id, 'settings', 'json', { updatedAt: '2024-04-10T12:00:00.000Z' });
    const d = buildFlag(seeded.env.id, 'retired', 'number', {
      updatedAt: '2024-04-10T13:00:00.000Z',
      isArchived: true,
    });
    flags = [a, b, c, d];
    for (const f of flags) await app.saveFlag(f, false);
  });

  afterAll(async () => {
    await app?.stop();
  });

  const user = { keyId: 'u-1', name: 'Ann', customizedProperties: [{ name: 'plan', value: 'beta' }] };

  it('/featureflag/evaluate: answers, filters and errors', async () => {
    const client = { authorization: seeded.clientSecret };
    const ok = await same('POST', '/api/public/featureflag/evaluate', client, JSON.stringify({ user }));
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.body) as unknown[]).length).toBe(4);
    await same(
      'POST',
      '/api/public/featureflag/evaluate/',
      { ...client, origin: 'https://app.example', 'x-request-id': 'trace-42' },
      JSON.stringify({ user, filter: { keys: ['checkout'], tagFilterMode: 'or', tags: [] } }),
    );
    expect((await same('POST', '/api/public/featureflag/evaluate', client, '{"user":{}}')).status).toBe(400);
    await same(
      'POST',
      '/api/public/featureflag/evaluate',
      client,
      JSON.stringify({ user, filter: { tagFilterMode: 'x' } }),
    );
    expect((await same('POST', '/api/public/featureflag/evaluate', {}, '{}')).status).toBe(401);
    await same('POST', '/api/public/featureflag/evaluate', { authorization: 'nope' }, '{}');
  });

  it('JSON bodies the parser refuses: empty, invalid, poisoned', async () => {
    const client = { authorization: seeded.clientSecret };
    expect((await same('POST', '/api/public/featureflag/evaluate', client, '')).status).toBe(400);
    expect((await same('POST', '/api/public/featureflag/evaluate', client, '{bad')).status).toBe(400);
    const poisoned = '{"user":{"keyId":"u","__proto__":{"x":1}}}';
    expect((await same('POST', '/api/public/featureflag/evaluate', client, poisoned)).status).toBe(400);
  });

  it('OFREP single and bulk evaluation, with ETag and 304', async () => {
    const auth = { authorization: `Bearer ${seeded.clientSecret}` };
    const context = JSON.stringify({ context: { targetingKey: 'u-1', plan: 'beta' } });
    const single = await same('POST', '/ofrep/v1/evaluate/flags/checkout', auth, context);
    expect(JSON.parse(single.body)).toMatchObject({ key: 'checkout', value: true });
    await same('POST', '/OFREP/v1/evaluate/flags/Banner.Color', auth, context);
    await same('POST', '/ofrep/v1/evaluate/flags/settings', auth, context);
    expect((await same('POST', '/ofrep/v1/evaluate/flags/retired', auth, context)).status).toBe(404);
    expect((await same('POST', '/ofrep/v1/evaluate/flags/checkout', auth, '{"context":{}}')).status).toBe(
      400,
    );
    const bulk = await same('POST', '/ofrep/v1/evaluate/flags', auth, context);
    const etag = bulk.headers.etag;
    expect(etag).toMatch(/^".+"$/);
    const notModified = await same(
      'POST',
      '/ofrep/v1/evaluate/flags',
      { ...auth, 'if-none-match': etag },
      context,
    );
    expect(notModified.status).toBe(304);
  });

  it('latest-all for server and client SDKs', async () => {
    const server = { authorization: seeded.serverSecret };
    const full = await same('GET', '/api/public/sdk/server/latest-all', server, null);
    expect(full.status).toBe(200);
    const newest = Date.parse(flags[3].updatedAt);
    const send2 = (q: string) =>
      send(app.baseUrl, 'GET', `/api/public/sdk/server/latest-all?${q}`, server, null, false);
    // Fastify (encoded query) and the fast path read the same timestamp.
    const fastEmpty = await send2(`timestamp=${newest}`);
    const slowEmpty = await send2(`timestamp=${newest}&x=%41`);
    expect({ ...fastEmpty, headers: { ...fastEmpty.headers, 'x-request-id': '' } }).toEqual({
      ...slowEmpty,
      headers: { ...slowEmpty.headers, 'x-request-id': '' },
    });
    expect(fastEmpty).toMatchObject({ status: 200, body: '' });
    expect(
      (await same('GET', '/api/public/sdk/server/latest-all', { authorization: seeded.clientSecret }, null))
        .status,
    ).toBe(403);
    const client = { authorization: seeded.clientSecret };
    expect(
      (await same('POST', '/api/public/sdk/client/latest-all', client, JSON.stringify(user))).status,
    ).toBe(200);
    expect((await same('POST', '/api/public/sdk/client/latest-all', client, '{"name":"x"}')).status).toBe(
      400,
    );
    expect(
      (await same('POST', '/api/public/sdk/client/latest-all?timestamp=abc', client, JSON.stringify(user)))
        .status,
    ).toBe(400);
  });
});
