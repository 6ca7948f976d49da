import {
  buildOidcSettings,
  mapOidcClaims,
  type OidcSettingsInput,
  passwordLoginAllowed,
  publicOidcSettings,
} from './oidc-settings';
import type { OidcConfig, WorkspaceSso } from './tenancy';

const input: OidcSettingsInput = {
  issuer: 'https://id.example.com',
  clientId: 'featbit',
  clientSecret: 's3cret',
  clientAuthenticationMethod: 'client_secret_basic',
};

function build(patch: Partial<OidcSettingsInput>, stored: WorkspaceSso | null = null) {
  return buildOidcSettings({ ...input, ...patch }, stored);
}

function fields(patch: Partial<OidcSettingsInput>): string[] {
  const result = build(patch);
  return result.ok ? [] : result.problems.map((p) => p.field);
}

describe('buildOidcSettings', () => {
  it('fills FeatBit defaults for scope and claims', () => {
    const result = build({ passwordLoginDisabled: true });
    expect(result).toEqual({
      ok: true,
      sso: {
        passwordLoginDisabled: true,
        oidc: {
          issuer: 'https://id.example.com',
          clientId: 'featbit',
          clientSecret: 's3cret',
          clientAuthenticationMethod: 'client_secret_basic',
          authorizationEndpoint: '',
          tokenEndpoint: '',
          scope: 'openid profile email',
          userEmailClaim: 'email',
          userNameClaim: 'name',
        },
      },
    });
  });

  it('names the field of each bad value', () => {
    expect(fields({ issuer: 'not a url' })).toEqual(['issuer']);
    expect(fields({ issuer: 'ftp://id.example.com' })).toEqual(['issuer']);
    expect(fields({ tokenEndpoint: 'https://user:pw@id.example.com/token' })).toEqual(['tokenEndpoint']);
    expect(fields({ authorizationEndpoint: 'javascript:alert(1)' })).toEqual(['authorizationEndpoint']);
    expect(fields({ clientId: ' ' })).toEqual(['clientId']);
    expect(fields({ clientAuthenticationMethod: 'private_key_jwt' })).toEqual(['clientAuthenticationMethod']);
    expect(fields({ scope: 'profile email' })).toEqual(['scope']);
    expect(fields({ scope: 'openid "x"' })).toEqual(['scope']);
    expect(fields({ userEmailClaim: 'e mail' })).toEqual(['userEmailClaim']);
    expect(fields({ userNameClaim: '{name}' })).toEqual(['userNameClaim']);
  });

  it('keeps the stored secret when none is given, and needs one for a secret method', () => {
    const first = build({});
    if (!first.ok) throw new Error('expected valid settings');
    const kept = build({ clientSecret: '' }, first.sso);
    expect(kept.ok && kept.sso.oidc?.clientSecret).toBe('s3cret');
    expect(fields({ clientSecret: undefined })).toEqual(['clientSecret']);
    const none = build({ clientSecret: undefined, clientAuthenticationMethod: 'none' });
    expect(none.ok && none.sso.oidc?.clientSecret).toBe('');
  });

  it('accepts namespaced claim names and explicit endpoints', () => {
    const result = build({
      userEmailClaim: 'https://example.com/claims/email',
      authorizationEndpoint: 'http://127.0.0.1:9000/auth',
      tokenEndpoint: 'http://127.0.0.1:9000/token',
    });
    expect(result.ok).toBe(true);
  });
});

describe('publicOidcSettings and passwordLoginAllowed', () => {
  it('never shows the secret', () => {
    const result = build({ passwordLoginDisabled: true });
    if (!result.ok) throw new Error('expected valid settings');
    const shown = publicOidcSettings(result.sso);
    expect(shown).not.toHaveProperty('clientSecret');
    expect(shown).toMatchObject({ clientSecretSet: true, passwordLoginDisabled: true });
    expect(publicOidcSettings(null)).toBeNull();
  });

  it('refuses passwords only while OIDC is configured and the switch is on', () => {
    const result = build({ passwordLoginDisabled: true });
    if (!result.ok) throw new Error('expected valid settings');
    expect(passwordLoginAllowed(result.sso)).toBe(false);
    expect(passwordLoginAllowed({ ...result.sso, passwordLoginDisabled: false })).toBe(true);
    expect(passwordLoginAllowed({ oidc: null, passwordLoginDisabled: true })).toBe(true);
    expect(passwordLoginAllowed(null)).toBe(true);
  });
});

describe('mapOidcClaims', () => {
  const config = { userEmailClaim: 'email', userNameClaim: 'name' } as OidcConfig;

  it('maps e-mail (lower-cased) and name', () => {
    expect(mapOidcClaims({ email: ' Ada@Example.com ', name: 'Ada Lovelace' }, config)).toEqual({
      ok: true,
      email: 'ada@example.com',
      name: 'Ada Lovelace',
    });
  });

  it('uses the configured claims and falls back to the e-mail local part for the name', () => {
    const custom = { userEmailClaim: 'upn', userNameClaim: 'display' } as OidcConfig;
    expect(mapOidcClaims({ upn: 'bob@corp.example', email: 'x@y.z' }, custom)).toEqual({
      ok: true,
      email: 'bob@corp.example',
      name: 'bob',
    });
  });

  it('refuses a missing or malformed e-mail, naming the claim', () => {
    const missing = mapOidcClaims({ name: 'No Mail' }, config);
    expect(missing).toEqual({ ok: false, reason: expect.stringContaining('claim "email"') });
    expect(mapOidcClaims({ email: 'not-an-address' }, config).ok).toBe(false);
    expect(mapOidcClaims({ email: 42 }, config).ok).toBe(false);
  });

  it('refuses an address the provider says is unverified', () => {
    expect(mapOidcClaims({ email: 'a@b.c', email_verified: false }, config)).toEqual({
      ok: false,
      reason: expect.stringContaining('not verified'),
    });
    expect(mapOidcClaims({ email: 'a@b.c', email_verified: 'false' }, config).ok).toBe(false);
    expect(mapOidcClaims({ email: 'a@b.c', email_verified: true }, config).ok).toBe(true);
  });
});
