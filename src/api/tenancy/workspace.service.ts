import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/iam/actor';
import { DataStore } from '../../core/ports/data-store.port';
import { publicOidcSettings } from '../../core/tenancy/oidc-settings';
import type { Workspace, WorkspaceSso } from '../../core/tenancy/tenancy';
import { AuditTrail } from '../audit/audit-trail.service';

/**
 * The workspace's own settings (name, key, single sign-on). A workspace spans organizations; its
 * changes are audited in the organization the actor acted from, the one whose policies allowed it.
 */
@Injectable()
export class WorkspaceService {
  constructor(
    private readonly store: DataStore,
    private readonly audit: AuditTrail,
  ) {}

  update(
    actor: Actor,
    workspace: Workspace,
    organizationId: string,
    input: { name: string; key: string },
  ): Promise<Workspace> {
    return this.save(actor, workspace, organizationId, '', {
      ...workspace,
      name: input.name.trim(),
      key: input.key,
    });
  }

  /** Stores validated OpenID Connect settings; the audit entry never holds the client secret. */
  updateSso(
    actor: Actor,
    workspace: Workspace,
    organizationId: string,
    sso: WorkspaceSso,
  ): Promise<Workspace> {
    return this.save(actor, workspace, organizationId, 'Changed the single sign-on settings', {
      ...workspace,
      sso,
    });
  }

  /** Whether another workspace already uses the key. */
  async isKeyUsed(workspace: Workspace, key: string): Promise<boolean> {
    const found = await this.store.workspaces.findByKey(key);
    return found !== null && found.id !== workspace.id;
  }

  private save(
    actor: Actor,
    previous: Workspace,
    organizationId: string,
    comment: string,
    next: Workspace,
  ): Promise<Workspace> {
    return this.store.transaction(async (tx) => {
      const saved = await tx.workspaces.update({ ...next, updatedAt: new Date().toISOString() });
      await this.audit.record(tx, actor, {
        organizationId,
        envId: '',
        refType: 'Workspace',
        refId: saved.id,
        keywords: [saved.key, saved.name],
        operation: 'Update',
        comment,
        previous: auditable(previous),
        current: auditable(saved),
      });
      return saved;
    });
  }
}

/** What the audit log shows of a workspace: its SSO settings without the client secret. */
function auditable(ws: Workspace): Omit<Workspace, 'sso'> & { sso: ReturnType<typeof publicOidcSettings> } {
  return { ...ws, sso: publicOidcSettings(ws.sso) };
}
