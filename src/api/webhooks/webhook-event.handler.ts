import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuditLog } from '../../core/audit/audit-log';
import type { Webhook } from '../../core/integrations/integrations';
import { webhookEventsOf } from '../../core/integrations/webhook-events';
import {
  flagPayloadObject,
  renderWebhookPayload,
  segmentPayloadObject,
  type WebhookDataObject,
  webhookTemplate,
} from '../../core/integrations/webhook-payload';
import { scopesCover } from '../../core/integrations/webhook-scopes';
import { type Job, type JobOutcome, newJob } from '../../core/jobs/job';
import { DataStore } from '../../core/ports/data-store.port';
import { ActorDirectory } from '../audit/actor-directory.service';
import type { JobHandler } from '../jobs/job-runner.service';
import { JobRunner } from '../jobs/job-runner.service';
import { MAX_WEBHOOKS_PER_ORGANIZATION } from './webhook-event-queue';
import { WEBHOOK_DELIVERY_JOB, WEBHOOK_EVENT_JOB, type WebhookDeliveryJob } from './webhook-jobs';

/**
 * Runs a `webhook-event` job (FeatBit's modules/back-end/src/Infrastructure/Services/WebhookHandler.cs):
 * derives FeatBit's event names and change lines from the audit entry, picks the organization's active
 * webhooks that hear one of those events in a scope covering the environment, renders each payload
 * and enqueues one `webhook-delivery` job per webhook, all in one transaction with nothing sent yet.
 */
@Injectable()
export class WebhookEventHandler implements JobHandler, OnModuleInit {
  readonly kind = WEBHOOK_EVENT_JOB;
  readonly leaseMs = 60_000;
  readonly batchSize = 20;

  constructor(
    private readonly store: DataStore,
    private readonly actors: ActorDirectory,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async run(job: Job): Promise<JobOutcome> {
    const entry = job.payload.entry as AuditLog | undefined;
    if (!entry) return { kind: 'failed', error: 'the job names no audit entry' };
    const { events, changes } = webhookEventsOf(entry);
    if (events.length === 0) return { kind: 'done' };
    const hooks = (
      await this.store.webhooks.list(entry.organizationId, {
        pageIndex: 0,
        pageSize: MAX_WEBHOOKS_PER_ORGANIZATION,
      })
    ).items;
    const env = await this.store.environments.findById(entry.envId);
    const project = env ? await this.store.projects.findById(env.projectId) : null;
    if (!env || !project) return { kind: 'done' };
    const listening = hooks.filter(
      (hook) =>
        hook.isActive &&
        hook.events.some((e) => events.includes(e)) &&
        scopesCover(hook.scopes, project.id, env.id),
    );
    if (listening.length === 0) return { kind: 'done' };
    const organization = await this.store.organizations.findById(entry.organizationId);
    const operator = (await this.actors.resolve([entry.creatorId])).get(entry.creatorId)?.name ?? '';
    const data: WebhookDataObject = {
      events: events.join(','),
      operator,
      happenedAt: entry.createdAt,
      organization: { id: entry.organizationId, name: organization?.name ?? '' },
      project: { id: project.id, name: project.name },
      environment: { id: env.id, name: env.name },
      data: await this.subjectOf(entry),
      changes,
    };
    const deliveries: Job[] = [];
    const now = new Date().toISOString();
    for (const hook of listening) {
      const rendered = renderWebhookPayload(webhookTemplate(hook), data);
      if (!rendered.ok) {
        await this.recordTemplateFailure(hook, data, rendered.error);
        continue;
      }
      if (rendered.empty && hook.preventEmptyPayloads) continue;
      const delivery: WebhookDeliveryJob = {
        webhookId: hook.id,
        deliveryId: randomUUID(),
        events: data.events,
        payload: rendered.payload,
      };
      // One id per event and webhook: a re-run of this job (its worker died after enqueuing) adds none.
      deliveries.push(
        newJob({ id: `${job.id}:${hook.id}`, kind: WEBHOOK_DELIVERY_JOB, payload: { ...delivery } }, now),
      );
    }
    await this.store.transaction(async (tx) => {
      for (const delivery of deliveries) {
        if (!(await tx.jobs.findById(delivery.id))) await tx.jobs.enqueue(delivery);
      }
    });
    if (deliveries.length > 0) this.runner.kick();
    return { kind: 'done' };
  }

  private async subjectOf(entry: AuditLog): Promise<WebhookDataObject['data']> {
    const json = entry.dataChange.current || entry.dataChange.previous;
    const object = parseObject(json);
    if (entry.refType === 'FeatureFlag') return { kind: 'feature flag', object: flagPayloadObject(object) };
    const flags = await this.store.flags.listReferencingSegment(entry.envId, entry.refId);
    return {
      kind: 'segment',
      object: segmentPayloadObject(
        object,
        flags.map((f) => ({ id: f.id, name: f.name, key: f.key })),
      ),
    };
  }

  /** FeatBit logs a template that renders no JSON as a failed delivery, with what it rendered from. */
  private async recordTemplateFailure(hook: Webhook, data: WebhookDataObject, error: string): Promise<void> {
    const now = new Date().toISOString();
    await this.store.webhooks.addDelivery({
      id: randomUUID(),
      webhookId: hook.id,
      success: false,
      events: data.events,
      request: { url: hook.url, headers: {}, payload: '' },
      response: null,
      error: {
        message: 'Cannot construct a valid JSON payload by using the template and the data object',
        exceptionMessage: error,
        payloadTemplate: hook.payloadTemplate,
      },
      startedAt: now,
      endedAt: now,
    });
  }
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
