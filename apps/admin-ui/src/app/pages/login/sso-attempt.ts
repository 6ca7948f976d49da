// What the SSO callback page needs from the login page across the trip to the identity provider: not
// secret (the verifier, state and nonce stay in the server's HttpOnly cookie), kept for this tab only.
const KEY = 'ff-sso-attempt';

export interface SsoAttemptInfo {
  workspaceKey: string;
  redirectUri: string;
  /** Where to go after signing in (the auth guard's redirect). */
  redirect?: string;
}

export function rememberSsoAttempt(info: SsoAttemptInfo): void {
  sessionStorage.setItem(KEY, JSON.stringify(info));
}

/** The attempt of this tab, once (it is removed). */
export function takeSsoAttempt(): SsoAttemptInfo | null {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!raw) return null;
  try {
    const info = JSON.parse(raw) as Partial<SsoAttemptInfo>;
    return typeof info.workspaceKey === 'string' && typeof info.redirectUri === 'string'
      ? { workspaceKey: info.workspaceKey, redirectUri: info.redirectUri, redirect: info.redirect }
      : null;
  } catch {
    return null;
  }
}
