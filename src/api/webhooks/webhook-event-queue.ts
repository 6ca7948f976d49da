import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditLog } from '../../core/audit/audit-log';
import { isWebhookSubject } from '../../core/integrations/webhook-events';
import { newJob } from '../../core/jobs/job';
import type { DataStore } from '../../core/ports/data-store.port';
import { WEBHOOK_EVENT_JOB } from './webhook-jobs';

/** Webhooks an organization may have: more are refused at creation, and one page reads them all. */
export const MAX_WEBHOOKS_PER_ORGANIZATION = 200;

/**
 * Called by AuditTrail inside the change's transaction: a flag or segment change of an organization
 * with an active webhook becomes a `webhook-event` job that commits (or rolls back) with it. The job
 * carries the audit entry itself, so it needs nothing the change may have removed since.
 */
@Injectable()
export class WebhookEventQueue {
  async enqueue(tx: DataStore, entry: AuditLog): Promise<void> {
    if (!isWebhookSubject(entry.refType)) return;
    const now = new Date().toISOString();
    await tx.webhooks.enqueueEvent(
      entry.organizationId,
      newJob({ id: randomUUID(), kind: WEBHOOK_EVENT_JOB, payload: { entry: { ...entry } } }, now),
    );
  }
}
