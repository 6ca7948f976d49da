jest.setTimeout(90_000);
import { ApiApp } from './support/api-app';
import { multipartFile } from './support/fixtures';
import { ENV_READER, memberWith } from './support/members';

// FeatBit's global users (workspace-level end users, imported from JSON) and its paged end-user
// search, which finds them from every environment of the workspace.

describe('global users and end-user search (e2e, in-process)', () => {
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

  describe('global users and end-user search', () => {
    const users = `/api/v1/envs/${'ENV'}/end-users`;
    const search = () => users.replace('ENV', envId) + '/search';

    beforeAll(async () => {
      for (const [keyId, name, plan] of [
        ['alice', 'Alice', 'pro'],
        ['bob', 'Bob', 'free'],
        ['carol', 'Carol', 'pro'],
      ]) {
        await api.put(users.replace('ENV', envId), {
          keyId,
          name,
          customizedProperties: [{ name: 'plan', value: plan }],
        });
      }
    });

    it('imports global users from FeatBit’s JSON file and lists them paged with a name search', async () => {
      const file = JSON.stringify({
        users: [
          { keyId: 'g-ops', name: 'Ops robot', customizedProperties: [{ name: 'team', value: 'ops' }] },
          { keyId: 'g-qa', name: 'QA robot', workspaceId: 'ignored' },
          { keyId: '', name: 'no key' },
        ],
        userProperties: ['team'],
      });
      const { payload, headers } = multipartFile(file);
      const res = await api.request('POST', '/api/v1/global-users/upload', { payload, headers });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        totalCount: 3,
        writtenCount: 2,
        skippedCount: 1,
        newProperties: [],
      });

      const list = await api.get('/api/v1/global-users?pageIndex=0&pageSize=10');
      expect(list.status).toBe(200);
      expect(list.body.data.totalCount).toBe(2);
      expect(list.body.data.items[0]).toEqual({
        id: expect.any(String),
        envId: null,
        workspaceId: api.workspaceId,
        keyId: expect.stringMatching(/^g-/),
        name: expect.any(String),
        customizedProperties: expect.any(Array),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const named = await api.get('/api/v1/global-users?name=ops');
      expect(named.body.data.items.map((u: { keyId: string }) => u.keyId)).toEqual(['g-ops']);
      // Re-importing the same file writes nothing (idempotent upsert by keyId).
      const again = await api.request('POST', '/api/v1/global-users/upload', multipartFile(file));
      expect(again.body.data.writtenCount).toBe(0);
      // Global users are not users of an environment: the environment's own list does not show them.
      const envList = await api.post(`${users.replace('ENV', envId)}/list`, { searchText: 'g-' });
      expect(envList.body.data.items).toEqual([]);
    });

    it('searches an environment’s users as FeatBit’s picker does, global users included on request', async () => {
      const plain = await api.post(search(), { searchText: 'o', pageIndex: 0, pageSize: 10 });
      expect(plain.status).toBe(200);
      expect(plain.body.data.totalCount).toBe(2); // bob, carol
      expect(Object.keys(plain.body.data).sort()).toEqual(['items', 'totalCount']);

      const withGlobal = await api.post(search(), { searchText: 'o', includeGlobalUser: true, pageSize: 10 });
      const keys = withGlobal.body.data.items.map((u: { keyId: string }) => u.keyId).sort();
      expect(keys).toEqual(['bob', 'carol', 'g-ops', 'g-qa']);

      const excluded = await api.post(search(), {
        includeGlobalUser: true,
        excludedKeyIds: ['alice', 'g-qa'],
        pageSize: 100,
      });
      expect(excluded.body.data.items.map((u: { keyId: string }) => u.keyId).sort()).toEqual([
        'bob',
        'carol',
        'g-ops',
      ]);

      const byProperty = await api.post(search(), { searchText: 'pro', properties: ['plan'] });
      expect(byProperty.body.data.items.map((u: { keyId: string }) => u.keyId).sort()).toEqual([
        'alice',
        'carol',
      ]);
      const notInPlan = await api.post(search(), { searchText: 'alice', properties: ['plan'] });
      expect(notInPlan.body.data.totalCount).toBe(0);
      const byName = await api.post(search(), { searchText: 'ALI', properties: ['Name'] });
      expect(byName.body.data.items.map((u: { keyId: string }) => u.keyId)).toEqual(['alice']);

      const paged = await api.post(search(), { pageIndex: 1, pageSize: 2 });
      expect(paged.body.data).toMatchObject({ totalCount: 3 });
      expect(paged.body.data.items).toHaveLength(1);

      // The same global users are found from every environment of the workspace.
      const prod = await api.post(`/api/v1/envs/${prodId}/end-users/search`, { includeGlobalUser: true });
      expect(prod.body.data.items.map((u: { keyId: string }) => u.keyId).sort()).toEqual(['g-ops', 'g-qa']);
    });

    it('resolves targeted keyIds to the environment’s users first, then to global users', async () => {
      // A global user with the key of an environment user: the environment's own user wins there.
      await api.request(
        'POST',
        '/api/v1/global-users/upload',
        multipartFile(JSON.stringify({ users: [{ keyId: 'alice', name: 'Global Alice' }] })),
      );
      const res = await api.post(`${users.replace('ENV', envId)}/by-keyIds`, ['alice', 'g-ops', 'nobody']);
      expect(res.status).toBe(200);
      const found = res.body.data as { keyId: string; name: string; envId: string | null }[];
      expect(found.map((u) => [u.keyId, u.name, u.envId]).sort()).toEqual([
        ['alice', 'Alice', envId],
        ['g-ops', 'Ops robot', null],
      ]);
      // Another environment knows no alice of its own: the global one is answered.
      const prod = await api.post(`/api/v1/envs/${prodId}/end-users/by-keyIds`, ['alice']);
      expect(prod.body.data.map((u: { name: string }) => u.name)).toEqual(['Global Alice']);
    });

    it('refuses invalid search and list input with 400 naming the field', async () => {
      const cases: [unknown, string][] = [
        [{ pageSize: 0 }, 'pageSize'],
        [{ pageSize: 501 }, 'pageSize'],
        [{ excludedKeyIds: 'alice' }, 'excludedKeyIds'],
        [{ excludedKeyIds: Array.from({ length: 1001 }, (_, i) => `k${i}`) }, 'excludedKeyIds'],
        [{ properties: [''] }, 'properties'],
        [{ includeGlobalUser: 'yes' }, 'includeGlobalUser'],
        [{ searchText: 'x'.repeat(257) }, 'searchText'],
        [{ unknown: 1 }, 'unknown'],
      ];
      for (const [body, field] of cases) {
        const res = await api.post(search(), body);
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body.details ?? res.body.errors)).toContain(field);
      }
      const list = await api.get('/api/v1/global-users?pageSize=0');
      expect(list.status).toBe(400);
      expect(JSON.stringify(list.body)).toContain('pageSize');
      const notMultipart = await api.post('/api/v1/global-users/upload', { users: [] });
      expect(notMultipart.status).toBe(400);
      const broken = await api.request('POST', '/api/v1/global-users/upload', multipartFile('{"users":[{'));
      expect(broken.status).toBe(400);
      expect(broken.body.errors).toEqual(['InvalidJson']);
    });

    it('applies IAM: readers search and list, only managers of every environment import', async () => {
      expect((await reader.post(search(), {})).status).toBe(200);
      expect((await reader.get('/api/v1/global-users')).status).toBe(200);
      const upload = await reader.request(
        'POST',
        '/api/v1/global-users/upload',
        multipartFile(JSON.stringify({ users: [{ keyId: 'sneaky' }] })),
      );
      expect(upload.status).toBe(403);
      const anonymous = await api.get('/api/v1/global-users', { token: null });
      expect(anonymous.status).toBe(401);
      expect((await api.get('/api/v1/global-users?name=sneaky')).body.data.totalCount).toBe(0);
    });
  });
});
