import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, seg } from './api-client';
import type {
  EnvironmentInfo,
  EnvironmentSecret,
  EnvironmentSettings,
  OrganizationSummary,
  ProjectWithEnvs,
} from './api.models';

export interface EnvironmentInput {
  name: string;
  key?: string;
  description: string;
  settings: EnvironmentSettings;
}

@Injectable({ providedIn: 'root' })
export class TenancyApi {
  private readonly api = inject(ApiClient);

  organizations(): Observable<OrganizationSummary[]> {
    return this.api.get('/organizations');
  }

  projects(): Observable<ProjectWithEnvs[]> {
    return this.api.get('/projects');
  }

  createProject(name: string, key: string): Observable<ProjectWithEnvs> {
    return this.api.post('/projects', { name, key });
  }

  updateProject(id: string, name: string): Observable<ProjectWithEnvs> {
    return this.api.put(`/projects/${seg(id)}`, { name });
  }

  deleteProject(id: string): Observable<unknown> {
    return this.api.delete(`/projects/${seg(id)}`);
  }

  isProjectKeyUsed(key: string): Observable<boolean> {
    return this.api.get('/projects/is-key-used', { key });
  }

  createEnvironment(projectId: string, input: EnvironmentInput): Observable<EnvironmentInfo> {
    return this.api.post(`/projects/${seg(projectId)}/envs`, input);
  }

  updateEnvironment(projectId: string, envId: string, input: EnvironmentInput): Observable<EnvironmentInfo> {
    return this.api.put(`/projects/${seg(projectId)}/envs/${seg(envId)}`, input);
  }

  deleteEnvironment(projectId: string, envId: string): Observable<unknown> {
    return this.api.delete(`/projects/${seg(projectId)}/envs/${seg(envId)}`);
  }

  isEnvironmentKeyUsed(projectId: string, key: string): Observable<boolean> {
    return this.api.get(`/projects/${seg(projectId)}/envs/is-key-used`, { key });
  }

  addSecret(envId: string, name: string, type: 'server' | 'client'): Observable<EnvironmentSecret> {
    return this.api.post(`/envs/${seg(envId)}/secrets`, { name, type });
  }

  /** New value for the same secret; the old value stops working at once. */
  rotateSecret(envId: string, secretId: string): Observable<EnvironmentSecret> {
    return this.api.put(`/envs/${seg(envId)}/secrets/${seg(secretId)}/rotate`);
  }

  deleteSecret(envId: string, secretId: string): Observable<unknown> {
    return this.api.delete(`/envs/${seg(envId)}/secrets/${seg(secretId)}`);
  }
}
