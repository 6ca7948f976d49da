import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { WorkspaceSummary } from '../../../api/api.models';
import { OrganizationsApi } from '../../../api/organizations.api';
import { ContextStore } from '../../../core/context/context.store';

/**
 * Moves the console to another workspace or organization through the context store's signals: the
 * interceptor sends them as the Workspace and Organization headers, and selectOrganization remembers
 * the choice per user like the top bar's switcher.
 */
@Injectable({ providedIn: 'root' })
export class TenantSwitch {
  private readonly api = inject(OrganizationsApi);
  private readonly context = inject(ContextStore);

  /** Re-reads the organizations of the workspace and selects `selectId` (else keeps or takes the first). */
  async reloadOrganizations(selectId?: string): Promise<void> {
    const organizations = await firstValueFrom(this.api.list());
    this.context.organizations.set(organizations);
    const keep = selectId ?? this.context.organizationId();
    const next = organizations.find((o) => o.id === keep) ?? organizations[0];
    if (!next) return;
    if (next.id !== this.context.organizationId() || selectId) await this.context.selectOrganization(next.id);
  }

  async switchWorkspace(workspace: WorkspaceSummary): Promise<void> {
    this.context.workspace.set(workspace);
    this.context.organizationId.set(null);
    await this.reloadOrganizations();
  }
}
