import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type AuditInput, buildAuditLog } from '../../core/audit/audit-entry';
import type { DataStore } from '../../core/ports/data-store.port';
import type { Actor } from '../../core/iam/actor';

export type AuditRecord = Omit<AuditInput, 'id' | 'creatorId' | 'at' | 'comment'> & { comment?: string };
/** An organization-level record (members, groups, policies, access tokens): no environment. */
export type OrganizationAuditRecord = Omit<AuditRecord, 'organizationId' | 'envId'>;

/** Writes audit entries inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditTrail {
  async record(
    tx: DataStore,
    actor: Actor,
    record: AuditRecord,
    at = new Date().toISOString(),
  ): Promise<void> {
    await tx.auditLogs.append(
      buildAuditLog({
        ...record,
        comment: record.comment ?? '',
        id: randomUUID(),
        creatorId: actor.creatorId,
        at,
      }),
    );
  }

  /** Records an organization-level change (envId empty) inside the caller's transaction. */
  recordInOrganization(
    tx: DataStore,
    actor: Actor,
    organizationId: string,
    record: OrganizationAuditRecord,
  ): Promise<void> {
    return this.record(tx, actor, { ...record, organizationId, envId: '' });
  }
}
