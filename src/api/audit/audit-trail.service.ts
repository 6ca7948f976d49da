import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { type AuditInput, buildAuditLog } from '../../core/audit/audit-entry';
import type { DataStore } from '../../core/ports/data-store.port';
import type { Actor } from '../../core/iam/actor';
import { WebhookEventQueue } from '../webhooks/webhook-event-queue';

export type AuditRecord = Omit<AuditInput, 'id' | 'creatorId' | 'at' | 'comment'> & { comment?: string };
/** An organization-level record (members, groups, policies, access tokens): no environment. */
export type OrganizationAuditRecord = Omit<AuditRecord, 'organizationId' | 'envId'>;

/** A flag or segment as its audit entry names it: by id, in its environment, found by key and name. */
export interface AuditedSubject {
  id: string;
  envId: string;
  key: string;
  name: string;
}
/**
 * The change of a flag or segment: id, keywords and environment come from the subject (its current
 * version, or the previous one once removed); `envId` overrides the environment.
 */
export type SubjectAuditRecord = Omit<
  AuditRecord,
  'envId' | 'refId' | 'keywords' | 'previous' | 'current'
> & {
  envId?: string;
} & (
    { previous: AuditedSubject; current: AuditedSubject | null } | { previous: null; current: AuditedSubject }
  );

/** Writes audit entries inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditTrail {
  /** Absent where webhooks are not loaded (unit tests); then changes notify nobody. */
  constructor(@Optional() private readonly webhookEvents?: WebhookEventQueue) {}

  async record(
    tx: DataStore,
    actor: Actor,
    record: AuditRecord,
    at = new Date().toISOString(),
  ): Promise<void> {
    const entry = buildAuditLog({
      ...record,
      comment: record.comment ?? '',
      id: randomUUID(),
      creatorId: actor.creatorId,
      at,
    });
    await tx.auditLogs.append(entry);
    // Webhooks hear of the change through a job committed with it (docs/webhooks.md).
    await this.webhookEvents?.enqueue(tx, entry);
  }

  /** Records the change of a flag or segment inside the caller's transaction. */
  recordChange(tx: DataStore, actor: Actor, record: SubjectAuditRecord, at?: string): Promise<void> {
    const { envId, ...rest } = record;
    const subject = record.previous === null ? record.current : (record.current ?? record.previous);
    return this.record(
      tx,
      actor,
      { ...rest, envId: envId ?? subject.envId, refId: subject.id, keywords: [subject.key, subject.name] },
      at,
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
