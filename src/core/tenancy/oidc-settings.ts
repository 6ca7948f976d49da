// Pure rules of a workspace's OpenID Connect settings: what `PUT workspaces/sso-oidc` accepts, and how
// the ID token's claims become an e-mail and a name (docs/security.md#single-sign-on).
import {
  OIDC_CLIENT_AUTH_METHODS,
  type OidcClientAuthMethod,
  type OidcConfig,
  type WorkspaceSso,
} from './tenancy';

/** What the API receives; `clientSecret` absent or empty keeps the stored one (it is write-only). */
export interface OidcSettingsInput {
  issuer: string;
  clientId: string;
  clientSecret?: string | null;
  clientAuthenticationMethod: string;
  authorizationEndpoint?: string | null;
  tokenEndpoint?: string | null;
  scope?: string | null;
  userEmailClaim?: string | null;
  userNameClaim?: string | null;
  passwordLoginDisabled?: boolean | null;
}

export interface OidcSettingsProblem {
  field: string;
  message: string;
}

export type OidcSettingsResult =
  { ok: true; sso: WorkspaceSso } | { ok: false; problems: OidcSettingsProblem[] };

export const DEFAULT_OIDC_SCOPE = 'openid profile email';
export const DEFAULT_EMAIL_CLAIM = 'email';
export const DEFAULT_NAME_CLAIM = 'name';

// Claim names are JSON member names; URIs (namespaced claims such as https://example.com/email) are common.
const CLAIM_NAME = /^[A-Za-z0-9_.:/-]{1,200}$/;
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
}

/** Validates the input against the stored settings (for the unchanged secret) and builds the new ones. */
export function buildOidcSettings(input: OidcSettingsInput, stored: WorkspaceSso | null): OidcSettingsResult {
  const problems: OidcSettingsProblem[] = [];
  const text = (v: string | null | undefined): string => (v ?? '').trim();
  const url = (field: string, value: string, required: boolean): void => {
    if (!value) {
      if (required) problems.push({ field, message: `${field} is required` });
    } else if (!isHttpUrl(value)) {
      problems.push({ field, message: `${field} must be an http(s) URL without credentials` });
    }
  };

  const issuer = text(input.issuer);
  url('issuer', issuer, true);
  const authorizationEndpoint = text(input.authorizationEndpoint);
  url('authorizationEndpoint', authorizationEndpoint, false);
  const tokenEndpoint = text(input.tokenEndpoint);
  url('tokenEndpoint', tokenEndpoint, false);

  const clientId = text(input.clientId);
  if (!clientId) problems.push({ field: 'clientId', message: 'clientId is required' });

  const method = input.clientAuthenticationMethod as OidcClientAuthMethod;
  if (!OIDC_CLIENT_AUTH_METHODS.includes(method)) {
    problems.push({
      field: 'clientAuthenticationMethod',
      message: `clientAuthenticationMethod must be one of ${OIDC_CLIENT_AUTH_METHODS.join(', ')}`,
    });
  }

  const given = text(input.clientSecret);
  const clientSecret = given || stored?.oidc?.clientSecret || '';
  if (method !== 'none' && !clientSecret) {
    problems.push({ field: 'clientSecret', message: `clientSecret is required with ${method}` });
  }

  const scope = text(input.scope).split(/\s+/).filter(Boolean).join(' ') || DEFAULT_OIDC_SCOPE;
  if (!scope.split(' ').every((t) => SCOPE_TOKEN.test(t))) {
    problems.push({ field: 'scope', message: 'scope must be space-separated scope tokens' });
  } else if (!scope.split(' ').includes('openid')) {
    problems.push({ field: 'scope', message: 'scope must include openid' });
  }

  const userEmailClaim = text(input.userEmailClaim) || DEFAULT_EMAIL_CLAIM;
  if (!CLAIM_NAME.test(userEmailClaim)) {
    problems.push({ field: 'userEmailClaim', message: 'userEmailClaim is not a valid claim name' });
  }
  const userNameClaim = text(input.userNameClaim) || DEFAULT_NAME_CLAIM;
  if (!CLAIM_NAME.test(userNameClaim)) {
    problems.push({ field: 'userNameClaim', message: 'userNameClaim is not a valid claim name' });
  }

  if (problems.length > 0) return { ok: false, problems };
  const oidc: OidcConfig = {
    issuer,
    clientId,
    clientSecret: method === 'none' ? '' : clientSecret,
    clientAuthenticationMethod: method,
    authorizationEndpoint,
    tokenEndpoint,
    scope,
    userEmailClaim,
    userNameClaim,
  };
  return { ok: true, sso: { oidc, passwordLoginDisabled: input.passwordLoginDisabled === true } };
}

/** The settings as the API shows them: everything but the secret, which is only said to be set. */
export function publicOidcSettings(
  sso: WorkspaceSso | null,
): (Omit<OidcConfig, 'clientSecret'> & { clientSecretSet: boolean; passwordLoginDisabled: boolean }) | null {
  if (!sso?.oidc) return null;
  const { clientSecret, ...rest } = sso.oidc;
  return {
    ...rest,
    clientSecretSet: clientSecret.length > 0,
    passwordLoginDisabled: sso.passwordLoginDisabled,
  };
}

/** Whether members of the workspace may sign in with a password. */
export function passwordLoginAllowed(sso: WorkspaceSso | null): boolean {
  return !(sso?.oidc && sso.passwordLoginDisabled);
}

export type ClaimMapping = { ok: true; email: string; name: string } | { ok: false; reason: string };

/** The signed-in identity from validated ID-token claims: refused without a (verified) e-mail. */
export function mapOidcClaims(claims: Record<string, unknown>, config: OidcConfig): ClaimMapping {
  const raw = claims[config.userEmailClaim];
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  // A bare check, not a full RFC 5322 parser: one @ with text on both sides and no spaces.
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    return {
      ok: false,
      reason: `the identity provider sent no e-mail address in claim "${config.userEmailClaim}"; check userEmailClaim`,
    };
  }
  // Some providers send the boolean as a string.
  const verified = claims['email_verified'];
  if (verified === false || verified === 'false') {
    return { ok: false, reason: 'the identity provider says this e-mail address is not verified' };
  }
  const rawName = claims[config.userNameClaim];
  const name =
    typeof rawName === 'string' && rawName.trim() ? rawName.trim().slice(0, 100) : email.split('@')[0];
  return { ok: true, email, name };
}
