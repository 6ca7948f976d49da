import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import type { EnvironmentSettingsInputDto } from './generated/models';
import {
  addEnvironmentSecret,
  createEnvironment,
  createProject,
  deleteEnvironment,
  deleteProject,
  isEnvironmentKeyUsed,
  isProjectKeyUsed,
  listOrganizations,
  listProjects,
  removeEnvironmentSecret,
  rotateEnvironmentSecret,
  updateEnvironment,
  updateProject,
} from './generated/functions';

export interface EnvironmentInput {
  name: string;
  key?: string;
  description: string;
  settings: EnvironmentSettingsInputDto;
}

@Injectable({ providedIn: 'root' })
export class TenancyApi {
  private readonly api = inject(ApiClient);

  organizations() {
    return this.api.call(listOrganizations);
  }

  projects() {
    return this.api.call(listProjects);
  }

  createProject(name: string, key: string) {
    return this.api.call(createProject, { body: { name, key } });
  }

  updateProject(id: string, name: string) {
    return this.api.call(updateProject, { projectId: id, body: { name } });
  }

  deleteProject(id: string): Observable<unknown> {
    return this.api.call(deleteProject, { projectId: id });
  }

  isProjectKeyUsed(key: string) {
    return this.api.call(isProjectKeyUsed, { key });
  }

  createEnvironment(projectId: string, input: EnvironmentInput & { key: string }) {
    return this.api.call(createEnvironment, { projectId, body: input });
  }

  updateEnvironment(projectId: string, envId: string, input: EnvironmentInput) {
    return this.api.call(updateEnvironment, { projectId, envId, body: input });
  }

  deleteEnvironment(projectId: string, envId: string): Observable<unknown> {
    return this.api.call(deleteEnvironment, { projectId, envId });
  }

  isEnvironmentKeyUsed(projectId: string, key: string) {
    return this.api.call(isEnvironmentKeyUsed, { projectId, key });
  }

  addSecret(envId: string, name: string, type: 'server' | 'client') {
    return this.api.call(addEnvironmentSecret, { envId, body: { name, type } });
  }

  /** New value for the same secret; the old value stops working at once. */
  rotateSecret(envId: string, secretId: string) {
    return this.api.call(rotateEnvironmentSecret, { envId, secretId });
  }

  deleteSecret(envId: string, secretId: string): Observable<unknown> {
    return this.api.call(removeEnvironmentSecret, { envId, secretId });
  }
}
