jest.setTimeout(120_000);
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { AccessRule } from '../../../src/api/auth/access.decorators';
import { ACCESS_RULE } from '../../../src/shared/http/route-access';
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';

// Walks every route the product registers. Anonymous: everything except login, refresh, SSO, trigger runs,
// health, metrics and the SDK-facing prefixes answers 401. With a Service token whose only statement denies
// everything, every management route answers 403, except the reviewed self-service/filtered list below.

const ANONYMOUS_OK = [
  /^POST \/api\/v1\/identity\/login-by-email$/,
  /^POST \/api\/v1\/identity\/refresh-token$/,
  /^POST \/api\/v1\/triggers\/run\/:token$/,
  // Single sign-on: what the login page needs before anyone is signed in (docs/security.md#single-sign-on).
  /^GET \/api\/v1\/sso\/(pre-check|oidc-authorize-url)$/,
  /^POST \/api\/v1\/sso\/oidc\/login$/,
  /^GET \/health\//,
  // Prometheus scrapes, open like health unless METRICS_TOKEN is set (docs/observability.md).
  /^GET \/metrics$/,
  /^(GET|POST) \/api\/public\//,
  /^(GET|POST) \/ofrep\//,
  /^GET \/streaming/,
];

/** Routes any authenticated caller may use; their answers are filtered or about the caller. */
const AUTHENTICATED_ONLY = new Set([
  'GET /api/v1/workspaces',
  'GET /api/v1/organizations',
  'GET /api/v1/organizations/members',
  'GET /api/v1/organizations/:id',
  'GET /api/v1/projects',
]);

/**
 * Spellings of one path that a router may match as the same route: a percent-encoded character in
 * each segment, case changes, doubled and trailing slashes, and dot segments.
 */
function pathVariants(path: string): string[] {
  const segments = path.split('/').slice(1);
  const encodeFirst = (segment: string) =>
    segment.replace(/[A-Za-z0-9]/, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const variants = segments.map(
    (_, i) => '/' + segments.map((s, j) => (i === j ? encodeFirst(s) : s)).join('/'),
  );
  variants.push(
    path.toUpperCase(),
    path.replace('/api/v1', '/API/V1'),
    path.replace('/api/', '//api/'),
    path.replace('/api/v1/', '/api//v1/'),
    path + '/',
    path.replace('/api/v1/', '/api/./v1/'),
    path.replace('/api/v1/', '/api/x/../v1/'),
    path.replace('/api/v1/', '/api/v%31/'),
    path.replace('/api/v1/', '/api%2Fv1/'),
    path.replace('/api/v1/', '/%61pi/v1/'),
  );
  return [...new Set(variants)].filter((v) => v !== path);
}

interface Route {
  method: string;
  url: string;
}

function discoverAccessRules(api: ApiApp): Map<string, AccessRule | undefined> {
  const discovery = new DiscoveryService(api.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = api.app.get(Reflector);
  const rules = new Map<string, AccessRule | undefined>();
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const url = ('/' + [base, path].filter((p) => p && p !== '/').join('/'))
        .replace(/\/+/g, '/')
        .replace(/\/$/, '');
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
        handler,
        wrapper.metatype,
      ]);
      rules.set(`${RequestMethod[method]} ${url}`, rule);
    }
  }
  return rules;
}

function describeRule(rule: AccessRule | undefined): string {
  if (!rule) return 'refused (no declaration)';
  if (rule.kind === 'public') return 'anyone';
  const who = rule.sessionOnly ? 'signed-in user (no access token)' : 'signed-in user or access token';
  if (rule.kind === 'authenticated') {
    return rule.scope === 'none' ? who : `${who}, member of the ${rule.scope}`;
  }
  const actions = Array.isArray(rule.action) ? rule.action.join(' or ') : rule.action;
  return `${who}, member of the organization, allowed \`${actions}\``;
}

function renderRouteTable(rules: Map<string, AccessRule | undefined>): string {
  const rows = [...rules]
    .sort(([a], [b]) => a.split(' ')[1].localeCompare(b.split(' ')[1]) || a.localeCompare(b))
    .map(([key, rule]) => `| \`${key}\` | ${describeRule(rule)} |`);
  return [
    '# What each management route requires',
    '',
    'Generated from the access declarations on the routes by `test/e2e/api/route-walk.e2e-spec.ts`',
    '(`UPDATE_SECURITY_DOC=1` rewrites it; the test fails when it drifts). SDK routes are listed in',
    '[security.md](security.md). The permission is checked against the resource the route names',
    "(project, environment, flag, segment …) with the caller's effective policy statements.",
    '',
    '| Route | Who may call it |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n');
}

describe('route walk: authentication and IAM on every registered route', () => {
  let api: ApiApp;
  let routes: Route[];
  let params: Record<string, string>;
  let denyToken: string;

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    const project = await api.defaultProject();
    const dev = project.environments.find((e) => e.key === 'dev')!;
    const prod = project.environments.find((e) => e.key === 'prod')!;
    await api.post(`/api/v1/envs/${dev.id}/feature-flags`, boolFlag('walk-flag'));
    const segment = (await api.post(`/api/v1/envs/${dev.id}/segments`, { name: 'Walk', key: 'walk' })).body
      .data;
    const group = (await api.post('/api/v1/groups', { name: 'Walkers' })).body.data;
    const policy = (await api.post('/api/v1/policies', { name: 'Walk', key: 'walk' })).body.data;
    const profile = (await api.get('/api/v1/user/profile')).body.data;
    const user = (await api.put(`/api/v1/envs/${dev.id}/end-users`, { keyId: 'walker', name: 'W' })).body
      .data;
    const properties = (await api.get(`/api/v1/envs/${dev.id}/end-user-properties`)).body.data ?? [];
    const token = await api.post('/api/v1/access-tokens', {
      name: 'deny-all',
      type: 'Service',
      permissions: [{ resourceType: '*', effect: 'deny', actions: ['*'], resources: ['*'] }],
    });
    expect(token.status).toBe(200);
    denyToken = token.body.data.token;
    params = {
      envId: dev.id,
      projectId: project.id,
      key: 'walk-flag',
      segmentId: segment.id,
      secretId: dev.secrets[0].id,
      id: api.organizationId,
      targetEnvId: prod.id,
      status: 'true',
      memberId: profile.id,
      groupId: group.id,
      policyId: policy.id,
      tokenId: token.body.data.id,
      userId: user?.id ?? '00000000-0000-4000-8000-000000000001',
      propertyId: properties[0]?.id ?? '00000000-0000-4000-8000-000000000001',
      experimentId: '00000000-0000-4000-8000-000000000002',
      rpId: '00000000-0000-4000-8000-000000000003',
      agentId: 'walk-agent',
    };
    routes = api.routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
  });
  afterAll(() => api.close());

  function fill(url: string): string {
    return url.replace(/:(\w+)/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`route-walk: no value for route parameter :${name} in ${url}`);
      return params[name];
    });
  }

  it('registers a sizeable management API', () => {
    expect(routes.filter((r) => r.url.startsWith('/api/v1/')).length).toBeGreaterThan(100);
  });

  it('declares access on every route (deny by default otherwise)', () => {
    const rules = discoverAccessRules(api);
    const missing = routes
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !rules.get(key));
    expect(missing).toEqual([]);
    // Every Nest route, management or not (health), carries its own declaration.
    const undeclared = [...rules].filter(([, rule]) => !rule).map(([key]) => key);
    expect(undeclared).toEqual([]);
    expect([...rules.keys()].filter((key) => key.startsWith('GET /health/'))).toHaveLength(2);
    const authenticatedOnly = [...rules]
      .filter(([, rule]) => rule?.kind === 'authenticated' && !rule.sessionOnly)
      .map(([key]) => key)
      .sort();
    expect(authenticatedOnly).toEqual([...AUTHENTICATED_ONLY].sort());
  });

  it('answers 401 anonymously everywhere except login, refresh, health and SDK routes', async () => {
    const reachable: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      if (ANONYMOUS_OK.some((re) => re.test(key))) continue;
      const res = await api.request(route.method, fill(route.url), { token: null, body: {} });
      if (res.status !== 401) reachable.push(`${key} → ${res.status}`);
      else expect(res.body).toMatchObject({ success: false, errors: ['Unauthorized'] });
    }
    expect(reachable).toEqual([]);
  });

  it('answers 401 anonymously to encoded, case-changed, slashed and dot-segment variants of every path', async () => {
    const reachable: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      if (ANONYMOUS_OK.some((re) => re.test(key))) continue;
      for (const url of pathVariants(fill(route.url))) {
        sent += 1;
        const res = await api.request(route.method, url, {
          token: null,
          body: {},
          headers: { origin: 'https://evil.example' },
        });
        // 404 means the router matched nothing; anything else than 401 means the handler side was reached.
        if (res.status !== 401 && res.status !== 404)
          reachable.push(`${route.method} ${url} → ${res.status}`);
        if (res.headers['access-control-allow-origin'] === '*')
          reachable.push(`${route.method} ${url} → CORS *`);
      }
    }
    expect(reachable).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 5);
  });

  it('sends security headers on management, SDK and health answers', async () => {
    const missing: string[] = [];
    const sample = routes.filter((r) => r.method === 'GET').slice(0, 40);
    for (const route of sample) {
      const res = await api.request('GET', fill(route.url), { token: null });
      const h = res.headers;
      const csp = String(h['content-security-policy'] ?? '');
      if (h['x-content-type-options'] !== 'nosniff') missing.push(`${route.url}: nosniff`);
      if (h['x-frame-options'] !== 'DENY') missing.push(`${route.url}: x-frame-options`);
      if (h['referrer-policy'] !== 'no-referrer') missing.push(`${route.url}: referrer-policy`);
      if (!csp.includes("frame-ancestors 'none'") || !csp.includes("script-src 'self'"))
        missing.push(`${route.url}: csp ${csp}`);
    }
    expect(sample.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('answers 403 to a token whose policy denies everything', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.url.startsWith('/api/v1/'))) {
      const key = `${route.method} ${route.url}`;
      if (ANONYMOUS_OK.some((re) => re.test(key))) continue;
      const res = await api.request(route.method, fill(route.url), { token: denyToken, body: {} });
      const expected = AUTHENTICATED_ONLY.has(key) ? 200 : 403;
      if (res.status !== expected) wrong.push(`${key} → ${res.status} ${res.body?.message ?? ''}`);
    }
    expect(wrong).toEqual([]);
    // The filtered list shows nothing to a token that may access nothing.
    expect((await api.get('/api/v1/projects', { token: denyToken })).body.data).toEqual([]);
  });

  it('keeps docs/security-routes.md in step with what every route requires', () => {
    const file = join(__dirname, '../../../docs/security-routes.md');
    const expected = renderRouteTable(discoverAccessRules(api));
    // UPDATE_SECURITY_DOC=1 rewrites the file; otherwise a drift fails the test.
    if (process.env.UPDATE_SECURITY_DOC === '1') writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('documents every management route in OpenAPI with a unique, meaningful operation id', () => {
    const documented = new Set<string>();
    const ids: string[] = [];
    for (const [path, item] of Object.entries(api.openApi.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, { operationId?: string }>)) {
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
        if (op.operationId) ids.push(op.operationId);
      }
    }
    const undocumented = routes
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !documented.has(key));
    expect(undocumented).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.includes('Controller_'))).toEqual([]);
  });
});
