import type { Model } from 'mongoose';
import { DuplicateKeyError } from '../../../core/shared/errors';
import type { MongoCollection, MongoFilter } from './mongo-collection';
import type { MongoDoc } from './schemas/mongo-schema';

/** A claim older than this was left by a writer that died between claiming and releasing. */
const STALE_CLAIM_MS = 60_000;

/**
 * Replaces `record` only while the stored document still matches `expected`, with at most one
 * winner among concurrent writers holding the same expected value.
 *
 * `findOneAndUpdate({_id, ...expected})` alone is atomic on MongoDB but not on FerretDB, which
 * finds and then writes by `_id`, so two writers can both match. The claim makes it atomic on
 * both: a document whose `_id` names the record and the value it expects, inserted before the
 * write (an `_id` clash is refused atomically everywhere) and removed after it. A writer that
 * loses the claim, or whose filter no longer matches, gets null, as for a stale value.
 */
export async function compareAndReplace<T extends object>(
  collection: MongoCollection<T>,
  claims: () => Model<MongoDoc>,
  record: T & { id: string },
  expected: MongoFilter,
  expectedValue: string,
): Promise<T | null> {
  const claimId = `${collection.entity}/${record.id}/${expectedValue}`;
  if (!(await claim(collection, claims, claimId))) return null;
  try {
    return await collection.replace(record, expected);
  } finally {
    await collection.run(() => claims().deleteOne({ _id: claimId }).exec()).catch(() => undefined);
  }
}

async function claim<T extends object>(
  collection: MongoCollection<T>,
  claims: () => Model<MongoDoc>,
  claimId: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await collection.run(() => claims().insertMany([{ _id: claimId, createdAt: new Date() }]));
      return true;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    const stale = new Date(Date.now() - STALE_CLAIM_MS);
    const removed = await collection.run(() =>
      claims()
        .deleteOne({ _id: claimId, createdAt: { $lt: stale } })
        .exec(),
    );
    if (removed.deletedCount !== 1) return false;
  }
  return false;
}
