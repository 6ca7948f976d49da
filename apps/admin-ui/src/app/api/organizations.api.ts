import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import type { OnboardingDto, UpdateOrganizationDto, UpdateWorkspaceDto } from './generated/models';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  getWorkspace,
  isOrganizationKeyUsed,
  isWorkspaceKeyUsed,
  listOrganizationMembers,
  listOrganizations,
  onboardOrganization,
  updateOrganization,
  updateWorkspace,
} from './generated/functions';

/** The current workspace and organization (the Workspace and Organization headers say which). */
@Injectable({ providedIn: 'root' })
export class OrganizationsApi {
  private readonly api = inject(ApiClient);

  workspace() {
    return this.api.call(getWorkspace);
  }

  updateWorkspace(body: UpdateWorkspaceDto) {
    return this.api.call(updateWorkspace, { body });
  }

  isWorkspaceKeyUsed(key: string) {
    return this.api.call(isWorkspaceKeyUsed, { key });
  }

  list() {
    return this.api.call(listOrganizations);
  }

  get(id: string) {
    return this.api.call(getOrganization, { id });
  }

  /** The caller becomes the new organization's Owner; it starts uninitialized (see onboard). */
  create(name: string, key: string) {
    return this.api.call(createOrganization, { body: { name, key } });
  }

  update(body: UpdateOrganizationDto) {
    return this.api.call(updateOrganization, { body });
  }

  /** Deletes the current organization with all its projects. */
  remove(): Observable<unknown> {
    return this.api.call(deleteOrganization);
  }

  /** FeatBit's first-run form: names the current organization, creates a project and environments. */
  onboard(body: OnboardingDto): Observable<unknown> {
    return this.api.call(onboardOrganization, { body });
  }

  isKeyUsed(key: string) {
    return this.api.call(isOrganizationKeyUsed, { key });
  }

  members(searchText = '', pageSize = 100) {
    return this.api.call(listOrganizationMembers, {
      pageIndex: 0,
      pageSize,
      searchText: searchText || undefined,
    });
  }
}
