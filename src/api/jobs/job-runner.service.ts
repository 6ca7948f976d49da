import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { backoffMs, type Job, type JobOutcome } from '../../core/jobs/job';
import { DataStore } from '../../core/ports/data-store.port';
import { Logger } from '../../core/ports/logger.port';

/** One kind of durable job and how to run it. */
export interface JobHandler {
  readonly kind: string;
  /** How long a claim holds a job: longer than the handler's slowest run, or another replica runs it too. */
  readonly leaseMs: number;
  /** Jobs of this kind taken per claim and run together. */
  readonly batchSize: number;
  run(job: Job): Promise<JobOutcome>;
}

/** A handler that throws (a bug or an outage, not a decision) is retried this many times, backing off. */
const UNEXPECTED_ATTEMPTS = 10;

/**
 * The api role's worker for the durable job queue (docs/architecture.md#durable-jobs). Every replica
 * runs one; the claim's lease keeps a job to one of them, and a job whose worker died is claimed
 * again when the lease lapses. Polls every JOB_POLL_INTERVAL_MS; `kick` runs a pass at once (after a
 * change committed a job).
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  /** This process, in the lease columns. */
  readonly owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly log: Logger;
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: DataStore,
    private readonly config: AppConfig,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'jobs' });
  }

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`job kind ${handler.kind} registered twice`);
    this.handlers.set(handler.kind, handler);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.config.workflow.jobPollIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pass;
  }

  /** Runs a pass now, or right after the one running. */
  kick(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.pass = this.runDue()
      .then(() => undefined)
      .catch((err: unknown) => {
        // The store may be starting or unreachable: the next tick tries again.
        this.log.warn('due jobs not run', { error: err instanceof Error ? err.message : String(err) });
      })
      .finally(() => {
        this.pass = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Claims and runs every due job of every registered kind; the number run. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (const handler of this.handlers.values()) {
      for (;;) {
        const now = Date.now();
        const jobs = await this.store.jobs.claim({
          owner: this.owner,
          now: new Date(now).toISOString(),
          leaseUntil: new Date(now + handler.leaseMs).toISOString(),
          limit: handler.batchSize,
          kinds: [handler.kind],
        });
        await Promise.all(jobs.map((job) => this.runOne(handler, job)));
        ran += jobs.length;
        if (jobs.length < handler.batchSize || this.stopped) break;
      }
    }
    return ran;
  }

  private async runOne(handler: JobHandler, job: Job): Promise<void> {
    let outcome: JobOutcome;
    try {
      outcome = await handler.run(job);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.log.warn('job failed unexpectedly', { kind: job.kind, id: job.id, attempt: job.attempts, error });
      outcome =
        job.attempts >= UNEXPECTED_ATTEMPTS
          ? { kind: 'failed', error }
          : {
              kind: 'retry',
              at: new Date(Date.now() + backoffMs(job.attempts, 5_000, 300_000)).toISOString(),
              error,
            };
    }
    if (outcome.kind === 'done') await this.store.jobs.complete(job.id, this.owner);
    else if (outcome.kind === 'retry')
      await this.store.jobs.retry(job.id, this.owner, outcome.at, outcome.error);
    else await this.store.jobs.fail(job.id, this.owner, outcome.error);
  }
}
