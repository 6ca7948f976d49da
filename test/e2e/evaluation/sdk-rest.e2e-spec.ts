/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import { randomUUID } from 'node:crypto';
import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import { TOPICS } from '../../../src/core/ports/message-bus.port';
import { createEnvironmentSecret } from '../../../src/core/tenancy/secret-format';
import { buildFlag, ruleServingFirst, type SeededEnvironment } from '../support/targeting-fixtures';
import { EvaluationProduct, waitUntil } from './support/evaluation-product';

jest.setTimeout(180_000);

const MAX_ITEMS = 5;
const BODY_LIMIT = 16 * 1024;

describe('SDK REST endpoints (FeatBit payloads, real secret lookup)', () => {
  let app: EvaluationProduct;
  let seeded: SeededEnvironment;
  let flags: FeatureFlag[];
  let insights: unknown[];
  let endUsers: unknown[];

  const call = async (
    method: string,
    path: string,
    secret: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: {
        ...(secret === null ? {} : { authorization: secret }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, text, json, headers: res.headers };
  };

  beforeAll(async () => {
    app = await EvaluationProduct.start({
      env: { INSIGHT_MAX_ITEMS: String(MAX_ITEMS), BODY_LIMIT_BYTES: String(BODY_LIMIT) },
    });
    seeded = await app.seedEnvironment();
    const a = buildFlag(seeded.env.id, 'checkout', 'boolean', {
      updatedAt: '2024-04-10T10:00:00.000Z',
      tags: ['web', 'pay'],
    });
    a.rules = [ruleServingFirst(a, 'beta testers', 'plan', 'Equal', 'beta')];
    const b = buildFlag(seeded.env.id, 'banner-color', 'string', {
      updatedAt: '2024-04-10T11:00:00.000Z',
      tags: ['web'],
    });
    const c = buildFlag(seeded.env.id, 'retired', 'number', {
      updatedAt: '2024-04-10T12:00:00.000Z',
      isArchived: true,
    });
    flags = [a, b, c];
    for (const f of flags) await app.saveFlag(f, false);
    insights = await app.collect(TOPICS.insights);
    endUsers = await app.collect(TOPICS.endUsers);
  });

  afterAll(async () => {
    await app?.stop();
  });

  describe('GET /api/public/sdk/server/latest-all', () => {
    it('returns every live flag for timestamp 0 (archived ones left out), and a patch of newer ones otherwise', async () => {
      const full = await call('GET', '/api/public/sdk/server/latest-all?timestamp=0', seeded.serverSecret);
      expect(full.status).toBe(200);
      expect(full.headers.get('content-type')).toContain('application/json');
      expect(full.json.messageType).toBe('data-sync');
      expect(full.json.data.eventType).toBe('full');
      // An SDK given an archived flag in a full sync would serve it as live (the node SDK ignores isArchived).
      expect(full.json.data.featureFlags).toHaveLength(2);
      expect(full.json.data.featureFlags.map((f: FeatureFlag) => f.key)).not.toContain('retired');

      const patch = await call(
        'GET',
        `/api/public/sdk/server/latest-all?timestamp=${Date.parse(flags[0].updatedAt)}`,
        seeded.serverSecret,
      );
      expect(patch.json.data.eventType).toBe('patch');
      expect(patch.json.data.featureFlags.map((f: FeatureFlag) => f.key).sort()).toEqual([
        'banner-color',
        'retired',
      ]);
    });

    it('answers an empty patch with an empty 200, as FeatBit does', async () => {
      const res = await call(
        'GET',
        `/api/public/sdk/server/latest-all?timestamp=${Date.parse(flags[2].updatedAt)}`,
        seeded.serverSecret,
      );
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
    });

    it('matches the path case-insensitively and accepts a Bearer prefix', async () => {
      const res = await call('GET', '/API/Public/SDK/Server/Latest-All', `Bearer ${seeded.serverSecret}`);
      expect(res.status).toBe(200);
      expect(res.json.data.eventType).toBe('full');
    });

    it('refuses client secrets (no raw rules for browsers), unknown, forged, malformed and missing secrets', async () => {
      expect((await call('GET', '/api/public/sdk/server/latest-all', seeded.clientSecret)).status).toBe(403);
      const forged = createEnvironmentSecret(seeded.env.id, randomUUID());
      expect((await call('GET', '/api/public/sdk/server/latest-all', forged)).status).toBe(401);
      expect((await call('GET', '/api/public/sdk/server/latest-all', 'not-a-secret')).status).toBe(401);
      const missing = await call('GET', '/api/public/sdk/server/latest-all', null);
      expect(missing.status).toBe(401);
      expect(missing.json.error).toContain('Authorization');
    });

    it('rejects a timestamp that is not a number', async () => {
      expect(
        (await call('GET', '/api/public/sdk/server/latest-all?timestamp=abc', seeded.serverSecret)).status,
      ).toBe(400);
    });
  });

  describe('POST /api/public/sdk/client/latest-all', () => {
    it('evaluates every flag for the posted (bare) user', async () => {
      const res = await call('POST', '/api/public/sdk/client/latest-all?timestamp=0', seeded.clientSecret, {
        keyId: 'bot-id',
        name: 'bot',
        customizedProperties: [{ name: 'plan', value: 'beta' }],
      });
      expect(res.status).toBe(200);
      expect(res.json.data.eventType).toBe('full');
      expect(res.json.data.userKeyId).toBe('bot-id');
      const byKey = Object.fromEntries(res.json.data.featureFlags.map((f: any) => [f.id, f]));
      expect(byKey.checkout).toMatchObject({
        variation: 'true',
        matchReason: 'beta testers',
        variationType: 'boolean',
      });
      expect(byKey['banner-color']).toMatchObject({ variation: 'green', matchReason: 'default' });
      expect(byKey.retired).toBeUndefined();
    });

    it('answers 400 "invalid end user" for a user without keyId, and an empty 200 for an empty patch', async () => {
      const bad = await call('POST', '/api/public/sdk/client/latest-all', seeded.clientSecret, { name: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.text).toBe('invalid end user');
      const empty = await call(
        'POST',
        `/api/public/sdk/client/latest-all?timestamp=${Date.now()}`,
        seeded.clientSecret,
        { keyId: 'u' },
      );
      expect(empty.status).toBe(200);
      expect(empty.text).toBe('');
    });
  });

  describe('POST /api/public/featureflag/evaluate', () => {
    it('evaluates the filtered flags for the user', async () => {
      const user = { keyId: 'u1', customizedProperties: [{ name: 'plan', value: 'beta' }] };
      const all = await call('POST', '/api/public/featureflag/evaluate', seeded.serverSecret, { user });
      expect(all.status).toBe(200);
      expect(all.json).toHaveLength(3);
      expect(all.json).toContainEqual({
        key: 'checkout',
        variation: {
          id: flags[0].variations[0].id,
          type: 'boolean',
          value: 'true',
          matchReason: 'beta testers',
          sendToExperiment: true,
        },
      });
      expect(all.json).toContainEqual({
        key: 'retired',
        variation: {
          id: null,
          type: 'number',
          value: null,
          matchReason: 'flag archived',
          sendToExperiment: false,
        },
      });
      const and = await call('POST', '/api/public/featureflag/evaluate', seeded.clientSecret, {
        user,
        filter: { tagFilterMode: 'and', tags: ['web', 'pay'] },
      });
      expect(and.json.map((r: any) => r.key)).toEqual(['checkout']);
      const or = await call('POST', '/api/public/featureflag/evaluate', seeded.clientSecret, {
        user,
        filter: { tagFilterMode: 'or', tags: ['web', 'pay'], keys: ['banner-color'] },
      });
      expect(or.json.map((r: any) => r.key)).toEqual(['banner-color']);
    });

    it('rejects an invalid user or tag filter mode with a message', async () => {
      const noUser = await call('POST', '/api/public/featureflag/evaluate', seeded.serverSecret, {});
      expect(noUser.status).toBe(400);
      expect(noUser.text).toBe('A valid user is required.');
      const mode = await call('POST', '/api/public/featureflag/evaluate', seeded.serverSecret, {
        user: { keyId: 'u' },
        filter: { tagFilterMode: 'xor' },
      });
      expect(mode.status).toBe(400);
      expect(mode.text).toContain('Invalid tag filter mode: xor');
    });
  });

  describe('POST /api/public/insight/track', () => {
    const flagEvent = (keyId: string, timestamp = 1_700_000_000_000) => ({
      user: { keyId, name: `name-${keyId}`, customizedProperties: [{ name: 'plan', value: 'beta' }] },
      variations: [
        {
          featureFlagKey: 'checkout',
          variation: { id: flags[0].variations[0].id, value: 'true' },
          sendToExperiment: true,
          timestamp,
        },
      ],
    });

    it('publishes insight messages and de-duplicated end users', async () => {
      const before = insights.length;
      const res = await call('POST', '/api/public/insight/track', seeded.serverSecret, [
        flagEvent('t1'),
        flagEvent('t1', 1_700_000_000_001),
        {
          user: { keyId: 't1' },
          metrics: [
            {
              route: 'index/metric',
              type: 'CustomEvent',
              eventName: 'paid',
              numericValue: 9.5,
              appType: 'x',
              timestamp: 1_700_000_000_002,
            },
          ],
        },
      ]);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      await waitUntil(() => insights.length >= before + 3, 10_000, 'insight messages');
      const mine = insights.slice(before) as any[];
      expect(mine.map((m) => m.event).sort()).toEqual(['CustomEvent', 'FlagValue', 'FlagValue']);
      expect(new Set(mine.map((m) => m.uuid)).size).toBe(3);
      const flagValue = mine.find((m) => m.event === 'FlagValue' && m.timestamp === 1_700_000_000_000_000);
      expect(flagValue).toMatchObject({ distinct_id: `${seeded.env.id}-checkout`, env_id: seeded.env.id });
      expect(JSON.parse(flagValue.properties)).toMatchObject({
        userKeyId: 't1',
        variationId: flags[0].variations[0].id,
      });
      await waitUntil(() => endUsers.some((u: any) => u.keyId === 't1'), 10_000, 'the end-user message');

      // Seen again within the window: no second end-user message.
      await call('POST', '/api/public/insight/track', seeded.serverSecret, [flagEvent('t1')]);
      await waitUntil(() => insights.length >= before + 4, 10_000, 'the fourth insight');
      expect(endUsers.filter((u: any) => u.keyId === 't1')).toEqual([
        {
          envId: seeded.env.id,
          keyId: 't1',
          name: 'name-t1',
          customizedProperties: [{ name: 'plan', value: 'beta' }],
        },
      ]);
    });

    it('rejects a malformed body with a message and publishes nothing of it', async () => {
      const before = { insights: insights.length, endUsers: endUsers.length };
      const res = await call('POST', '/api/public/insight/track', seeded.serverSecret, [
        flagEvent('partial-1'),
        { user: { keyId: 'partial-2' }, metrics: [{ eventName: 'x', numericValue: 'lots' }] },
      ]);
      expect(res.status).toBe(400);
      expect(res.json.error).toContain('numericValue');
      expect(
        (await call('POST', '/api/public/insight/track', seeded.serverSecret, { not: 'an array' })).status,
      ).toBe(400);
      expect((await call('POST', '/api/public/insight/track', seeded.serverSecret, '[{"user":')).status).toBe(
        400,
      );
      // A later valid request is the marker: everything before it has been handled.
      await call('POST', '/api/public/insight/track', seeded.serverSecret, [flagEvent('marker')]);
      await waitUntil(() => endUsers.some((u: any) => u.keyId === 'marker'), 10_000, 'the marker user');
      await waitUntil(() => insights.length > before.insights, 10_000, 'the marker insight');
      expect(insights.slice(before.insights).map((m: any) => JSON.parse(m.properties).userKeyId)).toEqual([
        'marker',
      ]);
      expect(endUsers.slice(before.endUsers).map((u: any) => u.keyId)).toEqual(['marker']);
    });

    it('caps the number of items and the body size (413)', async () => {
      const tooMany = await call(
        'POST',
        '/api/public/insight/track',
        seeded.serverSecret,
        new Array(MAX_ITEMS + 1).fill(flagEvent('many')),
      );
      expect(tooMany.status).toBe(400);
      expect(tooMany.json.error).toContain(`at most ${MAX_ITEMS}`);
      const huge = await call('POST', '/api/public/insight/track', seeded.serverSecret, [
        { user: { keyId: 'big', name: 'x'.repeat(BODY_LIMIT) } },
      ]);
      expect(huge.status).toBe(413);
    });

    it('needs a known secret', async () => {
      const forged = createEnvironmentSecret(seeded.env.id, randomUUID());
      expect((await call('POST', '/api/public/insight/track', forged, [flagEvent('f')])).status).toBe(401);
    });
  });

  describe('CORS for browser SDKs', () => {
    it('answers the preflight and marks responses for any origin without credentials', async () => {
      const preflight = await fetch(`${app.baseUrl}/api/public/sdk/client/latest-all`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://shop.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      const actual = await call(
        'POST',
        '/api/public/sdk/client/latest-all',
        seeded.clientSecret,
        { keyId: 'u' },
        { origin: 'https://shop.example' },
      );
      expect(actual.status).toBe(200);
      expect(actual.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('lets a browser send the secret in X-API-Key to OFREP (the header OFREP providers use)', async () => {
      const preflight = await fetch(`${app.baseUrl}/ofrep/v1/evaluate/flags`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://shop.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-api-key',
        },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-api-key');
    });
  });
});
