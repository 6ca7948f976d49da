jest.setTimeout(120_000);
import jwt from 'jsonwebtoken';
import { sha256Hex } from '../../../src/api/auth/token-hash';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ApiApp } from './support/api-app';

const JWT_SECRET = 'sessions-e2e-jwt-secret-0123456789abcdef';

/** Revocation takes effect on the very next request made with the old access token. */
describe('console sessions end at once (e2e, in-process)', () => {
  let api: ApiApp;

  beforeAll(async () => {
    api = await ApiApp.start({ env: { JWT_SECRET } });
  });
  afterAll(() => api.close());

  async function signIn(password = ADMIN_PASSWORD): Promise<{ token: string; cookie: string }> {
    const res = await api.post(
      '/api/v1/identity/login-by-email',
      { email: ADMIN_EMAIL, password },
      { token: null },
    );
    expect(res.status).toBe(200);
    return {
      token: res.body.data.token as string,
      cookie: res.cookies.find((c) => c.name === 'refresh-token')!.value,
    };
  }

  const profile = (token: string) => api.get('/api/v1/user/profile', { token });

  it('sign-out ends the access token of that session, not the others', async () => {
    const session = await signIn();
    const other = await signIn();
    expect((await profile(session.token)).status).toBe(200);
    const out = await api.post('/api/v1/identity/logout', undefined, {
      token: session.token,
      cookies: { 'refresh-token': session.cookie },
    });
    expect(out.status).toBe(200);
    expect((await profile(session.token)).status).toBe(401);
    expect((await profile(other.token)).status).toBe(200);
  });

  it('sign-out without the cookie still ends the session of the access token', async () => {
    const session = await signIn();
    const out = await api.post('/api/v1/identity/logout', undefined, { token: session.token });
    expect(out.status).toBe(200);
    expect((await profile(session.token)).status).toBe(401);
  });

  it('a password change ends every other session; the new one works', async () => {
    const old = await signIn();
    const changer = await signIn();
    const changed = await api.put(
      '/api/v1/identity/reset-password',
      { currentPassword: ADMIN_PASSWORD, newPassword: 'another-pass-phrase-1' },
      { token: changer.token },
    );
    expect(changed.status).toBe(200);
    expect((await profile(old.token)).status).toBe(401);
    expect((await profile(changer.token)).status).toBe(401);
    const fresh = await signIn('another-pass-phrase-1');
    expect((await profile(fresh.token)).status).toBe(200);
    const back = await api.put(
      '/api/v1/identity/reset-password',
      { currentPassword: 'another-pass-phrase-1', newPassword: ADMIN_PASSWORD },
      { token: fresh.token },
    );
    expect(back.status).toBe(200);
  });

  it('refresh-token theft detection ends the access tokens of every session', async () => {
    const victim = await signIn();
    const elsewhere = await signIn();
    const refresh = (cookie: string) =>
      api.post('/api/v1/identity/refresh-token', undefined, {
        cookies: { 'refresh-token': cookie },
        token: null,
      });
    const rotated = await refresh(victim.cookie);
    expect(rotated.status).toBe(200);
    const rotatedToken = rotated.body.data.token as string;
    expect((await profile(rotatedToken)).status).toBe(200);
    // The rotated-away token comes back well after the grace window: taken as stolen.
    const stored = (await api.store.refreshTokens.findByHash(sha256Hex(victim.cookie)))!;
    await api.store.refreshTokens.update({
      ...stored,
      revokedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect((await refresh(victim.cookie)).status).toBe(401);
    expect((await profile(victim.token)).status).toBe(401);
    expect((await profile(rotatedToken)).status).toBe(401);
    expect((await profile(elsewhere.token)).status).toBe(401);
  });

  it('refuses a validly signed access token without an expiry', async () => {
    const session = await signIn();
    const claims = jwt.decode(session.token) as { id: string; sid: string; iss: string; aud: string };
    const forever = jwt.sign({ id: claims.id, sid: claims.sid }, JWT_SECRET, {
      algorithm: 'HS256',
      issuer: claims.iss,
      audience: claims.aud,
    });
    expect((await profile(forever)).status).toBe(401);
    expect((await profile(session.token)).status).toBe(200);
  });

  it.each([
    ['12345678', 'PasswordTooCommon'],
    ['password', 'PasswordTooCommon'],
    ['        ', 'PasswordTooShort'],
  ])('refuses the new password %j with 400 naming the field', async (newPassword, code) => {
    const session = await signIn();
    const res = await api.put(
      '/api/v1/identity/reset-password',
      { currentPassword: ADMIN_PASSWORD, newPassword },
      { token: session.token },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toContain(code);
    expect(res.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'newPassword' })]),
    );
  });

  it.each([
    ['/api/v1/groups', { name: '   ', description: '' }],
    ['/api/v1/access-tokens', { name: ' \t ', type: 'Personal' }],
    ['/api/v1/projects', { name: '  ', key: 'blank-name' }],
  ])('refuses a blank name on POST %s with 400 naming the field', async (url, body) => {
    await api.loginAsAdmin();
    const res = await api.post(url, body);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' })]));
  });
});
