jest.setTimeout(300_000);
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';
import { refusedWithoutWrites } from './support/refused-without-writes';

// Fuzz-style bad input for every write route in the OpenAPI document: invalid JSON, an oversized
// body, unknown fields, a wrong type and an over-long string per property. Each must be refused
// with 400/413 and a message, and nothing may be written.

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  maxLength?: number;
  enum?: unknown[];
  nullable?: boolean;
  format?: string;
};

interface WriteRoute {
  method: string;
  path: string;
  schema: Schema;
}

describe('bad input on every write route (e2e, in-process)', () => {
  let api: ApiApp;
  let params: Record<string, string>;
  let envId: string;
  let writes: WriteRoute[];

  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.split('/').pop()!;
    return (api.openApi.components!.schemas as Record<string, Schema>)[name];
  };

  /** A value of the wrong JSON type for a property schema. */
  const wrongType = (schema: Schema): unknown => {
    const s = resolve(schema);
    if (s.type === 'string') return 12345;
    if (s.type === 'boolean') return 'not-a-boolean';
    if (s.type === 'number' || s.type === 'integer') return 'not-a-number';
    if (s.type === 'array') return 'not-an-array';
    return 'not-an-object';
  };

  async function fingerprint(): Promise<string> {
    const store = api.store;
    const audit = await store.auditLogs.list({
      organizationId: api.organizationId,
      pageIndex: 0,
      pageSize: 1,
    });
    const flags = await store.flags.listAll(envId);
    const segments = await store.segments.listAll({
      envId,
      workspaceId: api.workspaceId,
      envResourceName: 'organization/default:project/default:env/dev',
    });
    const users = await store.endUsers.count(envId);
    const props = await store.endUserProperties.list(envId);
    const policies = await store.policies.list(api.organizationId, { pageIndex: 0, pageSize: 1 });
    const groups = await store.groups.list(api.organizationId, { pageIndex: 0, pageSize: 1 });
    const tokens = await store.accessTokens.list(api.organizationId, { pageIndex: 0, pageSize: 1 });
    const projects = await store.projects.listByOrganization(api.organizationId);
    const envs = await store.environments.listAll();
    return JSON.stringify({
      audit: audit.totalCount,
      flags: flags.map((f) => f.revision),
      segments: segments.map((s) => s.updatedAt),
      users,
      props: props.length,
      policies: policies.totalCount,
      groups: groups.totalCount,
      tokens: tokens.totalCount,
      projects: projects.map((p) => p.updatedAt),
      envs: envs.map((e) => e.updatedAt),
      outbox: (await store.outbox.listPending(1000)).length,
    });
  }

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    const project = await api.defaultProject();
    envId = project.environments.find((e) => e.key === 'dev')!.id;
    const prod = project.environments.find((e) => e.key === 'prod')!;
    await api.post(`/api/v1/envs/${envId}/feature-flags`, boolFlag('fuzz-flag'));
    const segment = (await api.post(`/api/v1/envs/${envId}/segments`, { name: 'Fuzz', key: 'fuzz' })).body
      .data;
    const group = (await api.post('/api/v1/groups', { name: 'Fuzzers' })).body.data;
    const policy = (await api.post('/api/v1/policies', { name: 'Fuzz', key: 'fuzz' })).body.data;
    const token = (await api.post('/api/v1/access-tokens', { name: 'fuzz', type: 'Personal' })).body.data;
    const user = (await api.put(`/api/v1/envs/${envId}/end-users`, { keyId: 'fuzzer' })).body.data;
    const property = (await api.get(`/api/v1/envs/${envId}/end-user-properties`)).body.data[0];
    const profile = (await api.get('/api/v1/user/profile')).body.data;
    const relayProxy = (
      await api.post('/api/v1/relay-proxies', {
        name: 'Fuzz relay',
        description: '',
        isAllEnvs: true,
        scopes: [],
        agents: [{ id: 'fuzz-agent', name: 'Fuzz agent', host: 'http://127.0.0.1:1' }],
      })
    ).body.data;
    params = {
      envId,
      projectId: project.id,
      key: 'fuzz-flag',
      segmentId: segment.id,
      secretId: project.environments.find((e) => e.key === 'dev')!.secrets[0].id,
      id: api.organizationId,
      targetEnvId: prod.id,
      status: 'true',
      memberId: profile.id,
      groupId: group.id,
      policyId: policy.id,
      tokenId: token.id,
      userId: user.id,
      propertyId: property.id,
      rpId: relayProxy.id,
      agentId: 'fuzz-agent',
    };
    writes = [];
    for (const [path, item] of Object.entries(api.openApi.paths)) {
      for (const [method, op] of Object.entries(
        item as Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> } }>,
      )) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!schema || !['post', 'put', 'patch', 'delete'].includes(method)) continue;
        if (path.endsWith('/identity/login-by-email') || path.endsWith('/identity/reset-password')) continue; // covered below
        writes.push({
          method: method.toUpperCase(),
          path: path.replace(/\{(\w+)\}/g, (_, n: string) => params[n]),
          schema,
        });
      }
    }
  });
  afterAll(() => api.close());

  it('finds the write routes', () => {
    expect(writes.length).toBeGreaterThan(40);
  });

  it('refuses invalid JSON and oversized bodies on every write route', async () => {
    await refusedWithoutWrites(fingerprint, async (wrong) => {
      const huge = JSON.stringify({ blob: 'x'.repeat(api.config.limits.bodyLimitBytes + 10) });
      for (const route of writes) {
        const bad = await api.request(route.method, route.path, { payload: '{"name": "unterminated' });
        if (bad.status !== 400 || bad.body?.errors?.[0] !== 'InvalidJson' || !bad.body.message)
          wrong.push(`${route.method} ${route.path} invalid JSON → ${bad.status}`);
        const big = await api.request(route.method, route.path, { payload: huge });
        if (big.status !== 413 || big.body?.errors?.[0] !== 'PayloadTooLarge')
          wrong.push(`${route.method} ${route.path} oversized → ${big.status}`);
      }
    });
  });

  it('refuses unknown fields, wrong types and over-long strings with field details', async () => {
    let cases = 0;
    await refusedWithoutWrites(fingerprint, async (wrong) => {
      for (const route of writes) {
        const schema = resolve(route.schema);
        if (schema.type === 'array') {
          cases++;
          const res = await api.request(route.method, route.path, { body: { not: 'an array' } });
          if (res.status !== 400 || !res.body?.message)
            wrong.push(`${route.method} ${route.path} object-for-array → ${res.status}`);
          continue;
        }
        cases++;
        const unknown = await api.request(route.method, route.path, { body: { fuzzExtra: 1 } });
        const unknownOk =
          unknown.status === 400 &&
          unknown.body?.errors.includes('fuzzExtra_is_not_allowed') &&
          unknown.body.details?.some((d: { field: string }) => d.field === 'fuzzExtra');
        if (!unknownOk)
          wrong.push(
            `${route.method} ${route.path} unknown field → ${unknown.status} ${unknown.raw.slice(0, 200)}`,
          );
        const primitive = await api.request(route.method, route.path, { payload: '"just a string"' });
        if (primitive.status !== 400)
          wrong.push(`${route.method} ${route.path} string body → ${primitive.status}`);
        for (const [name, prop] of Object.entries(schema.properties ?? {})) {
          cases++;
          const typed = await api.request(route.method, route.path, { body: { [name]: wrongType(prop) } });
          if (
            typed.status !== 400 ||
            !typed.body?.details?.some(
              (d: { field: string }) =>
                d.field === name || d.field.startsWith(`${name}.`) || d.field.startsWith(`${name}[`),
            )
          ) {
            wrong.push(
              `${route.method} ${route.path} ${name} wrong type → ${typed.status} ${typed.raw.slice(0, 200)}`,
            );
          }
          const s = resolve(prop);
          if (s.type === 'string' && s.maxLength !== undefined && s.maxLength < 100_000) {
            cases++;
            const long = await api.request(route.method, route.path, {
              body: { [name]: 'x'.repeat(s.maxLength + 1) },
            });
            if (
              long.status !== 400 ||
              !long.body?.details?.some((d: { field: string }) => d.field === name)
            ) {
              wrong.push(`${route.method} ${route.path} ${name} too long → ${long.status}`);
            }
          }
        }
      }
    });
    expect(cases).toBeGreaterThan(150);
  });

  it('refuses bad query strings on listings', async () => {
    for (const path of [
      `/api/v1/envs/${envId}/feature-flags?pageIndex=-1`,
      `/api/v1/envs/${envId}/feature-flags?pageSize=abc`,
      `/api/v1/envs/${envId}/feature-flags?pageSize=100000`,
      `/api/v1/envs/${envId}/segments?isArchived=perhaps`,
      `/api/v1/envs/${envId}/audit-logs?refType=Flag`,
      `/api/v1/envs/${envId}/feature-flags?name=${'x'.repeat(500)}`,
      `/api/v1/envs/${envId}/feature-flags?unknownFilter=1`,
    ]) {
      const res = await api.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.message).toEqual(expect.any(String));
    }
  });

  it('refuses bad sign-in and password bodies', async () => {
    for (const body of [
      { email: 42, password: 'x' },
      { email: 'a@b.c', password: 'x'.repeat(300) },
      { email: 'a@b.c', password: 'p', admin: true },
    ]) {
      expect((await api.post('/api/v1/identity/login-by-email', body, { token: null })).status).toBe(400);
    }
    expect(
      (await api.put('/api/v1/identity/reset-password', { currentPassword: [], newPassword: {} })).status,
    ).toBe(400);
  });
});
