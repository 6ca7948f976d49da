jest.setTimeout(300_000);
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';
import { refusedWithoutWrites } from './support/refused-without-writes';
import { type Route, type Schema, resolveSchema, routesOf } from './support/write-routes';

// Input that used to reach service code or the database and came back as 500: nesting deep enough
// to overflow recursive code, strings PostgreSQL cannot store (NUL, unpaired surrogates), arrays
// where objects are expected, timestamps out of range. Every route must refuse them with 400 in
// FeatBit's envelope, naming the field, and write nothing.

interface Problem {
  field: string;
}

describe('hostile input on every management route (e2e, in-process)', () => {
  let api: ApiApp;
  let envId: string;
  let routes: Route[];
  let writes: (Route & { schema: Schema })[];

  const resolve = (schema: Schema) => resolveSchema(api.openApi, schema);
  const names = (res: { body: { details?: Problem[] } | null }) =>
    (res.body?.details ?? []).map((d) => d.field);

  async function fingerprint(): Promise<string> {
    const flags = await api.store.flags.listAll(envId);
    const users = await api.store.endUsers.count(envId);
    const audit = await api.store.auditLogs.list({
      organizationId: api.organizationId,
      pageIndex: 0,
      pageSize: 1,
    });
    return JSON.stringify({ flags: flags.map((f) => f.revision), users, audit: audit.totalCount });
  }

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    const project = await api.defaultProject();
    envId = project.environments.find((e) => e.key === 'dev')!.id;
    await api.post(`/api/v1/envs/${envId}/feature-flags`, boolFlag('hostile-flag'));
    const segment = (await api.post(`/api/v1/envs/${envId}/segments`, { name: 'Hostile', key: 'hostile' }))
      .body.data;
    const profile = (await api.get('/api/v1/user/profile')).body.data;
    const group = (await api.post('/api/v1/groups', { name: 'Hostile' })).body.data;
    const policy = (await api.post('/api/v1/policies', { name: 'Hostile', key: 'hostile' })).body.data;
    const token = (await api.post('/api/v1/access-tokens', { name: 'hostile', type: 'Personal' })).body.data;
    const user = (await api.put(`/api/v1/envs/${envId}/end-users`, { keyId: 'hostile' })).body.data;
    const property = (await api.get(`/api/v1/envs/${envId}/end-user-properties`)).body.data[0];
    const dev = project.environments.find((e) => e.key === 'dev')!;
    routes = routesOf(api.openApi, {
      envId,
      projectId: project.id,
      key: 'hostile-flag',
      segmentId: segment.id,
      secretId: dev.secrets[0].id,
      id: api.organizationId,
      targetEnvId: project.environments.find((e) => e.key === 'prod')!.id,
      status: 'true',
      memberId: profile.id,
      groupId: group.id,
      policyId: policy.id,
      tokenId: token.id,
      userId: user.id,
      propertyId: property.id,
    });
    writes = routes.filter(
      (r): r is Route & { schema: Schema } =>
        r.schema !== undefined && r.method !== 'GET' && !r.path.includes('/identity/'),
    );
  });
  afterAll(() => api.close());

  it('refuses JSON nested deeper than the limit on every write route, naming the limit', async () => {
    const deep = `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    await refusedWithoutWrites(fingerprint, async (wrong) => {
      for (const route of writes) {
        const res = await api.request(route.method, route.path, { payload: deep });
        if (res.status !== 400 || res.body?.errors[0] !== 'InvalidJson' || !res.body.message?.includes('64'))
          wrong.push(`${route.method} ${route.path} → ${res.status} ${res.raw.slice(0, 120)}`);
      }
    });
  });

  it('refuses NUL characters and unpaired surrogates in every string property, naming it', async () => {
    let cases = 0;
    await refusedWithoutWrites(fingerprint, async (wrong) => {
      for (const route of writes) {
        const schema = resolve(route.schema);
        for (const [name, prop] of Object.entries(schema.properties ?? {})) {
          if (resolve(prop).type !== 'string') continue;
          for (const bad of ['a\u0000b', 'a\ud800b', '\udc00']) {
            cases++;
            const res = await api.request(route.method, route.path, { body: { [name]: bad } });
            if (
              res.status !== 400 ||
              !names(res).includes(name) ||
              !res.body.errors.includes(`${name}_is_invalid`)
            )
              wrong.push(
                `${route.method} ${route.path} ${name}=${JSON.stringify(bad)} → ${res.status} ${res.raw.slice(0, 160)}`,
              );
          }
        }
      }
    });
    expect(cases).toBeGreaterThan(100);
  });

  it('refuses unstorable text nested in a body, in object keys, in queries and in path parameters', async () => {
    const before = await fingerprint();
    const flag = { ...boolFlag('nul-flag'), variations: [{ id: 'a', name: 'On', value: 'tr\u0000ue' }] };
    const nested = await api.post(`/api/v1/envs/${envId}/feature-flags`, flag);
    expect([nested.status, names(nested)]).toEqual([400, ['variations[0].value']]);

    const key = await api.put(`/api/v1/envs/${envId}/end-users`, {
      keyId: 'u1',
      customizedProperties: [{ name: 'pl\u0000an', value: 'x' }],
    });
    expect([key.status, names(key)]).toEqual([400, ['customizedProperties[0].name']]);

    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && r.query.length > 0)) {
      for (const q of route.query) {
        const res = await api.get(`${route.path}?${q}=a%00b`);
        if (res.status !== 400 || !names(res).includes(q))
          wrong.push(`GET ${route.path}?${q} → ${res.status} ${res.raw.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);

    const param = await api.get(`/api/v1/envs/${envId}/feature-flags/ab%00c`);
    expect([param.status, names(param)]).toEqual([400, ['key']]);
    const exported = await api.post(`/api/v1/envs/${envId}/end-users/download`, { searchText: 'a\u0000' });
    expect([exported.status, names(exported)]).toEqual([400, ['searchText']]);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses arrays where objects are expected, naming the field', async () => {
    let cases = 0;
    await refusedWithoutWrites(fingerprint, async (wrong) => {
      for (const route of writes) {
        const schema = resolve(route.schema);
        for (const [name, prop] of Object.entries(schema.properties ?? {})) {
          const s = resolve(prop);
          const items = s.items ? resolve(s.items) : undefined;
          let body: unknown;
          let field: string;
          if (s.type === 'object' || (s.properties && !s.type)) [body, field] = [[], name];
          else if (s.type === 'array' && items && (items.type === 'object' || items.properties))
            [body, field] = [[[]], `${name}[0]`];
          else continue;
          cases++;
          const res = await api.request(route.method, route.path, { body: { [name]: body } });
          // An element is named by its index where the DTO validates it as an object, else by the array.
          if (res.status !== 400 || !names(res).some((f) => f === field || f === name))
            wrong.push(
              `${route.method} ${route.path} ${field} array → ${res.status} ${res.raw.slice(0, 160)}`,
            );
        }
      }
    });
    expect(cases).toBeGreaterThan(10);
  });

  it('refuses out-of-range audit-log timestamps with 400', async () => {
    for (const base of [`/api/v1/envs/${envId}/audit-logs`, '/api/v1/audit-logs']) {
      for (const [name, value] of [
        ['from', '99999999999999999'],
        ['to', '99999999999999999'],
        ['from', '+275760-09-13T00:00:00.000Z'],
        ['from', '0000-01-01T00:00:00Z'],
      ]) {
        const res = await api.get(`${base}?${name}=${encodeURIComponent(value)}`);
        expect({ base, value, status: res.status, fields: [...new Set(names(res))] }).toEqual({
          base,
          value,
          status: 400,
          fields: [name],
        });
      }
    }
    expect((await api.get(`/api/v1/envs/${envId}/audit-logs?from=0&to=${Date.now()}`)).status).toBe(200);
  });

  it('refuses a null name and a malformed multipart form with 400 (found by schemathesis)', async () => {
    const nullName = await api.put('/api/v1/organizations', { name: null });
    expect([nullName.status, names(nullName)]).toEqual([400, ['name']]);
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=abc']) {
      const upload = await api.request('POST', `/api/v1/envs/${envId}/end-users/upload`, {
        payload: '--abc\r\ngarbage',
        headers: { 'content-type': contentType },
      });
      expect({ contentType, status: upload.status }).toEqual({ contentType, status: 400 });
    }
  });

  it('accepts an empty JSON body on routes that take no required fields', async () => {
    const res = await api.request('PUT', `/api/v1/envs/${envId}/feature-flags/hostile-flag/toggle/false`, {
      payload: '',
      headers: { 'content-type': 'application/json' },
    });
    expect([res.status, res.body?.success]).toEqual([200, true]);
    const required = await api.request('POST', `/api/v1/envs/${envId}/segments`, {
      payload: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(required.status).toBe(400);
    expect(names(required)).toEqual(expect.arrayContaining(['name', 'key']));
  });
});
