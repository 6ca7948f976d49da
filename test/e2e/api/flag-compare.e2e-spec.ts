import { SEGMENT_IN } from '../../../src/core/flags/feature-flag';
import { ApiApp } from './support/api-app';
import { boolFlag, waitFor } from './support/fixtures';

jest.setTimeout(120_000);

// Issue 19, compare and promote: FeatBit's compare-overview, compare-with and copy-settings-to.
// The same flag key exists in dev and prod with different variation ids (created separately), so
// every comparison and copy goes through matching variations by value.

interface Variation {
  id: string;
  value: string;
}
interface Flag {
  id: string;
  key: string;
  revision: string;
  isEnabled: boolean;
  variations: Variation[];
  targetUsers: { keyIds: string[]; variationId: string }[];
  rules: { name: string; conditions: { property: string; value: string }[]; variations: { id: string }[] }[];
  fallthrough: { variations: { id: string }[] };
  disabledVariationId: string;
}

const NO_DIFF = {
  onOffState: false,
  individualTargeting: false,
  targetingRule: false,
  defaultRule: false,
  offVariation: false,
};

const options = (parts: Record<string, unknown>) => ({
  options: {
    onOffState: false,
    individualTargeting: { copy: false, mode: 'overwrite' },
    targetingRule: { copy: false, mode: 'overwrite' },
    defaultRule: false,
    offVariation: false,
    ...parts,
  },
});

describe('flag comparison and copying settings across environments (e2e, in-process)', () => {
  let api: ApiApp;
  let devId: string;
  let prodId: string;
  const dev = (path = '') => `/api/v1/envs/${devId}/feature-flags${path}`;
  const prod = (path = '') => `/api/v1/envs/${prodId}/feature-flags${path}`;
  const get = async (env: 'dev' | 'prod', key: string) =>
    (await api.get((env === 'dev' ? dev : prod)(`/${key}`))).body.data as Flag;
  const on = (flag: Flag) => flag.variations.find((v) => v.value === 'true')!.id;
  const overview = async (key: string) => {
    const res = await api.post(dev('/compare-overview'), { targetEnvIds: [prodId], filter: { name: key } });
    expect(res.status).toBe(200);
    return res.body.data.items.find((i: { key: string }) => i.key === key).diffs;
  };

  async function setTargeting(key: string, rules: unknown[]): Promise<void> {
    const flag = await get('dev', key);
    const res = await api.put(dev(`/${key}/targeting`), {
      revision: flag.revision,
      targeting: {
        targetUsers: [{ variationId: on(flag), keyIds: ['alice'] }],
        rules,
        fallthrough: {
          dispatchKey: null,
          includedInExpt: true,
          variations: [{ id: on(flag), rollout: [0, 1], exptRollout: 1 }],
        },
        exptIncludeAllTargets: true,
      },
    });
    expect(res.status).toBe(200);
  }

  const countryRule = (flag: Flag) => ({
    name: 'Germany',
    includedInExpt: true,
    conditions: [{ property: 'country', op: 'Equal', value: 'de' }],
    variations: [{ id: on(flag), rollout: [0, 1], exptRollout: 1 }],
  });

  beforeAll(async () => {
    api = await ApiApp.start({ cacheEnabled: true });
    await api.loginAsAdmin();
    devId = await api.envId('dev');
    prodId = await api.envId('prod');
    for (const base of [dev, prod]) expect((await api.post(base(), boolFlag('promo'))).status).toBe(200);
    expect((await api.post(dev(), boolFlag('dev-only'))).status).toBe(200);
    expect((await api.post(dev(), boolFlag('segmented'))).status).toBe(200);
    expect((await api.post(prod(), boolFlag('segmented'))).status).toBe(200);
    await setTargeting('promo', [countryRule(await get('dev', 'promo'))]);
    expect((await api.put(dev('/promo/toggle/true'), {})).status).toBe(200);
  });
  afterAll(() => api?.close());

  it('reports per target env which parts differ, and no entry where the flag does not exist', async () => {
    expect(await overview('promo')).toEqual([
      { targetEnvId: prodId, ...NO_DIFF, onOffState: true, individualTargeting: true, targetingRule: true },
    ]);
    expect(await overview('dev-only')).toEqual([]);
  });

  it('compares one flag side by side', async () => {
    const res = await api.get(dev(`/promo/compare-with/${prodId}`));
    expect(res.status).toBe(200);
    const { source, target, diff, relatedSegments, isRulesCopyable } = res.body.data;
    expect([source.envId, target.envId]).toEqual([devId, prodId]);
    expect(diff.onOffState).toEqual({ source: true, target: false, isDifferent: true });
    expect(diff.targetingRule).toEqual([
      expect.objectContaining({
        target: null,
        isDifferent: true,
        source: expect.objectContaining({ name: 'Germany' }),
      }),
    ]);
    expect(diff.offVariation.isDifferent).toBe(false);
    expect(relatedSegments).toEqual([]);
    expect(isRulesCopyable).toBe(true);
    expect((await api.get(dev(`/dev-only/compare-with/${prodId}`))).body).toMatchObject({
      success: true,
      data: null,
    });
  });

  it('copies each part, audited in both environments, and the change reaches the SDK cache', async () => {
    const before = await get('prod', 'promo');
    const sourceBefore = await get('dev', 'promo');
    expect(
      (await api.put(dev(`/promo/copy-settings-to/${prodId}`), options({ onOffState: true }))).body,
    ).toEqual({
      success: true,
      errors: [],
      data: true,
    });
    const afterToggle = await get('prod', 'promo');
    expect(afterToggle.isEnabled).toBe(true);
    expect(afterToggle.revision).not.toBe(before.revision);
    await waitFor(() => api.cache.flags.get(before.id)?.revision === afterToggle.revision);
    expect((await overview('promo'))[0]).toMatchObject({ onOffState: false, targetingRule: true });

    const copied = await api.put(
      dev(`/promo/copy-settings-to/${prodId}`),
      options({
        individualTargeting: { copy: true, mode: 'append' },
        targetingRule: { copy: true, mode: 'overwrite' },
        defaultRule: true,
        offVariation: true,
      }),
    );
    expect(copied.status).toBe(200);
    const after = await get('prod', 'promo');
    expect(after.targetUsers).toEqual([{ variationId: on(after), keyIds: ['alice'] }]);
    expect(after.rules.map((r) => [r.name, r.variations[0].id])).toEqual([['Germany', on(after)]]);
    expect(after.fallthrough.variations[0].id).toBe(on(after));
    expect(await overview('promo')).toEqual([{ targetEnvId: prodId, ...NO_DIFF }]);

    // Audited in the target (a flag change) and in the source (a comment-only entry, no revision).
    const targetLog = await api.store.auditLogs.list({
      refId: before.id,
      envId: prodId,
      pageIndex: 0,
      pageSize: 10,
    });
    expect(targetLog.items.map((l) => l.comment)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^copied settings \(on\/off state\) from .*Dev$/)]),
    );
    const sourceLog = await api.store.auditLogs.list({
      refId: sourceBefore.id,
      envId: devId,
      pageIndex: 0,
      pageSize: 10,
    });
    expect(sourceLog.items.map((l) => l.comment)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^copied settings \(on\/off state\) to .*Prod$/),
        expect.stringMatching(
          /^copied settings \(individual targeting, targeting rules, default rule, off variation\) to /,
        ),
      ]),
    );
    expect((await get('dev', 'promo')).revision).toBe(sourceBefore.revision);
  });

  it('refuses a rule using a segment of the source env only, with the reason, and writes nothing', async () => {
    const segment = (await api.post(`/api/v1/envs/${devId}/segments`, { name: 'Beta', key: 'beta' })).body
      .data;
    const flag = await get('dev', 'segmented');
    await setTargeting('segmented', [
      {
        name: 'Beta users',
        includedInExpt: true,
        conditions: [{ property: SEGMENT_IN, op: null, value: JSON.stringify([segment.id]) }],
        variations: [{ id: on(flag), rollout: [0, 1], exptRollout: 1 }],
      },
    ]);
    const detail = (await api.get(dev(`/segmented/compare-with/${prodId}`))).body.data;
    expect(detail.isRulesCopyable).toBe(false);
    expect(detail.relatedSegments).toEqual([{ key: segment.id, value: 'Beta' }]);

    const before = await get('prod', 'segmented');
    const logsBefore = (await api.store.auditLogs.list({ pageIndex: 0, pageSize: 1 })).totalCount;
    const refused = await api.put(
      dev(`/segmented/copy-settings-to/${prodId}`),
      options({ onOffState: true, targetingRule: { copy: true, mode: 'append' } }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual(['FlagSettingsNotCopyable']);
    expect(refused.body.data).toEqual([
      {
        part: 'targetingRule',
        reason: 'rule "Beta users" uses segment "Beta", which the target environment cannot use',
      },
    ]);
    expect(await get('prod', 'segmented')).toEqual(before);
    expect((await api.store.auditLogs.list({ pageIndex: 0, pageSize: 1 })).totalCount).toBe(logsBefore);
  });

  it('answers 400 naming the field for bad options, 404 for unknown envs and flags', async () => {
    const bad = await api.put(
      dev(`/promo/copy-settings-to/${prodId}`),
      options({ targetingRule: { copy: true, mode: 'merge' } }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('targetingRule.mode');
    const missing = await api.put(dev(`/promo/copy-settings-to/${prodId}`), {
      options: { onOffState: true },
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.details)).toContain('individualTargeting');
    const nothing = await api.put(dev(`/promo/copy-settings-to/${prodId}`), options({}));
    expect(nothing.status).toBe(400);
    expect(nothing.body.details?.[0].field).toBe('options');
    const noTargets = await api.post(dev('/compare-overview'), { targetEnvIds: [] });
    expect(noTargets.status).toBe(400);
    expect(JSON.stringify(noTargets.body.details)).toContain('targetEnvIds');
    const unknownEnv = '00000000-0000-4000-8000-000000000001';
    expect((await api.get(dev(`/promo/compare-with/${unknownEnv}`))).status).toBe(404);
    expect((await api.get(dev(`/nope/compare-with/${prodId}`))).status).toBe(404);
    const notThere = await api.put(
      dev(`/dev-only/copy-settings-to/${prodId}`),
      options({ onOffState: true }),
    );
    expect(notThere.status).toBe(422);
  });

  it('refuses a member without access to the target env, and one who may not change the target flag', async () => {
    async function member(email: string, statements: unknown[]): Promise<ApiApp> {
      const key = email.split('@')[0];
      const policy = (await api.post('/api/v1/policies', { name: key, key })).body.data;
      expect((await api.put(`/api/v1/policies/${policy.id}/statements`, statements)).status).toBe(200);
      const added = await api.post('/api/v1/members/add', { email, policyIds: [policy.id] });
      return api.fork().loginAs(email, added.body.data.initialPassword);
    }
    const project = {
      resourceType: 'project',
      effect: 'allow',
      actions: ['CanAccessProject'],
      resources: ['project/*'],
    };
    const devOnly = await member('dev-reader@example.com', [
      project,
      {
        resourceType: 'env',
        effect: 'allow',
        actions: ['CanAccessEnv'],
        resources: ['project/default:env/dev'],
      },
    ]);
    expect((await devOnly.post(dev('/compare-overview'), { targetEnvIds: [prodId] })).status).toBe(403);
    expect((await devOnly.get(dev(`/promo/compare-with/${prodId}`))).status).toBe(403);
    const reader = await member('all-reader@example.com', [
      project,
      {
        resourceType: 'env',
        effect: 'allow',
        actions: ['CanAccessEnv'],
        resources: ['project/default:env/*'],
      },
    ]);
    expect((await reader.get(dev(`/promo/compare-with/${prodId}`))).status).toBe(200);
    const before = await get('prod', 'promo');
    expect(
      (await reader.put(dev(`/promo/copy-settings-to/${prodId}`), options({ onOffState: true }))).status,
    ).toBe(403);
    expect(await get('prod', 'promo')).toEqual(before);
  });
});
