import { inject, Injectable } from '@angular/core';
import { API_BASE, ApiClient } from './api-client';
import {
  getWorkspaceSsoOidc,
  ssoOidcLogin,
  ssoPreCheck,
  updateWorkspaceSsoOidc,
} from './generated/functions';
import type { OidcLoginDto } from './generated/models/oidc-login-dto';
import type { UpdateSsoOidcDto } from './generated/models/update-sso-oidc-dto';

/** Single sign-on (OpenID Connect) of a workspace: the login side and the workspace settings. */
@Injectable({ providedIn: 'root' })
export class SsoApi {
  private readonly api = inject(ApiClient);

  preCheck() {
    return this.api.call(ssoPreCheck);
  }

  /**
   * Where the browser goes to start a sign-in: the server sets the attempt cookie and redirects to
   * the identity provider, so this is a page navigation, not an XHR.
   */
  authorizeUrl(workspaceKey: string, redirectUri: string): string {
    const query = new URLSearchParams({ redirect_uri: redirectUri, workspace_key: workspaceKey });
    return `${API_BASE}/sso/oidc-authorize-url?${query.toString()}`;
  }

  login(body: OidcLoginDto) {
    return this.api.call(ssoOidcLogin, { body });
  }

  settings() {
    return this.api.call(getWorkspaceSsoOidc);
  }

  updateSettings(body: UpdateSsoOidcDto) {
    return this.api.call(updateWorkspaceSsoOidc, { body });
  }
}
