import type { ClaimRequest, Job } from '../jobs/job';

/**
 * The durable job queue in the primary database (docs/architecture.md#durable-jobs). Claims are
 * atomic across replicas: a due job goes to one worker until its lease lapses. Only the lease holder
 * may settle a job, so a worker that lost its lease cannot undo another's work.
 */
export abstract class JobRepository {
  /** Adds a job; inside `DataStore.transaction` it commits with the change that caused it. */
  abstract enqueue(job: Job): Promise<void>;
  /** Due pending jobs of these kinds, oldest `runAt` first, leased to `owner` (attempts + 1). */
  abstract claim(request: ClaimRequest): Promise<Job[]>;
  /** Removes a job the owner finished. False when the owner no longer holds it. */
  abstract complete(id: string, owner: string): Promise<boolean>;
  /** Releases the lease and runs the job again at `runAt`, keeping the error. */
  abstract retry(id: string, owner: string, runAt: string, error: string): Promise<boolean>;
  /** Stops the job for good (status `failed`), keeping the error. */
  abstract fail(id: string, owner: string, error: string): Promise<boolean>;
  abstract findById(id: string): Promise<Job | null>;
  abstract delete(id: string): Promise<void>;
}
