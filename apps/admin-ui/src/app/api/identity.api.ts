import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import {
  getProfile,
  getUserWorkspaces,
  loginByEmail,
  logout,
  refreshToken,
  resetPassword,
  updateProfile,
} from './generated/functions';

@Injectable({ providedIn: 'root' })
export class IdentityApi {
  private readonly api = inject(ApiClient);

  loginByEmail(email: string, password: string) {
    return this.api.call(loginByEmail, { body: { email, password } });
  }

  /** Exchanges the HttpOnly refresh cookie for a new access token. */
  refreshToken() {
    return this.api.call(refreshToken);
  }

  logout(): Observable<unknown> {
    return this.api.call(logout);
  }

  resetPassword(currentPassword: string, newPassword: string): Observable<unknown> {
    return this.api.call(resetPassword, { body: { currentPassword, newPassword } });
  }

  profile() {
    return this.api.call(getProfile);
  }

  updateProfile(name: string, email: string) {
    return this.api.call(updateProfile, { body: { name, email } });
  }

  workspaces() {
    return this.api.call(getUserWorkspaces);
  }
}
