import type { ClaimRequest, Job } from '../../../../core/jobs/job';
import { JobRepository } from '../../../../core/ports/job.repository';
import { JOB_ENTITY } from '../../shared/entities/job.entity';
import { toDate } from '../../shared/timestamps';
import type { SqlSession } from '../postgres-session';
import { PgTable } from '../postgres-table';

const JOBS = PgTable.of(JOB_ENTITY);

/**
 * The claim takes due rows with FOR UPDATE SKIP LOCKED, so concurrent claimers on other replicas
 * never get the same job and never wait for each other.
 */
export class PostgresJobRepository extends JobRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }

  enqueue(job: Job): Promise<void> {
    return JOBS.insertBlind(this.db, job);
  }

  async claim(request: ClaimRequest): Promise<Job[]> {
    if (request.limit < 1 || request.kinds.length === 0) return [];
    const rows = await this.db.query(
      `UPDATE jobs SET locked_by = $1, locked_until = $3::timestamptz, attempts = attempts + 1,
              updated_at = $2::timestamptz
       WHERE id IN (
         SELECT id FROM jobs
         WHERE status = 'pending' AND kind = ANY($5::text[]) AND run_at <= $2::timestamptz
           AND (locked_until IS NULL OR locked_until < $2::timestamptz)
         ORDER BY run_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING ${JOBS.select}`,
      [
        request.owner,
        toDate(request.now, 'now').toISOString(),
        toDate(request.leaseUntil, 'leaseUntil').toISOString(),
        Math.floor(request.limit),
        [...request.kinds],
      ],
    );
    return rows.map((r) => JOBS.fromRow(r)).sort((a, b) => a.runAt.localeCompare(b.runAt));
  }

  async complete(id: string, owner: string): Promise<boolean> {
    const rows = await this.db.query(`DELETE FROM jobs WHERE id = $1 AND locked_by = $2 RETURNING id`, [
      id,
      owner,
    ]);
    return rows.length > 0;
  }

  async retry(id: string, owner: string, runAt: string, error: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE jobs SET run_at = $3::timestamptz, locked_by = NULL, locked_until = NULL, last_error = $4,
              updated_at = now()
       WHERE id = $1 AND locked_by = $2 RETURNING id`,
      [id, owner, toDate(runAt, 'runAt').toISOString(), error],
    );
    return rows.length > 0;
  }

  async fail(id: string, owner: string, error: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE jobs SET status = 'failed', locked_by = NULL, locked_until = NULL, last_error = $3,
              updated_at = now()
       WHERE id = $1 AND locked_by = $2 RETURNING id`,
      [id, owner, error],
    );
    return rows.length > 0;
  }

  findById(id: string): Promise<Job | null> {
    return JOBS.findById(this.db, id);
  }

  delete(id: string): Promise<void> {
    return JOBS.deleteById(this.db, id);
  }
}
