jest.setTimeout(90_000);
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';
import { ENV_READER, memberWith } from './support/members';

// Issue 20's compatibility routes with FeatBit's paths and shapes: JSON Patch on segments, policy
// clone by key, the resource picker, onboarding and join-organization (global users and the
// end-user search: global-users.e2e-spec.ts).

describe('FeatBit compatibility routes (e2e, in-process)', () => {
  let api: ApiApp;
  let envId: string;
  let prodId: string;
  let reader: ApiApp;

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    envId = await api.envId('dev');
    prodId = await api.envId('prod');
    reader = await memberWith(api, 'reader@example.com', 'env-reader', ENV_READER);
  });
  afterAll(() => api.close());

  describe('JSON Patch on a segment', () => {
    let segBase: string;
    let segment: { id: string; updatedAt: string };

    beforeAll(async () => {
      segBase = `/api/v1/envs/${envId}/segments`;
      segment = (await api.post(segBase, { name: 'Patch me', key: 'patch-me', description: 'd' })).body.data;
    });

    it('applies operations through the segment write path (audited, answer true as FeatBit)', async () => {
      const res = await api.request('PATCH', `${segBase}/${segment.id}`, {
        body: [
          { op: 'test', path: '/updatedAt', value: segment.updatedAt },
          { op: 'replace', path: '/name', value: 'Patched' },
          { op: 'add', path: '/included/-', value: 'alice' },
          { op: 'add', path: '/tags', value: ['beta'] },
          {
            op: 'add',
            path: '/rules/-',
            value: { name: 'Pro', conditions: [{ property: 'plan', op: 'Equal', value: 'pro' }] },
          },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toBe(true);
      const after = (await api.get(`${segBase}/${segment.id}`)).body.data;
      expect(after).toMatchObject({ name: 'Patched', included: ['alice'], tags: ['beta'] });
      expect(after.rules[0]).toMatchObject({ name: 'Pro', id: expect.any(String) });
      expect(after.rules[0].conditions[0].id).toEqual(expect.any(String));
      const audit = await api.get(`/api/v1/envs/${envId}/audit-logs?refType=Segment`);
      expect(JSON.stringify(audit.body.data)).toContain('Patched');

      // The old updatedAt is stale now: a conditional patch is a conflict.
      const stale = await api.request('PATCH', `${segBase}/${segment.id}`, {
        body: [
          { op: 'test', path: '/updatedAt', value: segment.updatedAt },
          { op: 'replace', path: '/name', value: 'Lost' },
        ],
      });
      expect(stale.status).toBe(409);
    });

    it('refuses bad patches with 400 naming the path or field', async () => {
      const bad: [unknown, string][] = [
        [[], 'body'],
        [{ op: 'replace' }, 'body'],
        [[{ op: 'jump', path: '/name' }], '[0].op'],
        [[{ op: 'replace', path: '/key', value: 'x' }], 'key cannot be changed'],
        [[{ op: 'replace', path: '/envId', value: 'x' }], 'envId cannot be changed'],
        [[{ op: 'remove', path: '/included/5' }], 'out of range'],
        [[{ op: 'replace', path: '/name', value: '' }], 'name'],
        [[{ op: 'replace', path: '/included', value: ['x'.repeat(513)] }], 'included'],
        [[{ op: 'test', path: '/name', value: 'nope' }], 'test failed at /name'],
      ];
      for (const [body, text] of bad) {
        const res = await api.request('PATCH', `${segBase}/${segment.id}`, { body });
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).toContain(text);
      }
    });

    it('checks the permission of each changed field', async () => {
      const res = await reader.request('PATCH', `${segBase}/${segment.id}`, {
        body: [{ op: 'replace', path: '/description', value: 'by reader' }],
      });
      expect(res.status).toBe(403);
      const unknown = await api.request('PATCH', `${segBase}/00000000-0000-4000-8000-000000000009`, {
        body: [{ op: 'replace', path: '/name', value: 'x' }],
      });
      expect(unknown.status).toBe(404);
    });
  });

  describe('policy clone by key', () => {
    it('clones by key as FeatBit does and still by id', async () => {
      const byKey = await api.post('/api/v1/policies/clone/developer', { name: 'Dev copy', key: 'dev-copy' });
      expect(byKey.status).toBe(200);
      expect(byKey.body.data).toMatchObject({ key: 'dev-copy', type: 'CustomerManaged' });
      expect(byKey.body.data.statements.length).toBeGreaterThan(0);
      const byId = await api.post(`/api/v1/policies/clone/${byKey.body.data.id}`, {
        name: 'Dev copy 2',
        key: 'dev-copy-2',
      });
      expect(byId.status).toBe(200);
      expect(byId.body.data.statements).toHaveLength(byKey.body.data.statements.length);
      expect((await api.post('/api/v1/policies/clone/no-such-policy', { name: 'x', key: 'x' })).status).toBe(
        404,
      );
      expect((await api.post('/api/v1/policies/clone/developer', { name: 'x' })).status).toBe(400);
      expect((await reader.post('/api/v1/policies/clone/developer', { name: 'y', key: 'y' })).status).toBe(
        403,
      );
    });
  });

  describe('resource picker', () => {
    beforeAll(async () => {
      await api.post(`/api/v1/envs/${envId}/feature-flags`, { ...boolFlag('picker-flag'), tags: ['web'] });
    });

    it('lists v1 resources of a type with FeatBit’s RNs, the wildcard first', async () => {
      const envs = await api.get('/api/v1/resources?type=env');
      expect(envs.status).toBe(200);
      expect(envs.body.data[0]).toEqual({
        id: 'c62ed37a-74a9-4987-8ef4-b5a16127f307',
        name: 'env',
        rn: 'project/*:env/*',
        type: 'env',
      });
      expect(envs.body.data).toContainEqual({
        id: envId,
        name: 'Dev',
        rn: 'project/default:env/dev',
        type: 'env',
      });
      const flags = await api.get('/api/v1/resources?type=flag&name=picker');
      expect(flags.body.data).toEqual([
        expect.objectContaining({ name: 'picker-flag', rn: 'project/default:env/dev:flag/picker-flag;web' }),
      ]);
      const iam = await api.get('/api/v1/resources?type=iam');
      expect(iam.body.data).toEqual([expect.objectContaining({ rn: 'iam/*', type: 'iam' })]);
    });

    it('lists v2 resources of several types with the organization prefix and path names', async () => {
      const res = await api.get('/api/v2/resources?spaceLevel=organization&types=project&types=env');
      expect(res.status).toBe(200);
      const orgKey = (await api.get(`/api/v1/organizations/${api.organizationId}`)).body.data.key;
      expect(res.body.data[0]).toMatchObject({ rn: 'organization/*:project/*', type: 'project' });
      expect(res.body.data).toContainEqual({
        id: prodId,
        name: 'Prod',
        pathName: expect.stringContaining('/Prod'),
        rn: `organization/${orgKey}:project/default:env/prod`,
        type: 'env',
      });
      const ws = await api.get('/api/v2/resources?spaceLevel=workspace&types=organization&name=' + orgKey);
      expect(ws.status).toBe(200);
      const segs = await api.get('/api/v2/resources?types=segment&name=patch');
      expect(segs.body.data).toEqual([
        expect.objectContaining({
          rn: `organization/${orgKey}:project/default:env/dev:segment/patch-me;beta`,
        }),
      ]);
    });

    it('lists only what the caller may access and validates its query', async () => {
      const project = await api.defaultProject();
      const narrow = await api.post('/api/v1/policies', { name: 'Prod only', key: 'prod-only' });
      await api.put(`/api/v1/policies/${narrow.body.data.id}/statements`, [
        {
          resourceType: 'env',
          effect: 'allow',
          actions: ['CanAccessEnv'],
          resources: ['project/default:env/prod'],
        },
        {
          resourceType: 'project',
          effect: 'allow',
          actions: ['CanAccessProject'],
          resources: [`project/${project.key}`],
        },
      ]);
      const added = await api.post('/api/v1/members/add', {
        email: 'prod-only@example.com',
        policyIds: [narrow.body.data.id],
      });
      const member = await api.fork().loginAs('prod-only@example.com', added.body.data.initialPassword);
      const envs = (await member.get('/api/v1/resources?type=env')).body.data;
      expect(envs.map((e: { rn: string }) => e.rn)).toEqual(['project/*:env/*', 'project/default:env/prod']);
      const flags = (await member.get('/api/v1/resources?type=flag&name=picker')).body.data;
      expect(flags).toEqual([]);

      expect((await api.get('/api/v1/resources')).status).toBe(400);
      const badType = await api.get('/api/v1/resources?type=planet');
      expect(badType.status).toBe(400);
      expect(JSON.stringify(badType.body)).toContain('type');
      expect((await api.get('/api/v2/resources?spaceLevel=galaxy')).status).toBe(400);
      expect((await api.get(`/api/v1/resources?type=env&name=${'x'.repeat(129)}`)).status).toBe(400);
      expect((await api.get('/api/v1/resources?type=env', { token: null })).status).toBe(401);
    });
  });

  describe('onboarding and join-organization', () => {
    it('onboards: names the organization and creates a project with the listed environments', async () => {
      const res = await api.post('/api/v1/organizations/onboarding', {
        organizationName: 'Acme Inc',
        projectName: 'Web Shop',
        environments: ['Staging', 'Production', 'production'],
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toBe(true);
      const org = (await api.get(`/api/v1/organizations/${api.organizationId}`)).body.data;
      expect(org).toMatchObject({ name: 'Acme Inc', initialized: true });
      const project = (await api.get('/api/v1/projects')).body.data.find(
        (p: { key: string }) => p.key === 'web-shop',
      );
      expect(project.environments.map((e: { key: string }) => e.key).sort()).toEqual([
        'production',
        'production-2',
        'staging',
      ]);
      const again = await api.post('/api/v1/organizations/onboarding', {
        organizationName: 'Acme Inc',
        projectName: 'Web Shop',
        environments: ['Dev'],
      });
      expect(again.status).toBe(422);
      expect(again.body.errors).toEqual(['KeyHasBeenUsed']);
    });

    it('refuses invalid onboarding input (400 naming the field) and callers without the permissions', async () => {
      const bad: [unknown, string][] = [
        [{ projectName: 'p', environments: ['Dev'] }, 'organizationName'],
        [{ organizationName: 'o', projectName: 'p', environments: [] }, 'environments'],
        [{ organizationName: 'o', projectName: 'p', environments: Array(11).fill('e') }, 'environments'],
        [
          { organizationName: 'o', projectName: 'p', projectKey: 'bad key', environments: ['e'] },
          'projectKey',
        ],
      ];
      for (const [body, field] of bad) {
        const res = await api.post('/api/v1/organizations/onboarding', body);
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).toContain(field);
      }
      const refused = await reader.post('/api/v1/organizations/onboarding', {
        organizationName: 'Mine',
        projectName: 'Mine',
        environments: ['Dev'],
      });
      expect(refused.status).toBe(403);
    });

    it('lets a workspace user with no organization join with the default permissions', async () => {
      const added = await api.post('/api/v1/members/add', { email: 'sso-user@example.com' });
      const memberId = added.body.data.id ?? added.body.data.user?.id;
      const members = (await api.get('/api/v1/members?searchText=sso-user')).body.data.items;
      const id = memberId ?? members[0].id;
      expect((await api.delete(`/api/v1/members/remove-from-org/${id}`)).status).toBe(200);

      const user = api.fork();
      const login = await user.post(
        '/api/v1/identity/login-by-email',
        { email: 'sso-user@example.com', password: added.body.data.initialPassword },
        { token: null },
      );
      user.token = login.body.data.token;
      user.workspaceId = api.workspaceId;
      expect((await user.get('/api/v1/organizations')).body.data).toEqual([]);

      const joined = await user.post('/api/v1/user/join-organization', undefined, {
        headers: { organization: api.organizationId },
      });
      expect(joined.status).toBe(200);
      expect(joined.body.data).toBe(true);
      user.organizationId = api.organizationId;
      const policies = (await user.get('/api/v1/user/policies')).body.data;
      expect(policies.map((p: { key: string }) => p.key)).toEqual(['developer']);
      // Joining again changes nothing.
      expect((await user.post('/api/v1/user/join-organization')).body.data).toBe(true);
      const audit = await api.get('/api/v1/audit-logs?refType=Member');
      expect(JSON.stringify(audit.body.data)).toContain('sso-user@example.com');
    });

    it('refuses joining from another organization of the workspace, for tokens and anonymously', async () => {
      await api.post('/api/v1/organizations', { name: 'Second', key: 'second' });
      const second = (await api.get('/api/v1/organizations')).body.data.find(
        (o: { key: string }) => o.key === 'second',
      );
      const res = await reader.post('/api/v1/user/join-organization', undefined, {
        headers: { organization: second.id },
      });
      expect(res.status).toBe(403);
      expect((await api.post('/api/v1/user/join-organization', undefined, { token: null })).status).toBe(401);
    });
  });
});
