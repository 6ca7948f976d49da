jest.setTimeout(60_000);
import { sha256Hex } from '../../../src/api/auth/token-hash';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ApiApp } from './support/api-app';

describe('identity (e2e, in-process)', () => {
  let api: ApiApp;

  beforeAll(async () => {
    api = await ApiApp.start({
      env: { LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3', ACCESS_TOKEN_TTL_SECONDS: '300' },
    });
  });
  afterAll(() => api.close());

  it('signs in, returns a JWT in the envelope and sets the HttpOnly refresh cookie', async () => {
    const res = await api.post('/api/v1/identity/login-by-email', {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, errors: [], data: { isSsoFirstLogin: false } });
    expect(res.body.data.token.split('.')).toHaveLength(3);
    const cookie = res.cookies.find((c) => c.name === 'refresh-token')!;
    expect(cookie).toMatchObject({ path: '/api/v1/identity', httpOnly: true, sameSite: 'Lax' });
    expect(cookie.secure).toBeFalsy();
  });

  it('refuses a wrong password with EmailPasswordMismatch and rate limits the account', async () => {
    const email = 'nobody@example.com';
    for (let i = 0; i < 3; i++) {
      const res = await api.post('/api/v1/identity/login-by-email', { email, password: 'wrong-one' });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual(['EmailPasswordMismatch']);
    }
    const limited = await api.post('/api/v1/identity/login-by-email', { email, password: 'wrong-one' });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('validates the login body with field codes', async () => {
    const res = await api.post('/api/v1/identity/login-by-email', { email: 'not-an-email', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining(['email_is_invalid', 'password_is_required', 'extra_is_not_allowed']),
    );
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'extra' })]));
  });

  it('answers invalid JSON and oversized bodies in the envelope', async () => {
    const bad = await api.request('POST', '/api/v1/identity/login-by-email', { payload: '{"email": ' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ success: false, errors: ['InvalidJson'] });
    const huge = await api.request('POST', '/api/v1/identity/login-by-email', {
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(api.config.limits.bodyLimitBytes) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ success: false, errors: ['PayloadTooLarge'] });
  });

  it('rotates the refresh token and revokes every session when a used one comes back', async () => {
    const login = await api.post('/api/v1/identity/login-by-email', {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    });
    const first = login.cookies.find((c) => c.name === 'refresh-token')!.value;
    const refresh = (value: string) =>
      api.post('/api/v1/identity/refresh-token', undefined, {
        cookies: { 'refresh-token': value },
        token: null,
      });
    const refreshed = await refresh(first);
    expect(refreshed.status).toBe(200);
    const second = refreshed.cookies.find((c) => c.name === 'refresh-token')!.value;
    expect(second).not.toBe(first);

    // A parallel refresh of the same session moments later (another tab) still works.
    expect((await refresh(first)).status).toBe(200);

    // Later, the rotated token coming back means theft: every session of the account ends.
    const stored = (await api.store.refreshTokens.findByHash(sha256Hex(first)))!;
    await api.store.refreshTokens.update({
      ...stored,
      revokedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const reused = await refresh(first);
    expect(reused.status).toBe(401);
    expect(reused.cookies.find((c) => c.name === 'refresh-token')?.value).toBe('');
    expect((await refresh(second)).status).toBe(401);
  });

  it('logs out by revoking the refresh token', async () => {
    const login = await api.post('/api/v1/identity/login-by-email', {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    });
    const cookie = login.cookies.find((c) => c.name === 'refresh-token')!.value;
    const out = await api.post('/api/v1/identity/logout', undefined, {
      token: login.body.data.token,
      cookies: { 'refresh-token': cookie },
    });
    expect(out.status).toBe(200);
    const refreshed = await api.post('/api/v1/identity/refresh-token', undefined, {
      cookies: { 'refresh-token': cookie },
      token: null,
    });
    expect(refreshed.status).toBe(401);
  });

  it('shows and updates the profile, lists workspaces and own policies', async () => {
    await api.loginAsAdmin();
    const profile = await api.get('/api/v1/user/profile');
    expect(profile.body.data).toMatchObject({ email: ADMIN_EMAIL, origin: 'Local' });
    const updated = await api.put('/api/v1/user/profile', { name: 'Root', email: ADMIN_EMAIL });
    expect(updated.body.data.name).toBe('Root');
    const policies = await api.get('/api/v1/user/policies');
    expect(policies.body.data.map((p: { key: string }) => p.key)).toEqual(['owner']);
    const workspaces = await api.get('/api/v1/user/workspaces');
    expect(workspaces.body.data).toHaveLength(1);
  });

  it('changes the password: wrong current password is 422, the new one works', async () => {
    await api.loginAsAdmin();
    const wrong = await api.put('/api/v1/identity/reset-password', {
      currentPassword: 'nope',
      newPassword: 'another-pass-1',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual(['PasswordMismatch']);
    const short = await api.put('/api/v1/identity/reset-password', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'x',
    });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual(['PasswordTooShort']);
    const ok = await api.put('/api/v1/identity/reset-password', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'another-pass-1',
    });
    expect(ok.status).toBe(200);
    await expect(api.loginAs(ADMIN_EMAIL, 'another-pass-1')).resolves.toBe(api);
    await api.put('/api/v1/identity/reset-password', {
      currentPassword: 'another-pass-1',
      newPassword: ADMIN_PASSWORD,
    });
  });

  it('refuses management routes without credentials or with a bad token', async () => {
    expect((await api.get('/api/v1/user/profile', { token: null })).status).toBe(401);
    const bad = await api.get('/api/v1/projects', { token: 'not.a.jwt' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ success: false, errors: ['Unauthorized'] });
    expect((await api.get('/api/v1/projects', { token: 'api-unknown' })).status).toBe(401);
  });
});
