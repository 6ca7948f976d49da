// Durable background jobs (docs/architecture.md#durable-jobs): rows in the primary database that a
// worker of any api replica claims under a lease. Written in the same transaction as the change that
// causes them, so a job exists exactly when its cause committed.

export type JobStatus = 'pending' | 'failed';

export interface Job {
  id: string;
  /** Which handler runs it (e.g. `flag-schedule`, `webhook-event`, `webhook-delivery`). */
  kind: string;
  payload: Record<string, unknown>;
  /** Not claimed before this time. */
  runAt: string;
  /** Claims so far, this one included once claimed. */
  attempts: number;
  status: JobStatus;
  /** The worker holding the lease, until `lockedUntil`; a lapsed lease lets another worker claim it. */
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Defaults to `now`. */
  runAt?: string;
}

export function newJob(job: NewJob, now: string): Job {
  return {
    id: job.id,
    kind: job.kind,
    payload: job.payload,
    runAt: job.runAt ?? now,
    attempts: 0,
    status: 'pending',
    lockedBy: null,
    lockedUntil: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
  };
}

export interface ClaimRequest {
  /** The claiming worker's id. */
  owner: string;
  now: string;
  /** The lease ends at this time: a worker that dies holding it loses the job to another then. */
  leaseUntil: string;
  limit: number;
  kinds: readonly string[];
}

/** What a handler decided about a claimed job. */
export type JobOutcome =
  { kind: 'done' } | { kind: 'retry'; at: string; error: string } | { kind: 'failed'; error: string };

/**
 * Exponential backoff: `baseMs` after the first attempt, doubling, at most `maxMs`. No jitter: the
 * lease already spreads replicas, and tests can predict the schedule.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, Math.min(30, attempt - 1));
  return Math.min(maxMs, baseMs * 2 ** exponent);
}
