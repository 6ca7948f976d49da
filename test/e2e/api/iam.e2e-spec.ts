jest.setTimeout(60_000);
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';

describe('members, groups, policies and access tokens (e2e, in-process)', () => {
  let api: ApiApp;
  let adminId: string;
  let envId: string;

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    adminId = (await api.get('/api/v1/user/profile')).body.data.id;
    envId = await api.envId('dev');
  });
  afterAll(() => api.close());

  it('adds a member with a generated password who can sign in with the default Developer policy', async () => {
    const res = await api.post('/api/v1/members/add', { email: 'Dev@Example.com' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ email: 'dev@example.com', created: true });
    expect(res.body.data.initialPassword).toHaveLength(12);
    const again = await api.post('/api/v1/members/add', { email: 'dev@example.com' });
    expect(again.status).toBe(422);

    const dev = await api.fork().loginAs('dev@example.com', res.body.data.initialPassword);
    const policies = await dev.get('/api/v1/user/policies');
    expect(policies.body.data.map((p: { key: string }) => p.key)).toEqual(['developer']);
    // A developer works with flags but cannot manage IAM or delete environments.
    expect((await dev.post(`/api/v1/envs/${envId}/feature-flags`, boolFlag('dev-made'))).status).toBe(200);
    expect((await dev.get('/api/v1/members')).status).toBe(403);
    const project = await dev.defaultProject();
    expect((await dev.delete(`/api/v1/projects/${project.id}/envs/${envId}`)).status).toBe(403);

    const members = await api.get('/api/v1/members?searchText=dev');
    expect(members.body.data.items).toEqual([expect.objectContaining({ email: 'dev@example.com' })]);
  });

  it('manages groups with members and policies; removing the last Owner is refused', async () => {
    const dev = (await api.get('/api/v1/members?searchText=dev')).body.data.items[0];
    const group = (await api.post('/api/v1/groups', { name: 'Release managers', description: 'ship it' }))
      .body.data;
    expect((await api.post('/api/v1/groups', { name: 'Release managers' })).body.errors).toEqual([
      'NameHasBeenUsed',
    ]);
    expect((await api.get('/api/v1/groups/is-name-used?name=Release%20managers')).body.data).toBe(true);
    expect((await api.put(`/api/v1/groups/${group.id}/add-member/${dev.id}`)).status).toBe(200);
    const admin = (await api.get('/api/v1/policies?name=Administrator')).body.data.items[0];
    expect((await api.put(`/api/v1/groups/${group.id}/add-policy/${admin.id}`)).status).toBe(200);
    const inherited = await api.get(`/api/v1/members/${dev.id}/inherited-policies`);
    expect(inherited.body.data.items).toEqual([
      expect.objectContaining({ key: 'administrator', groups: [{ id: group.id, name: 'Release managers' }] }),
    ]);
    const members = await api.get(`/api/v1/groups/${group.id}/members`);
    expect(members.body.data.items.map((m: { id: string }) => m.id)).toEqual([dev.id]);
    expect((await api.get(`/api/v1/members/${dev.id}/groups`)).body.data.items).toEqual([
      expect.objectContaining({ id: group.id, isGroupMember: true }),
    ]);

    const owner = (await api.get('/api/v1/policies?name=Owner')).body.data.items[0];
    const last = await api.put(`/api/v1/members/${adminId}/remove-policy/${owner.id}`);
    expect(last.status).toBe(422);
    expect(last.body.errors).toEqual(['CannotRemoveLastOwner']);
    expect((await api.delete(`/api/v1/members/remove-from-org/${adminId}`)).body.errors).toEqual([
      'CannotRemoveLastOwner',
    ]);
  });

  it('creates, clones and edits policies with validated statements; built-ins are read-only', async () => {
    const created = await api.post('/api/v1/policies', { name: 'Flag togglers', key: 'togglers' });
    expect(created.status).toBe(200);
    const id = created.body.data.id;
    const statements = [
      {
        resourceType: 'flag',
        effect: 'allow',
        actions: ['ToggleFlag'],
        resources: ['project/*:env/dev:flag/*'],
      },
    ];
    const updated = await api.put(`/api/v1/policies/${id}/statements`, statements);
    expect(updated.status).toBe(200);
    expect(updated.body.data.statements[0]).toMatchObject(statements[0]);
    const wrongType = await api.put(`/api/v1/policies/${id}/statements`, [
      { ...statements[0], actions: ['DeleteProject'] },
    ]);
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toEqual(['statements_is_invalid']);
    const unknownField = await api.put(`/api/v1/policies/${id}/statements`, [{ ...statements[0], extra: 1 }]);
    expect(unknownField.body.errors).toEqual(['extra_is_not_allowed']);
    expect((await api.put(`/api/v1/policies/${id}/statements`, { not: 'an array' })).status).toBe(400);

    const owner = (await api.get('/api/v1/policies?name=Owner')).body.data.items[0];
    const builtIn = await api.put(`/api/v1/policies/${owner.id}/settings`, { name: 'Mine' });
    expect(builtIn.status).toBe(422);
    expect(builtIn.body.errors).toEqual(['CannotModifySysManagedPolicy']);
    const clone = await api.post(`/api/v1/policies/clone/${owner.id}`, {
      name: 'Owner copy',
      key: 'owner-copy',
    });
    expect(clone.body.data).toMatchObject({ type: 'CustomerManaged', key: 'owner-copy' });
    expect(clone.body.data.statements).toHaveLength(1);
    expect((await api.delete(`/api/v1/policies/${clone.body.data.id}`)).status).toBe(200);
    expect((await api.get(`/api/v1/policies/${clone.body.data.id}`)).status).toBe(404);
  });

  it('issues access tokens shown once, stored hashed, usable without Bearer and refused when inactive', async () => {
    const res = await api.post('/api/v1/access-tokens', {
      name: 'ci',
      type: 'Service',
      permissions: [
        { resourceType: 'env', effect: 'allow', actions: ['CanAccessEnv'], resources: ['project/*:env/*'] },
      ],
    });
    expect(res.status).toBe(200);
    const value: string = res.body.data.token;
    expect(value).toMatch(/^api-[A-Za-z0-9_-]{40}$/);
    const stored = await api.store.accessTokens.findById(res.body.data.id);
    expect(JSON.stringify(stored)).not.toContain(value);

    const list = await api.get(`/api/v1/envs/${envId}/feature-flags`, {
      token: value,
      headers: { organization: '', workspace: '' },
    });
    expect(list.status).toBe(200);
    const create = await api.post(`/api/v1/envs/${envId}/feature-flags`, boolFlag('by-token'), {
      token: value,
    });
    expect(create.status).toBe(403);
    // Tokens cannot manage tokens or use session routes.
    expect((await api.get('/api/v1/access-tokens', { token: value })).status).toBe(403);
    expect((await api.get('/api/v1/user/profile', { token: value })).status).toBe(403);

    const listed = (await api.get('/api/v1/access-tokens')).body.data.items.find(
      (t: { id: string }) => t.id === res.body.data.id,
    );
    expect(listed.token).not.toContain(value.slice(10));
    await new Promise((r) => setTimeout(r, 50));
    expect((await api.store.accessTokens.findById(res.body.data.id))?.lastUsedAt).not.toBeNull();

    expect((await api.put(`/api/v1/access-tokens/${res.body.data.id}/toggle`)).body.data.status).toBe(
      'Inactive',
    );
    expect((await api.get(`/api/v1/envs/${envId}/feature-flags`, { token: value })).status).toBe(401);
    expect((await api.delete(`/api/v1/access-tokens/${res.body.data.id}`)).status).toBe(200);
  });

  it('lets a personal token act with its creator’s current permissions', async () => {
    const res = await api.post('/api/v1/access-tokens', { name: 'mine', type: 'Personal' });
    const value = res.body.data.token;
    const made = await api.post(`/api/v1/envs/${envId}/feature-flags`, boolFlag('personal-made'), {
      token: value,
    });
    expect(made.status).toBe(200);
    const audit = await api.store.auditLogs.list({ refId: made.body.data.id, pageIndex: 0, pageSize: 1 });
    expect(audit.items[0].creatorId).toBe(res.body.data.id);
    const statements = [{ resourceType: '*', effect: 'allow', actions: ['*'], resources: ['*'] }];
    expect(
      (
        await api.post('/api/v1/access-tokens', {
          name: 'bad',
          type: 'Service',
          permissions: [{ ...statements[0], resources: ['not a pattern'] }],
        })
      ).status,
    ).toBe(400);
  });
});
