jest.setTimeout(60_000);
import { randomUUID } from 'node:crypto';
import { TOPICS } from '../../../src/core/ports/message-bus.port';
import { ApiApp } from './support/api-app';
import { boolFlag, waitFor } from './support/fixtures';

describe('feature flags (e2e, in-process)', () => {
  let api: ApiApp;
  let envId: string;
  let prodId: string;
  let base: string;
  const messages: { topic: string; payload: { id: string; isEnabled?: boolean } }[] = [];

  beforeAll(async () => {
    api = await ApiApp.start({ cacheEnabled: true });
    await api.loginAsAdmin();
    envId = await api.envId('dev');
    prodId = await api.envId('prod');
    base = `/api/v1/envs/${envId}/feature-flags`;
    await api.bus.subscribe(TOPICS.flagChange, (m) => {
      messages.push({ topic: m.topic, payload: m.payload as { id: string; isEnabled?: boolean } });
    });
  });
  afterAll(() => api.close());

  it('creates a boolean flag with FeatBit defaults, publishes it and records the audit entry', async () => {
    const res = await api.post(base, boolFlag('new-checkout', { tags: ['web'] }));
    expect(res.status).toBe(200);
    const flag = res.body.data;
    expect(flag).toMatchObject({
      key: 'new-checkout',
      envId,
      variationType: 'boolean',
      isEnabled: false,
      exptIncludeAllTargets: true,
      targetUsers: [],
      rules: [],
      tags: ['web'],
      isArchived: false,
    });
    expect(flag.fallthrough).toEqual({
      dispatchKey: null,
      includedInExpt: true,
      variations: [{ id: flag.variations[0].id, rollout: [0, 1], exptRollout: 1 }],
    });
    await waitFor(() => messages.some((m) => m.payload.id === flag.id));
    expect(api.cache.flags.get(flag.id)?.revision).toBe(flag.revision);
    const audit = await api.store.auditLogs.list({ refId: flag.id, pageIndex: 0, pageSize: 10 });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ operation: 'Create', refType: 'FeatureFlag', envId });
    expect(JSON.parse(audit.items[0].dataChange.current).key).toBe('new-checkout');
  });

  it.each([
    [
      'string',
      [
        { name: 'a', value: 'blue' },
        { name: 'b', value: 'green' },
      ],
    ],
    [
      'number',
      [
        { name: 'a', value: '1' },
        { name: 'b', value: '2.5' },
      ],
    ],
    [
      'json',
      [
        { name: 'a', value: '{"x":1}' },
        { name: 'b', value: '[1,2]' },
      ],
    ],
  ])('creates a %s flag', async (variationType, variations) => {
    const withIds = variations.map((v) => ({ ...v, id: randomUUID() }));
    const res = await api.post(base, {
      name: `T ${variationType}`,
      key: `typed-${variationType}`,
      isEnabled: true,
      variationType,
      variations: withIds,
      enabledVariationId: withIds[0].id,
      disabledVariationId: withIds[1].id,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.variations).toEqual(withIds);
  });

  it.each([
    ['number', 'abc', 'variations_is_invalid'],
    ['json', '{not json', 'variations_is_invalid'],
    ['boolean', 'yes', 'variations_is_invalid'],
  ])('refuses a %s variation value %j', async (variationType, value, code) => {
    const ids = [randomUUID(), randomUUID()];
    const res = await api.post(base, {
      name: 'Bad',
      key: `bad-${variationType}`,
      isEnabled: false,
      variationType,
      variations: [
        { id: ids[0], name: 'a', value },
        {
          id: ids[1],
          name: 'b',
          value: variationType === 'boolean' ? 'false' : variationType === 'json' ? '1' : '2',
        },
      ],
      enabledVariationId: ids[0],
      disabledVariationId: ids[1],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContain(code);
    expect(res.body.details?.[0].field).toBe('variations[0].value');
    expect(await api.store.flags.isKeyUsed(envId, `bad-${variationType}`)).toBe(false);
  });

  it('refuses bad keys, duplicate keys and unknown variation references', async () => {
    expect((await api.post(base, boolFlag('has space'))).body.errors).toEqual(['key_is_invalid']);
    expect((await api.post(base, boolFlag('x'.repeat(129)))).body.errors).toContain('key_is_invalid');
    const { key: _k, ...noKey } = boolFlag('k');
    expect((await api.post(base, noKey)).body.errors).toEqual(['key_is_required']);
    const dup = await api.post(base, boolFlag('new-checkout'));
    expect(dup.status).toBe(422);
    expect(dup.body.errors).toEqual(['KeyHasBeenUsed']);
    const badRef = await api.post(base, { ...boolFlag('bad-ref'), enabledVariationId: randomUUID() });
    expect(badRef.status).toBe(400);
    expect(badRef.body.errors).toEqual(['enabledVariationId_is_invalid']);
  });

  it('gets by key, lists with filters and paging, reports key usage and tags', async () => {
    const got = await api.get(`${base}/new-checkout`);
    expect(got.body.data.key).toBe('new-checkout');
    expect((await api.get(`${base}/missing-flag`)).status).toBe(404);
    expect((await api.get(`${base}/missing-flag`)).body.errors).toEqual(['ResourceNotFound']);

    const all = await api.get(base, { headers: {} });
    expect(all.body.data.totalCount).toBeGreaterThanOrEqual(4);
    const item = all.body.data.items.find((i: { key: string }) => i.key === 'new-checkout');
    expect(item).toMatchObject({
      creator: { name: 'Admin' },
      serves: { enabledVariations: ['On'], disabledVariation: 'Off' },
      lastChange: { operator: 'Admin' },
    });
    const byName = await api.get(`${base}?name=CHECKOUT`);
    expect(byName.body.data.items.map((i: { key: string }) => i.key)).toEqual(['new-checkout']);
    const byTag = await api.get(`${base}?tags=web`);
    expect(byTag.body.data.items.map((i: { key: string }) => i.key)).toEqual(['new-checkout']);
    const enabled = await api.get(`${base}?isEnabled=true`);
    expect(enabled.body.data.items.every((i: { isEnabled: boolean }) => i.isEnabled)).toBe(true);
    const paged = await api.get(`${base}?pageIndex=0&pageSize=2`);
    expect(paged.body.data.items).toHaveLength(2);
    expect((await api.get(`${base}?pageSize=0`)).body.errors).toEqual(['pageSize_is_invalid']);
    expect((await api.get(`${base}?isEnabled=maybe`)).status).toBe(400);

    expect((await api.get(`${base}/is-key-used?key=new-checkout`)).body.data).toBe(true);
    expect((await api.get(`${base}/is-key-used?key=free-key`)).body.data).toBe(false);
    expect((await api.get(`${base}/all-tags`)).body.data).toEqual(['web']);
  });

  it('updates name, description and tags, each with a new revision', async () => {
    const before = (await api.get(`${base}/new-checkout`)).body.data;
    const rev1 = (await api.put(`${base}/new-checkout/name`, { name: 'New checkout', comment: 'rename' }))
      .body.data;
    expect(rev1).not.toBe(before.revision);
    await api.put(`${base}/new-checkout/description`, { description: 'the new flow' });
    await api.put(`${base}/new-checkout/tags`, { tags: ['web', 'checkout'] });
    const after = (await api.get(`${base}/new-checkout`)).body.data;
    expect(after).toMatchObject({
      name: 'New checkout',
      description: 'the new flow',
      tags: ['web', 'checkout'],
    });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    const revisions = await api.store.flagRevisions.listByFlag(after.id, { pageIndex: 0, pageSize: 50 });
    expect(revisions.totalCount).toBe(4);
  });

  it('toggles and publishes the flag with the new state', async () => {
    const flag = (await api.get(`${base}/new-checkout`)).body.data;
    const res = await api.put(`${base}/new-checkout/toggle/true`, { comment: 'go live' });
    expect(res.status).toBe(200);
    expect(typeof res.body.data).toBe('string');
    await waitFor(() => messages.some((m) => m.payload.id === flag.id && m.payload.isEnabled === true));
    const audit = await api.get(`/api/v1/envs/${envId}/audit-logs?refId=${flag.id}&pageSize=1`);
    if (audit.status === 200) {
      expect(audit.body.data.items[0]).toMatchObject({ comment: 'go live', operation: 'Update' });
    }
    expect((await api.put(`${base}/new-checkout/toggle/maybe`, {})).status).toBe(404);
  });

  it('updates targeting with revision checks and validates references', async () => {
    const flag = (await api.get(`${base}/new-checkout`)).body.data;
    const [on, off] = flag.variations;
    const targeting = {
      targetUsers: [{ keyIds: ['u-1', 'u-2'], variationId: on.id }],
      rules: [
        {
          name: 'Beta testers',
          dispatchKey: 'keyId',
          includedInExpt: false,
          conditions: [{ property: 'plan', op: 'IsOneOf', value: '["beta","pro"]' }],
          variations: [
            { id: on.id, rollout: [0, 0.3], exptRollout: 1 },
            { id: off.id, rollout: [0.3, 1], exptRollout: 1 },
          ],
        },
      ],
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [{ id: off.id, rollout: [0, 1], exptRollout: 1 }],
      },
      exptIncludeAllTargets: false,
    };
    const ok = await api.put(`${base}/new-checkout/targeting`, {
      targeting,
      revision: flag.revision,
      comment: 'beta',
    });
    expect(ok.status).toBe(200);
    const stale = await api.put(`${base}/new-checkout/targeting`, { targeting, revision: flag.revision });
    expect(stale.status).toBe(409);
    expect(stale.body.errors).toEqual(['Conflict']);

    const current = (await api.get(`${base}/new-checkout`)).body.data;
    expect(current.revision).toBe(ok.body.data);
    expect(current.rules[0]).toMatchObject({ name: 'Beta testers', dispatchKey: 'keyId' });
    expect(current.rules[0].id).toEqual(expect.any(String));

    const bad = async (change: Record<string, unknown>) =>
      api.put(`${base}/new-checkout/targeting`, {
        targeting: { ...targeting, ...change },
        revision: current.revision,
      });
    const gap = await bad({
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [{ id: off.id, rollout: [0, 0.5], exptRollout: 1 }],
      },
    });
    expect(gap.status).toBe(400);
    expect(gap.body.errors).toEqual(['fallthrough_is_invalid']);
    const unknownVariation = await bad({ targetUsers: [{ keyIds: ['x'], variationId: 'nope' }] });
    expect(unknownVariation.body.errors).toEqual(['targetUsers_is_invalid']);
    const unknownOp = await bad({
      rules: [{ ...targeting.rules[0], conditions: [{ property: 'a', op: 'Resembles', value: 'x' }] }],
    });
    expect(unknownOp.body.errors).toEqual(['rules_is_invalid']);
    const unknownSegment = await bad({
      rules: [
        {
          ...targeting.rules[0],
          conditions: [{ property: 'User is in segment', op: null, value: JSON.stringify([randomUUID()]) }],
        },
      ],
    });
    expect(unknownSegment.body.errors).toEqual(['rules_is_invalid']);
    expect(unknownSegment.body.message).toMatch(/unknown segment/);
    const outOfRange = await bad({
      fallthrough: {
        dispatchKey: null,
        includedInExpt: true,
        variations: [{ id: off.id, rollout: [-0.5, 1], exptRollout: 1 }],
      },
    });
    expect(outOfRange.status).toBe(400);
    // Nothing of the refused changes was written.
    expect((await api.get(`${base}/new-checkout`)).body.data.revision).toBe(current.revision);
  });

  it('updates the off variation and variations, refusing to remove variations in use', async () => {
    const flag = (await api.get(`${base}/typed-string`)).body.data;
    const [a, b] = flag.variations;
    const off = await api.put(`${base}/typed-string/off-variation`, {
      offVariationId: a.id,
      revision: flag.revision,
    });
    expect(off.status).toBe(200);
    const stale = await api.put(`${base}/typed-string/off-variation`, {
      offVariationId: b.id,
      revision: flag.revision,
    });
    expect(stale.status).toBe(409);
    const removeUsed = await api.put(`${base}/typed-string/variations`, {
      variations: [b],
      revision: off.body.data,
    });
    expect(removeUsed.status).toBe(400);
    const added = await api.put(`${base}/typed-string/variations`, {
      variations: [a, b, { name: 'c', value: 'red' }],
      revision: off.body.data,
    });
    expect(added.status).toBe(200);
    const after = (await api.get(`${base}/typed-string`)).body.data;
    expect(after.variations).toHaveLength(3);
    expect(after.disabledVariationId).toBe(a.id);
  });

  it('evaluates a flag for a user with the reason', async () => {
    const res = await api.post(`${base}/new-checkout/evaluate`, { user: { keyId: 'u-1' } });
    expect(res.body.data).toMatchObject({ reason: 'targeted', value: 'true', variationName: 'On' });
    const rule = await api.post(`${base}/new-checkout/evaluate`, {
      user: { keyId: 'someone', customizedProperties: [{ name: 'plan', value: 'beta' }] },
    });
    expect(rule.body.data.reason).toBe('Beta testers');
    const fallback = await api.post(`${base}/new-checkout/evaluate`, { user: { keyId: 'someone' } });
    expect(fallback.body.data).toMatchObject({ reason: 'default', value: 'false' });
    expect((await api.post(`${base}/new-checkout/evaluate`, { user: {} })).body.errors).toEqual([
      'keyId_is_required',
    ]);
  });

  it('clones a flag and copies flags to another environment', async () => {
    const clone = await api.post(`${base}/clone/new-checkout`, { key: 'new-checkout-2', name: 'Copy' });
    expect(clone.status).toBe(200);
    const source = (await api.get(`${base}/new-checkout`)).body.data;
    expect(clone.body.data).toMatchObject({
      key: 'new-checkout-2',
      variations: source.variations,
      targetUsers: source.targetUsers,
    });
    expect(clone.body.data.id).not.toBe(source.id);

    const precheck = await api.post(`${base}/copy-to-env-precheck/${prodId}`, [source.id]);
    expect(precheck.status).toBe(200);
    expect(precheck.body.data).toEqual([
      {
        id: source.id,
        keyCheck: true,
        targetUserCheck: false,
        targetRuleCheck: true,
        newProperties: ['plan'],
      },
    ]);
    const copy = await api.post(`${base}/copy-to-env/${prodId}`, {
      flagIds: [source.id],
      precheckResults: precheck.body.data,
    });
    expect(copy.body.data).toEqual({ copiedCount: 1, ignored: [] });
    const copied = (await api.get(`/api/v1/envs/${prodId}/feature-flags/new-checkout`)).body.data;
    expect(copied).toMatchObject({ envId: prodId, isEnabled: false, variations: source.variations });
    const again = await api.post(`${base}/copy-to-env/${prodId}`, { flagIds: [source.id] });
    expect(again.body.data).toEqual({ copiedCount: 0, ignored: ['new-checkout'] });
    expect((await api.post(`${base}/copy-to-env/${randomUUID()}`, { flagIds: [source.id] })).status).toBe(
      404,
    );
  });

  it('archives, restores and deletes only archived flags', async () => {
    const notArchived = await api.delete(`${base}/new-checkout-2`);
    expect(notArchived.status).toBe(422);
    expect(notArchived.body.errors).toEqual(['CannotDeleteUnarchivedFeatureFlag']);
    expect((await api.put(`${base}/new-checkout-2/archive`, {})).status).toBe(200);
    expect(
      (await api.get(`${base}?isArchived=true`)).body.data.items.map((i: { key: string }) => i.key),
    ).toContain('new-checkout-2');
    expect((await api.put(`${base}/new-checkout-2/restore`, {})).status).toBe(200);
    await api.put(`${base}/new-checkout-2/archive`, { comment: 'gone' });
    const id = (await api.get(`${base}/new-checkout-2`)).body.data.id;
    await api.outbox.idle();
    expect((await api.delete(`${base}/new-checkout-2`)).status).toBe(200);
    expect((await api.get(`${base}/new-checkout-2`)).status).toBe(404);
    expect(api.cache.flags.has(id)).toBe(false);
    const audit = await api.store.auditLogs.list({ refId: id, pageIndex: 0, pageSize: 10 });
    expect(audit.items[0].operation).toBe('Remove');
  });

  it('requires a comment when the environment asks for one', async () => {
    const project = await api.defaultProject();
    await api.put(`/api/v1/projects/${project.id}/envs/${envId}`, {
      settings: { requireChangeComment: true },
    });
    try {
      const res = await api.put(`${base}/typed-json/toggle/false`, {});
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual(['ChangeCommentRequired']);
      expect((await api.put(`${base}/typed-json/toggle/false`, { comment: 'why' })).status).toBe(200);
    } finally {
      await api.put(`/api/v1/projects/${project.id}/envs/${envId}`, {
        settings: { requireChangeComment: false },
      });
    }
  });

  it('hides flags of environments outside the organization', async () => {
    expect((await api.get(`/api/v1/envs/${randomUUID()}/feature-flags`)).status).toBe(404);
    expect((await api.get(`/api/v1/envs/not-a-uuid/feature-flags`)).status).toBe(404);
  });
});
