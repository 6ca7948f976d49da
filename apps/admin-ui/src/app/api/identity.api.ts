import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import type { LoginResult, Profile, WorkspaceSummary } from './api.models';

@Injectable({ providedIn: 'root' })
export class IdentityApi {
  private readonly api = inject(ApiClient);

  loginByEmail(email: string, password: string): Observable<LoginResult> {
    return this.api.post('/identity/login-by-email', { email, password });
  }

  /** Exchanges the HttpOnly refresh cookie for a new access token. */
  refreshToken(): Observable<LoginResult> {
    return this.api.post('/identity/refresh-token');
  }

  logout(): Observable<unknown> {
    return this.api.post('/identity/logout');
  }

  resetPassword(currentPassword: string, newPassword: string): Observable<unknown> {
    return this.api.put('/identity/reset-password', { currentPassword, newPassword });
  }

  profile(): Observable<Profile> {
    return this.api.get('/user/profile');
  }

  updateProfile(name: string, email: string): Observable<Profile> {
    return this.api.put('/user/profile', { name, email });
  }

  workspaces(): Observable<WorkspaceSummary[]> {
    return this.api.get('/user/workspaces');
  }
}
