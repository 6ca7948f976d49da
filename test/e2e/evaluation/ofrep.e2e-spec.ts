/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import { randomUUID } from 'node:crypto';
import { OFREPProvider } from '@openfeature/ofrep-provider';
import { ErrorCode, OpenFeature } from '@openfeature/server-sdk';
import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import { createEnvironmentSecret } from '../../../src/core/tenancy/secret-format';
import {
  buildFlag,
  nextVersion,
  ruleServingFirst,
  type SeededEnvironment,
} from '../support/targeting-fixtures';
import { EvaluationProduct, waitUntil } from './support/evaluation-product';

jest.setTimeout(180_000);

describe('OpenFeature Remote Evaluation Protocol', () => {
  let app: EvaluationProduct;
  let seeded: SeededEnvironment;
  let bool: FeatureFlag;
  let split: FeatureFlag;

  const post = async (path: string, body: unknown, headers: Record<string, string>) => {
    const res = await fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : null };
  };

  beforeAll(async () => {
    app = await EvaluationProduct.start();
    seeded = await app.seedEnvironment();
    bool = buildFlag(seeded.env.id, 'new-checkout', 'boolean');
    bool.rules = [ruleServingFirst(bool, 'dutch users', 'country', 'Equal', 'nl')];
    const str = buildFlag(seeded.env.id, 'banner', 'string');
    const num = buildFlag(seeded.env.id, 'max-items', 'number');
    const json = buildFlag(seeded.env.id, 'layout', 'json');
    json.targetUsers = [{ keyIds: ['vip'], variationId: json.variations[0].id }];
    split = buildFlag(seeded.env.id, 'experiment', 'string');
    split.fallthrough = {
      dispatchKey: null,
      includedInExpt: true,
      variations: [
        { id: split.variations[0].id, rollout: [0, 0.5], exptRollout: 1 },
        { id: split.variations[1].id, rollout: [0.5, 1], exptRollout: 1 },
      ],
    };
    const off = buildFlag(seeded.env.id, 'killed', 'boolean', { isEnabled: false });
    const archived = buildFlag(seeded.env.id, 'gone', 'boolean', { isArchived: true });
    for (const f of [bool, str, num, json, split, off, archived]) await app.saveFlag(f, false);
  });

  afterAll(async () => {
    await OpenFeature.close();
    await app?.stop();
  });

  describe('with the OpenFeature server SDK and the OFREP provider', () => {
    beforeAll(async () => {
      await OpenFeature.setProviderAndWait(
        new OFREPProvider({ baseUrl: app.baseUrl, headers: [['Authorization', seeded.serverSecret]] }),
      );
    });

    it('evaluates typed flags for contexts', async () => {
      const client = OpenFeature.getClient();
      expect(await client.getBooleanValue('new-checkout', false, { targetingKey: 'u1', country: 'nl' })).toBe(
        true,
      );
      expect(await client.getBooleanValue('new-checkout', true, { targetingKey: 'u2', country: 'de' })).toBe(
        false,
      );
      expect(await client.getStringValue('banner', 'none', { targetingKey: 'u1' })).toBe('green');
      expect(await client.getNumberValue('max-items', 0, { targetingKey: 'u1' })).toBe(7.5);
      expect(await client.getObjectValue('layout', {}, { targetingKey: 'vip' })).toEqual({
        size: 'L',
        tags: ['a'],
      });
      expect(await client.getObjectValue('layout', {}, { targetingKey: 'someone' })).toEqual({ size: 'S' });
    });

    it('reports variant, reason and FeatBit metadata', async () => {
      const client = OpenFeature.getClient();
      const details = await client.getBooleanDetails('new-checkout', false, {
        targetingKey: 'u1',
        country: 'nl',
      });
      expect(details).toMatchObject({
        value: true,
        variant: 'A',
        reason: 'TARGETING_MATCH',
        flagMetadata: {
          matchReason: 'dutch users',
          variationId: bool.variations[0].id,
          sendToExperiment: true,
        },
      });
      expect((await client.getBooleanDetails('killed', true, { targetingKey: 'u1' })).reason).toBe(
        'DISABLED',
      );
      expect((await client.getStringDetails('banner', '', { targetingKey: 'u1' })).reason).toBe('DEFAULT');
      expect((await client.getStringDetails('experiment', '', { targetingKey: 'u1' })).reason).toBe('SPLIT');
    });

    it('falls back to the default for missing or archived flags and for a missing targeting key', async () => {
      const client = OpenFeature.getClient();
      const missing = await client.getBooleanDetails('no-such-flag', true, { targetingKey: 'u1' });
      expect(missing).toMatchObject({ value: true, errorCode: ErrorCode.FLAG_NOT_FOUND });
      expect((await client.getBooleanDetails('gone', true, { targetingKey: 'u1' })).errorCode).toBe(
        ErrorCode.FLAG_NOT_FOUND,
      );
      const noKey = await client.getBooleanDetails('new-checkout', true, {});
      expect(noKey).toMatchObject({ value: true, errorCode: ErrorCode.TARGETING_KEY_MISSING });
    });

    it('sees a change without any restart', async () => {
      const client = OpenFeature.getClient();
      bool = nextVersion(bool, { isEnabled: false });
      await app.saveFlag(bool);
      await waitUntil(
        async () =>
          (await client.getBooleanDetails('new-checkout', true, { targetingKey: 'u1', country: 'nl' }))
            .reason === 'DISABLED',
        10_000,
        'the change to be served',
      );
    });
  });

  describe('plain HTTP', () => {
    it('evaluates one flag per the OFREP schema, authenticated by a client secret too', async () => {
      const res = await post(
        '/ofrep/v1/evaluate/flags/banner',
        { context: { targetingKey: 'u1' } },
        { authorization: seeded.clientSecret },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.json).toEqual({
        key: 'banner',
        value: 'green',
        reason: 'DEFAULT',
        variant: 'B',
        metadata: { matchReason: 'default', sendToExperiment: true, variationId: expect.any(String) },
      });
    });

    it('accepts Bearer and X-API-Key credentials and refuses a bad secret with 401', async () => {
      const body = { context: { targetingKey: 'u1' } };
      expect(
        (
          await post('/ofrep/v1/evaluate/flags/banner', body, {
            authorization: `Bearer ${seeded.serverSecret}`,
          })
        ).status,
      ).toBe(200);
      expect(
        (await post('/ofrep/v1/evaluate/flags/banner', body, { 'x-api-key': seeded.clientSecret })).status,
      ).toBe(200);
      const forged = createEnvironmentSecret(seeded.env.id, randomUUID());
      expect((await post('/ofrep/v1/evaluate/flags/banner', body, { authorization: forged })).status).toBe(
        401,
      );
      expect((await post('/ofrep/v1/evaluate/flags', body, { authorization: 'nonsense' })).status).toBe(401);
      expect((await post('/ofrep/v1/evaluate/flags', body, {})).status).toBe(401);
    });

    it('answers FLAG_NOT_FOUND with 404 and context problems with 400', async () => {
      const auth = { authorization: seeded.serverSecret };
      const missing = await post('/ofrep/v1/evaluate/flags/nope', { context: { targetingKey: 'u1' } }, auth);
      expect(missing.status).toBe(404);
      expect(missing.json).toMatchObject({ key: 'nope', errorCode: 'FLAG_NOT_FOUND' });
      const noKey = await post('/ofrep/v1/evaluate/flags/banner', { context: {} }, auth);
      expect(noKey.status).toBe(400);
      expect(noKey.json).toMatchObject({ key: 'banner', errorCode: 'TARGETING_KEY_MISSING' });
      const badContext = await post('/ofrep/v1/evaluate/flags/banner', { context: 'x' }, auth);
      expect(badContext.json.errorCode).toBe('INVALID_CONTEXT');
    });

    it('evaluates in bulk with an ETag, and answers 304 while nothing changed', async () => {
      const auth = { authorization: seeded.clientSecret };
      const context = { context: { targetingKey: 'vip', country: 'nl' } };
      const first = await post('/ofrep/v1/evaluate/flags', context, auth);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^".+"$/);
      const keys = first.json.flags.map((f: any) => f.key).sort();
      expect(keys).toEqual(['banner', 'experiment', 'killed', 'layout', 'max-items', 'new-checkout']);
      expect(first.json.flags.find((f: any) => f.key === 'layout')).toMatchObject({
        value: { size: 'L', tags: ['a'] },
        reason: 'TARGETING_MATCH',
      });

      const again = await post('/ofrep/v1/evaluate/flags', context, { ...auth, 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      const otherContext = await post(
        '/ofrep/v1/evaluate/flags',
        { context: { targetingKey: 'u9' } },
        { ...auth, 'if-none-match': etag },
      );
      expect(otherContext.status).toBe(200);

      const changed = nextVersion(split, { isEnabled: false });
      await app.saveFlag(changed);
      await waitUntil(
        async () =>
          (await post('/ofrep/v1/evaluate/flags', context, { ...auth, 'if-none-match': etag })).status ===
          200,
        10_000,
        'a new ETag after the change',
      );
    });

    it('answers the bulk context errors without a key', async () => {
      const res = await post(
        '/ofrep/v1/evaluate/flags',
        { context: {} },
        { authorization: seeded.clientSecret },
      );
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ errorCode: 'TARGETING_KEY_MISSING', errorDetails: expect.any(String) });
    });
  });
});
