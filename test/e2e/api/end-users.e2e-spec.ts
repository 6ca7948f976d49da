jest.setTimeout(120_000);
import { randomUUID } from 'node:crypto';
import { ApiApp } from './support/api-app';
import { boolFlag, multipartFile } from './support/fixtures';

describe('end users and properties (e2e, in-process)', () => {
  let api: ApiApp;
  let envId: string;
  let base: string;

  beforeAll(async () => {
    api = await ApiApp.start({ env: { UPLOAD_LIMIT_BYTES: String(2 * 1024 * 1024) } });
    await api.loginAsAdmin();
    envId = await api.envId('dev');
    base = `/api/v1/envs/${envId}/end-users`;
  });
  afterAll(() => api.close());

  it('upserts users, registers their property names and finds them by id and keyId', async () => {
    const res = await api.put(base, {
      keyId: 'u-1',
      name: 'Ann',
      customizedProperties: [{ name: 'plan', value: 'pro' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ keyId: 'u-1', name: 'Ann', envId });
    const again = await api.put(base, { keyId: 'u-1', name: 'Ann B' });
    expect(again.body.data.id).toBe(res.body.data.id);
    expect((await api.get(`${base}/${res.body.data.id}`)).body.data.name).toBe('Ann B');
    expect((await api.get(`${base}/${randomUUID()}`)).status).toBe(404);
    expect((await api.post(`${base}/by-keyIds`, ['u-1', 'nobody'])).body.data).toHaveLength(1);
    expect((await api.post(`${base}/by-keyIds`, { not: 'array' })).status).toBe(400);
    const props = (await api.get(`/api/v1/envs/${envId}/end-user-properties`)).body.data.map(
      (p: { name: string }) => p.name,
    );
    expect(props).toEqual(expect.arrayContaining(['keyId', 'name', 'plan']));
    expect((await api.put(base, { keyId: '' })).body.errors).toEqual(['keyId_is_required']);
  });

  it('pages with cursors and searches keyId or name', async () => {
    for (let i = 0; i < 5; i++) await api.put(base, { keyId: `page-${i}`, name: `Pager ${i}` });
    const first = await api.post(`${base}/list`, { searchText: 'page', pageSize: 2 });
    expect(first.body.data.items).toHaveLength(2);
    expect(first.body.data.nextCursor).not.toBeNull();
    const second = await api.post(`${base}/list`, {
      searchText: 'page',
      pageSize: 2,
      cursor: first.body.data.nextCursor,
    });
    expect(second.body.data.items).toHaveLength(2);
    const seen = [...first.body.data.items, ...second.body.data.items].map((u: { keyId: string }) => u.keyId);
    expect(new Set(seen).size).toBe(4);
    expect((await api.post(`${base}/list`, { pageSize: 1000 })).status).toBe(400);
  });

  it('evaluates every flag for a user and lists the segments the user is in', async () => {
    const user = (
      await api.put(base, { keyId: 'vip-user', customizedProperties: [{ name: 'tier', value: 'gold' }] })
    ).body.data;
    const segment = (await api.post(`/api/v1/envs/${envId}/segments`, { name: 'Gold', key: 'gold' })).body
      .data;
    await api.put(`/api/v1/envs/${envId}/segments/${segment.id}/targeting`, {
      included: [],
      excluded: [],
      rules: [{ name: 'gold tier', conditions: [{ property: 'tier', op: 'Equal', value: 'gold' }] }],
    });
    await api.post(`/api/v1/envs/${envId}/feature-flags`, boolFlag('eu-flag', { isEnabled: true }));
    const flags = await api.get(`${base}/${user.id}/flags`);
    expect(flags.body.data).toEqual([
      expect.objectContaining({
        key: 'eu-flag',
        matchReason: 'default',
        matchVariation: expect.objectContaining({ value: 'true' }),
      }),
    ]);
    const segments = await api.get(`${base}/${user.id}/segments`);
    expect(segments.body.data).toEqual([expect.objectContaining({ id: segment.id, key: 'gold' })]);
    const other = (await api.put(base, { keyId: 'plain-user' })).body.data;
    expect((await api.get(`${base}/${other.id}/segments`)).body.data).toEqual([]);
  });

  it('keeps a property catalogue with presets; built-ins are immutable', async () => {
    const props = `/api/v1/envs/${envId}/end-user-properties`;
    const id = randomUUID();
    const created = await api.put(`${props}/${id}/upsert`, {
      name: 'country',
      presetValues: [{ value: 'DE', description: 'Germany' }],
      usePresetValuesOnly: true,
    });
    expect(created.body.data).toMatchObject({
      id,
      name: 'country',
      usePresetValuesOnly: true,
      isBuiltIn: false,
    });
    const keyId = (await api.get(props)).body.data.find((p: { name: string }) => p.name === 'keyId');
    const builtIn = await api.put(`${props}/${keyId.id}/upsert`, { name: 'keyId2' });
    expect(builtIn.status).toBe(422);
    expect(builtIn.body.errors).toEqual(['CannotModifyBuiltInProperty']);
    expect((await api.delete(`${props}/${keyId.id}`)).body.errors).toEqual(['CannotModifyBuiltInProperty']);
    expect((await api.delete(`${props}/${id}`)).status).toBe(200);
    expect((await api.put(`${props}/${id}/upsert`, { name: 'x', unknown: true })).body.errors).toEqual([
      'unknown_is_not_allowed',
    ]);
  });

  it('imports a large JSON file in streamed batches, skipping invalid users, and exports it again', async () => {
    const users = Array.from({ length: 3000 }, (_, i) => ({
      keyId: `imp-${i}`,
      name: `Imported ${i}`,
      customizedProperties: [{ name: 'cohort', value: String(i % 7) }],
    }));
    users.push({ keyId: '', name: 'bad', customizedProperties: [] });
    const file = JSON.stringify({ users, userProperties: ['region'] });
    const { payload, headers } = multipartFile(file);
    const res = await api.request('POST', `${base}/upload`, { payload, headers });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ totalCount: 3001, writtenCount: 3000, skippedCount: 1 });
    expect(res.body.data.newProperties.sort()).toEqual(['cohort', 'region']);
    expect(res.body.data.errors[0]).toMatch(/^users\[3000\]: keyId/);
    expect(await api.store.endUsers.count(envId, 'imp-')).toBe(3000);

    const exported = await api.request('POST', `${base}/download`, { body: { searchText: 'imp-1' } });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const parsed = JSON.parse(exported.raw);
    expect(parsed.users.length).toBe(await api.store.endUsers.count(envId, 'imp-1'));
    expect(parsed.users[0]).toEqual({
      keyId: expect.stringMatching(/^imp-1/),
      name: expect.any(String),
      customizedProperties: [{ name: 'cohort', value: expect.any(String) }],
    });
    expect(parsed.userProperties).toEqual(expect.arrayContaining(['plan', 'cohort', 'region']));
  });

  it('refuses broken and oversized import files', async () => {
    const broken = multipartFile('{"users":[{"keyId":"ok-1"},{"keyId":');
    const res = await api.request('POST', `${base}/upload`, broken);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(['InvalidJson']);
    const notMultipart = await api.post(`${base}/upload`, { users: [] });
    expect(notMultipart.status).toBe(400);
    const huge = multipartFile(
      JSON.stringify({ users: [{ keyId: 'x', name: 'y'.repeat(3 * 1024 * 1024) }] }),
    );
    const tooBig = await api.request('POST', `${base}/upload`, huge);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors).toEqual(['PayloadTooLarge']);
    expect(await api.store.endUsers.count(envId, 'x')).toBe(0);
  });
});
