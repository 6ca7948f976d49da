import type { ClaimRequest, Job } from '../../../../core/jobs/job';
import { JobRepository } from '../../../../core/ports/job.repository';
import { JOB_ENTITY } from '../../shared/entities/job.entity';
import { toDate } from '../../shared/timestamps';
import type { Model } from 'mongoose';
import { compareAndReplace } from '../mongo-compare-and-set';
import { MongoCollection } from '../mongo-collection';
import type { MongoConnection } from '../mongo-connection';
import type { MongoDoc } from '../schemas/mongo-schema';

/**
 * A claim is a compare-and-set on the job's attempt count (mongo-compare-and-set.ts), atomic on
 * MongoDB and FerretDB alike, so two replicas never hold the same lease.
 */
export class MongoJobRepository extends JobRepository {
  private readonly c: MongoCollection<Job>;

  private readonly claims: () => Model<MongoDoc>;

  constructor(conn: MongoConnection) {
    super();
    this.c = MongoCollection.of(() => conn.model('jobs'), JOB_ENTITY);
    this.claims = () => conn.model('updateClaims');
  }

  async enqueue(job: Job): Promise<void> {
    await this.c.insert(job);
  }

  async claim(request: ClaimRequest): Promise<Job[]> {
    if (request.limit < 1 || request.kinds.length === 0) return [];
    const now = toDate(request.now, 'now');
    const limit = Math.floor(request.limit);
    // A few more candidates than asked: concurrent claimers may take some of them first.
    const candidates = await this.c.findMany(
      {
        status: 'pending',
        kind: { $in: [...request.kinds] },
        runAt: { $lte: now },
        $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }],
      },
      { runAt: 1, _id: 1 },
      limit * 2,
    );
    const claimed: Job[] = [];
    for (const job of candidates) {
      if (claimed.length >= limit) break;
      const next: Job = {
        ...job,
        attempts: job.attempts + 1,
        lockedBy: request.owner,
        lockedUntil: request.leaseUntil,
        updatedAt: request.now,
      };
      // `attempts` changes with every claim, so it names the lease generation the claimer saw.
      const won = await compareAndReplace(
        this.c,
        () => this.claims(),
        next,
        { attempts: job.attempts, status: 'pending' },
        String(job.attempts),
      );
      if (won) claimed.push(won);
    }
    return claimed;
  }

  async complete(id: string, owner: string): Promise<boolean> {
    const result = await this.c.run((m) => m.deleteOne({ _id: id, lockedBy: owner }).exec());
    return result.deletedCount > 0;
  }

  retry(id: string, owner: string, runAt: string, error: string): Promise<boolean> {
    return this.settle(id, owner, { runAt: toDate(runAt, 'runAt'), lastError: error });
  }

  fail(id: string, owner: string, error: string): Promise<boolean> {
    return this.settle(id, owner, { status: 'failed', lastError: error });
  }

  findById(id: string): Promise<Job | null> {
    return this.c.findById(id);
  }

  delete(id: string): Promise<void> {
    return this.c.deleteById(id);
  }

  private async settle(id: string, owner: string, set: Record<string, unknown>): Promise<boolean> {
    const result = await this.c.run((m) =>
      m
        .updateOne(
          { _id: id, lockedBy: owner },
          { $set: { ...set, lockedBy: null, lockedUntil: null, updatedAt: new Date() } },
        )
        .exec(),
    );
    return result.modifiedCount > 0;
  }
}
