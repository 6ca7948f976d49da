import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import { openStreaming, type StreamingClient } from '../support/streaming-client';
import { buildFlag, nextVersion, type SeededEnvironment } from '../support/targeting-fixtures';
import { EvaluationProduct, waitUntil } from './support/evaluation-product';

// Findings of the security probe on the SDK side, as reported: one deeply nested echo message
// ended the process; /streaming accepted any number of connections from one address.

jest.setTimeout(180_000);

const MAX_PER_ADDRESS = 6;

describe('SDK side robustness (evaluation role)', () => {
  let app: EvaluationProduct;
  let seeded: SeededEnvironment;
  let flag: FeatureFlag;
  const clients: StreamingClient[] = [];

  const open = (type: 'server' | 'client') => {
    const c = openStreaming(app.wsUrl, type === 'server' ? seeded.serverSecret : seeded.clientSecret, {
      type,
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    app = await EvaluationProduct.start({ env: { WS_MAX_CONNECTIONS_PER_IP: String(MAX_PER_ADDRESS) } });
    seeded = await app.seedEnvironment();
    flag = buildFlag(seeded.env.id, 'robust-flag', 'boolean', { updatedAt: '2024-04-10T10:00:00.000Z' });
    await app.saveFlag(flag, false);
  });

  afterEach(async () => {
    const closing = clients.splice(0);
    closing.forEach((c) => c.close());
    await Promise.all(closing.map((c) => c.closed));
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('survives an echo of 10,000 nested arrays sent with the client key; other connections stay up', async () => {
    const healthy = open('server');
    await healthy.opened;
    expect((await healthy.dataSync({ timestamp: 0 })).data.eventType).toBe('full');

    const attacker = open('client');
    await attacker.opened;
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    attacker.send(`{"messageType":"echo","data":${deep}}`);
    // The deep message is ignored like any malformed one: the next ping is still answered.
    attacker.send({ messageType: 'ping', data: {} });
    expect(await attacker.next()).toEqual({ messageType: 'pong', data: {} });

    expect(app.product.running).toBe(true);
    const before = healthy.messages.length;
    flag = nextVersion(flag, { isEnabled: !flag.isEnabled });
    await app.saveFlag(flag);
    const push = (await healthy.message(before + 1)) as {
      data: { eventType: string; featureFlags: { id: string }[] };
    };
    expect(push.data.eventType).toBe('patch');
    expect(push.data.featureFlags.map((f) => f.id)).toEqual([flag.id]);
  });

  describe('deeply nested JSON on the SDK REST routes is a 400, on the fast path and through Fastify', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const cases: [string, string][] = [
      ['/ofrep/v1/evaluate/flags', `{"context":{"targetingKey":"u","nested":${deep}}}`],
      ['/ofrep/v1/evaluate/flags/robust-flag', `{"context":{"targetingKey":"u","nested":${deep}}}`],
      ['/api/public/featureflag/evaluate', `{"user":{"keyId":"u"},"filter":{"tagFilterMode":${deep}}}`],
      ['/api/public/sdk/client/latest-all', `{"keyId":"u","customizedProperties":${deep}}`],
      ['/api/public/insight/track', `[{"user":{"keyId":"u"},"variations":${deep}}]`],
    ];
    it.each(cases)('%s', async (path, body) => {
      // An encoded letter in the path is not taken by the fast path: the Fastify route answers.
      const encoded = path.replace(
        /\/(evaluate|track|latest-all)/,
        (m) => `/%${m.charCodeAt(1).toString(16)}${m.slice(2)}`,
      );
      for (const url of [path, encoded]) {
        const res = await fetch(`${app.baseUrl}${url}`, {
          method: 'POST',
          headers: { authorization: seeded.clientSecret, 'content-type': 'application/json' },
          body,
        });
        expect({ url, status: res.status, body: await res.text() }).toEqual({
          url,
          status: 400,
          body: JSON.stringify({ error: 'the request body is JSON nested deeper than 64 levels' }),
        });
      }
      expect(app.product.running).toBe(true);
    });
  });

  it(`refuses the connection over WS_MAX_CONNECTIONS_PER_IP (${MAX_PER_ADDRESS}) with 429; closing one frees a slot`, async () => {
    const held = Array.from({ length: MAX_PER_ADDRESS }, (_, i) => open(i % 2 === 0 ? 'server' : 'client'));
    await Promise.all(held.map((c) => c.opened));

    const refused = open('server');
    await expect(refused.opened).rejects.toThrow(/429/);

    held[0].close();
    await held[0].closed;
    let admitted: StreamingClient | null = null;
    await waitUntil(
      async () => {
        const c = open('server');
        try {
          await c.opened;
          admitted = c;
          return true;
        } catch {
          return false;
        }
      },
      5_000,
      'a freed slot',
    );
    expect(admitted).not.toBeNull();
    expect((await admitted!.dataSync({ timestamp: 0 })).data.eventType).toBe('full');
  });
});
