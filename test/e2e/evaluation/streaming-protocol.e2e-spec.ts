/* eslint-disable @typescript-eslint/no-explicit-any -- messages are untyped JSON */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import { TOPICS } from '../../../src/core/ports/message-bus.port';
import { buildStreamingToken } from '../../../src/core/sdk/streaming-token';
import { createEnvironmentSecret } from '../../../src/core/tenancy/secret-format';
import { openStreaming, type StreamingClient } from '../support/streaming-client';
import {
  buildFlag,
  buildSegment,
  nextVersion,
  ruleServingFirst,
  type SeededEnvironment,
} from '../support/targeting-fixtures';
import { EvaluationProduct, waitUntil } from './support/evaluation-product';

jest.setTimeout(180_000);

const MAX_MESSAGE_BYTES = 4096;

describe('streaming protocol (raw WebSocket client against the evaluation role)', () => {
  let app: EvaluationProduct;
  let seeded: SeededEnvironment;
  let flagA: FeatureFlag;
  let flagB: FeatureFlag;
  let endUsers: unknown[];
  const clients: StreamingClient[] = [];

  const open = (secret: string, options: Parameters<typeof openStreaming>[2] = {}) => {
    const client = openStreaming(app.wsUrl, secret, options);
    clients.push(client);
    return client;
  };
  const server = () => open(seeded.serverSecret, { type: 'server' });
  const client = () => open(seeded.clientSecret, { type: 'client' });

  beforeAll(async () => {
    app = await EvaluationProduct.start({ env: { WS_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
    seeded = await app.seedEnvironment();
    flagA = buildFlag(seeded.env.id, 'flag-a', 'boolean', { updatedAt: '2024-04-10T10:00:00.000Z' });
    flagA.rules = [ruleServingFirst(flagA, 'country is nl', 'country', 'Equal', 'nl')];
    flagB = buildFlag(seeded.env.id, 'flag-b', 'string', { updatedAt: '2024-04-10T11:00:00.000Z' });
    await app.saveFlag(flagA, false);
    await app.saveFlag(flagB, false);
    endUsers = await app.collect(TOPICS.endUsers);
  });

  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });

  afterAll(async () => {
    await app?.stop();
  });

  describe('messages', () => {
    it('answers ping with exactly {"messageType":"pong","data":{}}, whatever the case of the type', async () => {
      const c = server();
      await c.opened;
      c.send('{"messageType":"ping","data":null}');
      await c.message(1);
      c.send({ messageType: 'PING', data: {} });
      await c.message(2);
      expect(c.raw).toEqual(['{"messageType":"pong","data":{}}', '{"messageType":"pong","data":{}}']);
    });

    it('echoes', async () => {
      const c = server();
      await c.opened;
      c.send({ messageType: 'echo', data: { hello: ['world', 1] } });
      expect(await c.next()).toEqual({ messageType: 'echo', data: { hello: ['world', 1] } });
    });

    it('sends a server SDK the full data set for timestamp 0 and a patch of strictly newer items otherwise', async () => {
      const c = server();
      await c.opened;
      const full = await c.dataSync({ timestamp: 0 });
      expect(full.messageType).toBe('data-sync');
      expect(full.data.eventType).toBe('full');
      expect(full.data.featureFlags.map((f: FeatureFlag) => f.key).sort()).toEqual(['flag-a', 'flag-b']);
      expect(full.data.featureFlags.find((f: FeatureFlag) => f.key === 'flag-a')).toEqual(flagA);
      expect(full.data.segments).toEqual([]);

      const patch = await c.dataSync({ timestamp: Date.parse(flagA.updatedAt) });
      expect(patch.data).toEqual({ eventType: 'patch', featureFlags: [flagB], segments: [] });
      const empty = await c.dataSync({ timestamp: Date.parse(flagB.updatedAt) });
      expect(empty.data).toEqual({ eventType: 'patch', featureFlags: [], segments: [] });
    });

    it('evaluates for a client SDK user, and a later data-sync with another user is an identify', async () => {
      const c = client();
      await c.opened;
      const user = { keyId: 'u-nl', name: 'Nl', customizedProperties: [{ name: 'country', value: 'nl' }] };
      const first = await c.dataSync({ timestamp: 0, user });
      expect(first.data.eventType).toBe('full');
      expect(first.data.userKeyId).toBe('u-nl');
      const a = first.data.featureFlags.find((f: { id: string }) => f.id === 'flag-a');
      expect(a).toEqual({
        id: 'flag-a',
        variation: 'true',
        variationType: 'boolean',
        variationId: flagA.variations[0].id,
        matchReason: 'country is nl',
        variationOptions: flagA.variations.map((v) => ({ id: v.id, value: v.value })),
        sendToExperiment: true,
        timestamp: Date.parse(flagA.updatedAt),
      });
      const second = await c.dataSync({ timestamp: 0, user: { keyId: 'u-other' } });
      expect(second.data.userKeyId).toBe('u-other');
      expect(second.data.featureFlags.find((f: { id: string }) => f.id === 'flag-a')).toMatchObject({
        variation: 'false',
        matchReason: 'default',
      });
      // Each attached user is published to featbit-endusers once per window.
      await c.dataSync({ timestamp: 0, user });
      await waitUntil(
        () =>
          endUsers.filter((u: any) => u.envId === seeded.env.id && ['u-nl', 'u-other'].includes(u.keyId))
            .length === 2,
        10_000,
        'the end-user messages',
      );
      expect(endUsers).toContainEqual({
        envId: seeded.env.id,
        keyId: 'u-nl',
        name: 'Nl',
        customizedProperties: user.customizedProperties,
      });
      await new Promise((r) => setTimeout(r, 1_000));
      expect(endUsers.filter((u: any) => u.keyId === 'u-nl')).toHaveLength(1);
    });

    it('sends nothing for a client data-sync without a valid user, and keeps the connection', async () => {
      const c = client();
      await c.opened;
      c.send({ messageType: 'data-sync', data: { timestamp: 0 } });
      c.send({ messageType: 'data-sync', data: { timestamp: 0, user: { keyId: '  ' } } });
      c.send({ messageType: 'data-sync', data: { timestamp: 'x', user: { keyId: 'u' } } });
      c.send({ messageType: 'ping', data: null });
      expect(await c.next()).toEqual({ messageType: 'pong', data: {} });
      expect(c.messages).toHaveLength(1);
    });
  });

  describe('handshake', () => {
    const expectRefused = async (c: StreamingClient) => {
      await c.opened; // the upgrade is accepted so that the SDK sees the close code
      expect(await c.closed).toEqual({ code: 4003, reason: 'invalid request, close by server' });
    };

    it('refuses an expired or future token with 4003', async () => {
      await expectRefused(open(seeded.serverSecret, { tokenTime: Date.now() - 31_000 }));
      await expectRefused(open(seeded.serverSecret, { tokenTime: Date.now() + 31_000 }));
    });

    it('refuses a well-formed secret that does not exist (forged) with 4003', async () => {
      const forged = createEnvironmentSecret(seeded.env.id, randomUUID());
      await expectRefused(open(forged));
    });

    it('refuses a secret of the other type with 4003', async () => {
      await expectRefused(open(seeded.clientSecret, { type: 'server' }));
      await expectRefused(open(seeded.serverSecret, { type: 'client' }));
    });

    it('refuses relay-proxy, unknown types, unknown versions and malformed or missing tokens with 4003', async () => {
      await expectRefused(open(seeded.serverSecret, { type: 'relay-proxy' }));
      await expectRefused(open(seeded.serverSecret, { type: 'Server' }));
      await expectRefused(open(seeded.serverSecret, { version: '3' }));
      await expectRefused(open(seeded.serverSecret, { token: 'QQQQS123' }));
      await expectRefused(open(seeded.serverSecret, { token: '' }));
    });

    it('accepts versions 1 and 2 and paths below /streaming, matched case-insensitively', async () => {
      for (const options of [
        { version: '2' },
        { version: '1' },
        { path: '/Streaming' },
        { path: '/streaming/x' },
      ]) {
        const c = open(seeded.serverSecret, options);
        await c.opened;
        expect((await c.dataSync({ timestamp: 0 })).data.eventType).toBe('full');
      }
    });

    it('stops accepting a removed secret within seconds', async () => {
      const env = await app.store.environments.findById(seeded.env.id);
      const extra = {
        id: randomUUID(),
        name: 'temp',
        type: 'server' as const,
        value: createEnvironmentSecret(seeded.env.id, randomUUID()),
      };
      await app.store.environments.update({ ...env!, secrets: [...env!.secrets, extra] });
      const accepted = open(extra.value);
      await accepted.opened;
      expect((await accepted.dataSync({ timestamp: 0 })).data.eventType).toBe('full');
      await app.store.environments.update({ ...env!, secrets: env!.secrets });
      const refused = async () => {
        const c = open(extra.value);
        const outcome = await Promise.race([
          c.closed.then((closed) => closed.code),
          c.opened.then(() => c.dataSync({ timestamp: 0 })).then(() => 'served' as const),
        ]);
        c.close();
        if (outcome !== 4003) await new Promise((r) => setTimeout(r, 250));
        return outcome === 4003;
      };
      await waitUntil(refused, 10_000, 'the removed secret to be refused');
    });

    it('never logs secrets or tokens', async () => {
      const token = buildStreamingToken(seeded.serverSecret, Date.now());
      const c = open(seeded.serverSecret, { token });
      await c.opened;
      await c.dataSync({ timestamp: 0 });
      await expectRefused(open(seeded.clientSecret, { type: 'server' }));
      const logs = app.logs();
      expect(logs).toContain('streaming handshake refused');
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(seeded.serverSecret);
      expect(logs).not.toContain(seeded.clientSecret);
    });
  });

  describe('robustness', () => {
    it('ignores garbage frames and unknown message types without affecting the connection', async () => {
      const c = server();
      await c.opened;
      for (const junk of [
        'not json',
        '{',
        '[]',
        'null',
        '{"messageType":"nope","data":{}}',
        '{"messageType":"ping"}',
      ]) {
        c.send(junk);
      }
      c.ws.send(Buffer.from([0xff, 0xfe, 0x00, 0x01]), { binary: true });
      c.send({ messageType: 'ping', data: null });
      expect(await c.next()).toEqual({ messageType: 'pong', data: {} });
      expect(c.messages).toHaveLength(1);
    });

    it('closes only the connection that sends an oversized frame', async () => {
      const bystander = server();
      const offender = server();
      await Promise.all([bystander.opened, offender.opened]);
      offender.send({ messageType: 'echo', data: 'x'.repeat(MAX_MESSAGE_BYTES + 10) });
      expect((await offender.closed).code).toBe(1009);
      bystander.send({ messageType: 'ping', data: null });
      expect(await bystander.next()).toEqual({ messageType: 'pong', data: {} });
    });

    it('cuts off a flooding connection while others keep being served', async () => {
      const bystander = server();
      const flooder = server();
      await Promise.all([bystander.opened, flooder.opened]);
      for (let i = 0; i < 5_000; i++) flooder.send('{"messageType":"ping","data":null}');
      expect((await flooder.closed).code).toBe(1008);
      bystander.send({ messageType: 'ping', data: null });
      expect(await bystander.next()).toEqual({ messageType: 'pong', data: {} });
      expect((await fetch(`${app.baseUrl}/health/liveness`)).status).toBe(200);
    });

    it('survives clients that vanish mid-handshake', async () => {
      for (let i = 0; i < 20; i++) {
        const ws = new WebSocket(
          `${app.wsUrl}/streaming?type=server&token=${buildStreamingToken(seeded.serverSecret, Date.now())}`,
        );
        ws.on('error', () => undefined);
        ws.on('upgrade', () => ws.terminate());
        setImmediate(() => ws.terminate());
      }
      const c = server();
      await c.opened;
      expect((await c.dataSync({ timestamp: 0 })).data.eventType).toBe('full');
    });
  });

  describe('pushes', () => {
    it('pushes a flag change to server connections as a patch and to client connections re-evaluated, in order', async () => {
      const s = server();
      const c = client();
      await Promise.all([s.opened, c.opened]);
      await s.dataSync({ timestamp: 0 });
      await c.dataSync({
        timestamp: 0,
        user: { keyId: 'u-nl', customizedProperties: [{ name: 'country', value: 'nl' }] },
      });

      const v2 = nextVersion(flagA, { isEnabled: false });
      await app.saveFlag(v2);
      const v3 = nextVersion(v2, { isEnabled: true, rules: [] });
      await app.saveFlag(v3);
      flagA = v3;

      expect(await s.message(2)).toEqual({
        messageType: 'data-sync',
        data: { eventType: 'patch', featureFlags: [v2], segments: [] },
      });
      expect((await s.message(3)).data.featureFlags).toEqual([v3]);
      expect((await c.message(2)).data).toEqual({
        eventType: 'patch',
        userKeyId: 'u-nl',
        featureFlags: [
          expect.objectContaining({ id: 'flag-a', variation: 'false', matchReason: 'flag disabled' }),
        ],
      });
      expect((await c.message(3)).data.featureFlags).toEqual([
        expect.objectContaining({
          id: 'flag-a',
          variation: 'false',
          matchReason: 'default',
          timestamp: Date.parse(v3.updatedAt),
        }),
      ]);
    });

    it('pushes a segment change: the segment to servers, the flags using it re-evaluated to clients', async () => {
      const s = server();
      const c = client();
      await Promise.all([s.opened, c.opened]);
      await s.dataSync({ timestamp: 0 });

      // Changes arrive through the queue: wait for both pushes before syncing the client.
      const segment = buildSegment(seeded, 'beta', []);
      await app.saveSegment(segment);
      const flagC = buildFlag(seeded.env.id, 'flag-c');
      flagC.rules = [
        ruleServingFirst(flagC, 'beta users', 'User is in segment', 'IsOneOf', JSON.stringify([segment.id])),
      ];
      await app.saveFlag(flagC);
      expect((await s.message(2)).data.segments.map((x: { id: string }) => x.id)).toEqual([segment.id]);
      expect((await s.message(3)).data.featureFlags.map((f: FeatureFlag) => f.key)).toEqual(['flag-c']);
      const full = await s.dataSync({ timestamp: 0 });
      expect(full.data.segments.map((x: { id: string }) => x.id)).toContain(segment.id);
      const before = await c.dataSync({ timestamp: 0, user: { keyId: 'beta-user' } });
      expect(before.data.featureFlags.find((f: { id: string }) => f.id === 'flag-c').variation).toBe('false');

      const updated = {
        ...segment,
        included: ['beta-user'],
        updatedAt: new Date(Date.now() + 5).toISOString(),
      };
      // The pushes may arrive before the publish call returns: count from before it.
      const serverPushAt = s.messages.length + 1;
      const clientPushAt = c.messages.length + 1;
      await app.saveSegment(updated, [flagC.id]);
      const serverPush = await s.message(serverPushAt);
      expect(serverPush.data.featureFlags).toEqual([]);
      expect(serverPush.data.segments).toEqual([
        expect.objectContaining({ id: segment.id, included: ['beta-user'] }),
      ]);
      const clientPush = await c.message(clientPushAt);
      expect(clientPush.data.featureFlags).toEqual([
        expect.objectContaining({
          id: 'flag-c',
          variation: 'true',
          matchReason: 'beta users',
          timestamp: Date.parse(updated.updatedAt),
        }),
      ]);

      // A client that reconnects with its old cursor still learns about the segment change.
      const late = client();
      await late.opened;
      const patch = await late.dataSync({
        timestamp: before.data.featureFlags.find((f: { id: string }) => f.id === 'flag-c').timestamp,
        user: { keyId: 'beta-user' },
      });
      expect(patch.data.featureFlags.map((f: { id: string }) => f.id)).toContain('flag-c');
    });
  });
});
