import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { Webhook, WebhookDelivery } from '../../core/integrations/integrations';
import { backoffMs, type Job, type JobOutcome } from '../../core/jobs/job';
import { DataStore } from '../../core/ports/data-store.port';
import { Logger } from '../../core/ports/logger.port';
import { JobRunner, type JobHandler } from '../jobs/job-runner.service';
import { isDeliveryJob, WEBHOOK_DELIVERY_JOB } from './webhook-jobs';
import { WebhookSender } from './webhook-sender.service';

/** The longest wait between two attempts. */
const MAX_RETRY_MS = 3_600_000;

/**
 * Runs a `webhook-delivery` job: one attempt per claim, each recorded in the delivery log. A failed
 * attempt (non-2xx, timeout, refused target) is retried with exponential backoff until
 * WEBHOOK_MAX_ATTEMPTS; the wait is a job's `runAt`, so a restart in between loses nothing. A
 * delivery whose every attempt failed counts against the webhook, which is switched off, with the
 * reason, at WEBHOOK_DISABLE_AFTER_FAILURES in a row; a success resets the count.
 */
@Injectable()
export class WebhookDeliveryHandler implements JobHandler, OnModuleInit {
  readonly kind = WEBHOOK_DELIVERY_JOB;
  readonly batchSize = 10;
  readonly leaseMs: number;
  private readonly log: Logger;

  constructor(
    private readonly store: DataStore,
    private readonly sender: WebhookSender,
    private readonly config: AppConfig,
    private readonly runner: JobRunner,
    logger: Logger,
  ) {
    // Longer than one attempt can take, so no other replica sends it meanwhile.
    this.leaseMs = config.workflow.webhookTimeoutMs + 30_000;
    this.log = logger.child({ component: 'webhooks' });
  }

  onModuleInit(): void {
    this.runner.register(this);
  }

  async run(job: Job): Promise<JobOutcome> {
    if (!isDeliveryJob(job.payload)) return { kind: 'failed', error: 'not a webhook delivery' };
    const request = job.payload;
    const hook = await this.store.webhooks.findById(request.webhookId);
    // Deleted or switched off since the change: nothing to send.
    if (!hook?.isActive) return { kind: 'done' };
    const delivery = await this.sender.send(hook, request);
    // The log keeps one row per attempt; the delivery id in the request header stays the same.
    await this.store.webhooks.addDelivery({ ...delivery, id: `${request.deliveryId}:${job.attempts}` });
    const { webhookMaxAttempts: maxAttempts, webhookRetryBaseMs: baseMs } = this.config.workflow;
    const finalFailure = !delivery.success && job.attempts >= maxAttempts;
    await this.recordOutcome(hook.id, delivery, finalFailure);
    if (delivery.success) return { kind: 'done' };
    const error = errorText(delivery);
    if (!finalFailure) {
      return {
        kind: 'retry',
        at: new Date(Date.now() + backoffMs(job.attempts, baseMs, MAX_RETRY_MS)).toISOString(),
        error,
      };
    }
    return { kind: 'failed', error };
  }

  /** lastDelivery always; the failure count once a delivery is settled. Re-read so edits made meanwhile stay. */
  private async recordOutcome(id: string, delivery: WebhookDelivery, finalFailure: boolean): Promise<void> {
    const hook = await this.store.webhooks.findById(id);
    if (!hook) return;
    const status = delivery.response?.statusCode;
    const next: Webhook = {
      ...hook,
      lastDelivery: {
        success: delivery.success,
        happenedAt: delivery.endedAt,
        response: typeof status === 'number' ? { statusCode: status } : null,
      },
    };
    if (delivery.success) next.consecutiveFailures = 0;
    if (finalFailure) {
      next.consecutiveFailures = (hook.consecutiveFailures || 0) + 1;
      const limit = this.config.workflow.webhookDisableAfterFailures;
      if (limit > 0 && next.consecutiveFailures >= limit && hook.isActive) {
        next.isActive = false;
        const n = next.consecutiveFailures;
        next.disabledReason = `Switched off after ${n} failed ${n === 1 ? 'delivery' : 'deliveries'} in a row (last: ${errorText(delivery)})`;
        this.log.warn('webhook switched off', { webhookId: hook.id, failures: next.consecutiveFailures });
      }
    }
    await this.store.webhooks.update(next);
  }
}

function errorText(delivery: WebhookDelivery): string {
  const message = delivery.error?.message;
  return typeof message === 'string' ? message : 'delivery failed';
}
