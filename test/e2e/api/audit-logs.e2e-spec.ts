jest.setTimeout(60_000);
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';

describe('audit logs (e2e, in-process)', () => {
  let api: ApiApp;
  let envId: string;
  let base: string;
  let flagId: string;
  let adminId: string;

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    envId = await api.envId('dev');
    base = `/api/v1/envs/${envId}/audit-logs`;
    adminId = (await api.get('/api/v1/user/profile')).body.data.id;
    const flag = (await api.post(`/api/v1/envs/${envId}/feature-flags`, boolFlag('audited'))).body.data;
    flagId = flag.id;
    await api.put(`/api/v1/envs/${envId}/feature-flags/audited/toggle/true`, { comment: 'launch day' });
    await api.put(`/api/v1/envs/${envId}/feature-flags/audited/targeting`, {
      targeting: {
        targetUsers: [{ keyIds: ['qa-1'], variationId: flag.variations[1].id }],
        rules: [],
        fallthrough: {
          dispatchKey: null,
          includedInExpt: true,
          variations: [
            { id: flag.variations[0].id, rollout: [0, 0.5], exptRollout: 1 },
            { id: flag.variations[1].id, rollout: [0.5, 1], exptRollout: 1 },
          ],
        },
        exptIncludeAllTargets: true,
      },
      revision: (await api.get(`/api/v1/envs/${envId}/feature-flags/audited`)).body.data.revision,
    });
  });
  afterAll(() => api.close());

  it("lists a flag's history with who, when, comment, before/after and readable instructions", async () => {
    const res = await api.get(`${base}?refId=${flagId}&refType=FeatureFlag`);
    expect(res.status).toBe(200);
    const [targeting, toggle, create] = res.body.data.items;
    expect(res.body.data.totalCount).toBe(3);
    expect(create).toMatchObject({
      operation: 'Create',
      creatorId: adminId,
      creatorName: 'Admin',
      creatorEmail: 'admin@example.com',
    });
    expect(toggle).toMatchObject({
      operation: 'Update',
      comment: 'launch day',
      instructions: [expect.objectContaining({ kind: 'TurnFlagOn' })],
    });
    expect(JSON.parse(toggle.dataChange.previous).isEnabled).toBe(false);
    expect(JSON.parse(toggle.dataChange.current).isEnabled).toBe(true);
    expect(targeting.instructions.map((i: { kind: string }) => i.kind)).toEqual([
      'AddTargetUsers',
      'UpdateDefaultRuleVariationOrRollouts',
    ]);
    expect(targeting.instructions[1].text).toBe(
      'Default rule: serve 50% On (true) · 50% Off (false) (was On (true))',
    );
  });

  it('filters by text, creator and time, and validates the filters', async () => {
    expect(
      (await api.get(`${base}?query=launch`)).body.data.items.map((l: { comment: string }) => l.comment),
    ).toEqual(['launch day']);
    expect((await api.get(`${base}?query=audited`)).body.data.totalCount).toBe(3);
    expect((await api.get(`${base}?creatorId=${adminId}&refId=${flagId}`)).body.data.totalCount).toBe(3);
    expect((await api.get(`${base}?creatorId=someone-else`)).body.data.totalCount).toBe(0);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await api.get(`${base}?from=${future}`)).body.data.totalCount).toBe(0);
    expect((await api.get(`${base}?to=${Date.now() + 60_000}&refId=${flagId}`)).body.data.totalCount).toBe(3);
    expect((await api.get(`${base}?from=yesterday`)).body.errors).toEqual(['from_is_invalid']);
    expect((await api.get(`${base}?refType=Nope`)).body.errors).toEqual(['refType_is_invalid']);
  });

  it('records environment and secret changes without secret values', async () => {
    const project = await api.defaultProject();
    const env = project.environments.find((e) => e.id === envId)!;
    await api.put(`/api/v1/envs/${envId}/secrets/${env.secrets[0].id}/rotate`);
    const secretLogs = await api.get(`${base}?refType=EnvironmentSecret`);
    expect(secretLogs.body.data.totalCount).toBe(1);
    const raw = JSON.stringify(secretLogs.body.data.items[0]);
    for (const secret of env.secrets) expect(raw).not.toContain(secret.value);
    const current = (await api.get(`/api/v1/projects/${project.id}/envs/${envId}`)).body.data;
    for (const secret of current.secrets) expect(raw).not.toContain(secret.value);
  });

  it('lists IAM changes at organization level for IAM managers', async () => {
    await api.post('/api/v1/members/add', { email: 'audited@example.com' });
    await api.post('/api/v1/policies', { name: 'Audited', key: 'audited' });
    const res = await api.get('/api/v1/audit-logs?refType=Member');
    expect(res.body.data.items[0]).toMatchObject({
      refType: 'Member',
      operation: 'Create',
      keyword: expect.stringContaining('audited@example.com'),
    });
    const all = await api.get('/api/v1/audit-logs?pageSize=100');
    const types = new Set(all.body.data.items.map((l: { refType: string }) => l.refType));
    expect([...types]).toEqual(
      expect.arrayContaining(['Member', 'Policy', 'FeatureFlag', 'EnvironmentSecret']),
    );
    // The environment listing never shows organization-level entries.
    expect((await api.get(`${base}?refType=Member`)).body.data.totalCount).toBe(0);
  });

  it('compares two versions into instructions', async () => {
    const res = await api.post(`${base}/compare`, {
      refType: 'Environment',
      dataChange: {
        previous: JSON.stringify({ name: 'Dev' }),
        current: JSON.stringify({ name: 'Development' }),
      },
    });
    expect(res.body.data).toEqual([
      expect.objectContaining({ kind: 'UpdateField', text: 'Changed name from "Dev" to "Development"' }),
    ]);
  });
});
