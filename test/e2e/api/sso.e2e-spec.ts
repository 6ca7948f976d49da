jest.setTimeout(90_000);
import { DEVELOPER_POLICY_ID } from '../../../src/core/iam/built-in-policies';
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OidcTestProvider } from '../support/oidc-test-provider';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ApiApp } from './support/api-app';

// Single sign-on end to end: the in-process product, a real OpenID Provider (oidc-provider) on
// 127.0.0.1, and the browser's part (redirects, cookies, the provider's login form) played with fetch.

const REDIRECT_URI = 'http://127.0.0.1:4200/login/sso-callback';

/** The provider's cookies, as a browser would keep them. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

interface Callback {
  code: string;
  state: string;
  iss: string | null;
  attemptCookie: string;
}

describe('single sign-on with OpenID Connect (e2e, in-process + oidc-provider)', () => {
  let api: ApiApp;
  let provider: OidcTestProvider;

  beforeAll(async () => {
    provider = await OidcTestProvider.start([REDIRECT_URI]);
    api = await ApiApp.start();
    await api.loginAsAdmin();
  });
  afterAll(async () => {
    await api?.close();
    await provider?.stop();
  });

  const anonymous = () => api.fork();

  /** authorize → provider login page → callback: what the console's callback page receives. */
  async function throughProvider(account: string): Promise<Callback> {
    const start = await anonymous().get(
      `/api/v1/sso/oidc-authorize-url?redirect_uri=${encodeURIComponent(REDIRECT_URI)}&workspace_key=default`,
    );
    expect(start.status).toBe(302);
    const attempt = start.cookies.find((c) => c.name === 'sso-oidc')!;
    expect(attempt).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/sso' });
    const authorize = new URL(String(start.headers.location));
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const jar = new CookieJar();
    let url = authorize.href;
    for (let hop = 0; hop < 10; hop++) {
      const target = new URL(url, provider.issuer);
      if (target.href.startsWith(REDIRECT_URI)) {
        return {
          code: target.searchParams.get('code')!,
          state: target.searchParams.get('state')!,
          iss: target.searchParams.get('iss'),
          attemptCookie: attempt.value,
        };
      }
      let res = await fetch(target, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.store(res);
      if (res.status === 200 && target.pathname.startsWith('/interaction/')) {
        expect(await res.text()).toContain('Test identity provider');
        res = await fetch(`${target.href}/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ login: account }).toString(),
        });
        jar.store(res);
      }
      if (res.status < 300 || res.status >= 400)
        throw new Error(`provider answered ${res.status}: ${await res.text()}`);
      url = res.headers.get('location')!;
    }
    throw new Error('too many redirects');
  }

  function finish(cb: Callback, patch: Record<string, unknown> = {}, cookie = cb.attemptCookie) {
    return anonymous().post(
      '/api/v1/sso/oidc/login',
      {
        code: cb.code,
        redirectUri: REDIRECT_URI,
        workspaceKey: 'default',
        state: cb.state,
        ...(cb.iss ? { iss: cb.iss } : {}),
        ...patch,
      },
      { cookies: cookie ? { 'sso-oidc': cookie } : {} },
    );
  }

  async function memberByEmail(email: string) {
    const list = await api.get(`/api/v1/members?searchText=${encodeURIComponent(email)}`);
    return (list.body.data.items as { id: string; email: string; name: string }[]).find(
      (m) => m.email === email,
    );
  }

  it('is off until configured', async () => {
    const pre = await anonymous().get('/api/v1/sso/pre-check');
    expect(pre.body.data).toEqual({
      isEnabled: false,
      workspaceKey: 'default',
      passwordLoginDisabled: false,
    });
    const start = await anonymous().get(
      `/api/v1/sso/oidc-authorize-url?redirect_uri=${encodeURIComponent(REDIRECT_URI)}&workspace_key=default`,
    );
    expect(start.status).toBe(400);
    expect(start.body.message).toContain('not configured');
    const settings = await api.get('/api/v1/workspaces/sso-oidc');
    expect(settings.body.data).toMatchObject({ issuer: '', clientSecretSet: false, userEmailClaim: 'email' });
  });

  it('stores the settings (owner/admin only), the secret write-only, and names bad fields', async () => {
    const bad = await api.put('/api/v1/workspaces/sso-oidc', {
      issuer: 'not-a-url',
      clientId: OIDC_CLIENT_ID,
      clientAuthenticationMethod: 'client_secret_basic',
      userEmailClaim: 'e mail',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details!.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['issuer', 'clientSecret', 'userEmailClaim']),
    );

    const saved = await api.put('/api/v1/workspaces/sso-oidc', {
      issuer: provider.issuer,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      clientAuthenticationMethod: 'client_secret_basic',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({
      issuer: provider.issuer,
      clientSecretSet: true,
      scope: 'openid profile email',
      userEmailClaim: 'email',
      userNameClaim: 'name',
      passwordLoginDisabled: false,
    });
    expect(saved.raw).not.toContain(OIDC_CLIENT_SECRET);
    const read = await api.get('/api/v1/workspaces/sso-oidc');
    expect(read.raw).not.toContain(OIDC_CLIENT_SECRET);
    expect(read.body.data.clientSecretSet).toBe(true);
    // Audited in the organization the change was made from, without the secret.
    const audit = await api.get('/api/v1/audit-logs?refType=Workspace&pageSize=10');
    expect(audit.status).toBe(200);
    expect(audit.body.data.items[0]).toMatchObject({ refType: 'Workspace', operation: 'Update' });
    expect(audit.raw).toContain(provider.issuer);
    expect(audit.raw).not.toContain(OIDC_CLIENT_SECRET);

    const pre = await anonymous().get('/api/v1/sso/pre-check');
    expect(pre.body.data).toMatchObject({ isEnabled: true, workspaceKey: 'default' });
  });

  it('first sign-in creates the member with the default permissions; the second reuses it', async () => {
    const first = await finish(await throughProvider('ada'));
    expect(first.status).toBe(200);
    expect(first.body.data.isSsoFirstLogin).toBe(true);
    expect(first.cookies.find((c) => c.name === 'refresh-token')).toMatchObject({ httpOnly: true });
    expect(first.cookies.find((c) => c.name === 'sso-oidc')?.value).toBe('');

    const member = (await memberByEmail('ada@sso.example'))!;
    expect(member).toMatchObject({ name: 'Ada Lovelace' });
    const policies = await api.get(`/api/v1/members/${member.id}/direct-policies`);
    expect(policies.body.data.items.map((p: { id: string }) => p.id)).toEqual([DEVELOPER_POLICY_ID]);
    const account = await api.store.users.findByEmail('ada@sso.example');
    expect(account).toMatchObject({ origin: 'Sso', passwordHash: '' });
    // Audited like other member additions.
    const audit = await api.get('/api/v1/audit-logs?pageSize=50');
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body.data)).toContain('ada@sso.example');

    // The session works like a password one.
    const session = anonymous();
    session.token = first.body.data.token;
    const profile = await session.get('/api/v1/user/profile');
    expect(profile.body.data).toMatchObject({ email: 'ada@sso.example', origin: 'Sso' });

    const second = await finish(await throughProvider('ada'));
    expect(second.status).toBe(200);
    expect(second.body.data.isSsoFirstLogin).toBe(false);
    const members = await api.get('/api/v1/members?searchText=ada%40sso.example');
    expect(members.body.data.totalCount).toBe(1);
  });

  it('refuses a tampered state, a foreign attempt cookie and a replayed code', async () => {
    const cb = await throughProvider('ada');
    const tampered = await finish(cb, { state: `${cb.state}x` });
    expect(tampered.status).toBe(422);
    expect(tampered.body.errors).toEqual(['SsoLoginFailed']);

    // A forged (or missing) attempt cookie: no verifier, no nonce.
    const fresh = await throughProvider('ada');
    expect((await finish(fresh, {}, 'forged-value')).status).toBe(401);
    expect((await finish(fresh, {}, '')).status).toBe(401);

    // The attempt of another sign-in (its nonce and verifier) does not fit this code.
    const other = await throughProvider('ada');
    const mixed = await finish({ ...other, attemptCookie: (await throughProvider('ada')).attemptCookie });
    expect(mixed.status).toBe(422);

    // A code is used once.
    const once = await throughProvider('ada');
    expect((await finish(once)).status).toBe(200);
    expect((await finish(once)).status).toBe(422);
  });

  it('refuses an identity without an e-mail or with an unverified one', async () => {
    const none = await finish(await throughProvider('noemail'));
    expect(none.status).toBe(422);
    expect(none.body.message).toContain('claim "email"');
    const unverified = await finish(await throughProvider('unverified'));
    expect(unverified.status).toBe(422);
    expect(unverified.body.message).toContain('not verified');
    expect(await api.store.users.findByEmail('unverified@sso.example')).toBeNull();
  });

  it('refuses password sign-in while disabled, except the first-boot admin (break-glass)', async () => {
    const added = await api.post('/api/v1/members/add', { email: 'local@example.com' });
    const password = added.body.data?.initialPassword as string;
    expect(password).toBeTruthy();
    const ok = await anonymous().post('/api/v1/identity/login-by-email', {
      email: 'local@example.com',
      password,
    });
    expect(ok.status).toBe(200);
    // A Developer (the default policy) may not change the settings.
    const developer = anonymous();
    developer.token = ok.body.data.token;
    developer.workspaceId = api.workspaceId;
    developer.organizationId = api.organizationId;
    const forbidden = await developer.put('/api/v1/workspaces/sso-oidc', {
      issuer: provider.issuer,
      clientId: OIDC_CLIENT_ID,
      clientAuthenticationMethod: 'none',
    });
    expect(forbidden.status).toBe(403);

    const on = await api.put('/api/v1/workspaces/sso-oidc', {
      issuer: provider.issuer,
      clientId: OIDC_CLIENT_ID,
      clientAuthenticationMethod: 'client_secret_basic',
      passwordLoginDisabled: true,
    });
    expect(on.status).toBe(200);
    expect(on.body.data).toMatchObject({ clientSecretSet: true, passwordLoginDisabled: true });
    expect((await anonymous().get('/api/v1/sso/pre-check')).body.data.passwordLoginDisabled).toBe(true);

    const refused = await anonymous().post('/api/v1/identity/login-by-email', {
      email: 'local@example.com',
      password,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual(['PasswordLoginDisabled']);
    expect(refused.body.message).toContain('single sign-on');

    const admin = await anonymous().post('/api/v1/identity/login-by-email', {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    });
    expect(admin.status).toBe(200);
    // SSO still works (the stored secret was kept).
    expect((await finish(await throughProvider('grace'))).status).toBe(200);
  });
});
