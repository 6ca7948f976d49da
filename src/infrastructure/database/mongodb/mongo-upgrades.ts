import type { Model } from 'mongoose';
import { experimentActiveSlot } from '../shared/entities/experiment.entity';
import type { MongoDoc } from './schemas/mongo-schema';

/**
 * Data changes a new unique index needs before syncIndexes can build it on an existing database
 * (PostgreSQL does the same in its migrations). Each step is idempotent and finds nothing to do on
 * a database it already ran on, so it costs one count at every start.
 */
export async function upgradeBeforeIndexes(models: { experiments: Model<MongoDoc> }): Promise<void> {
  await fillExperimentSlots(models.experiments);
}

interface StoredExperiment {
  _id: string;
  featureFlagId: string;
  metricId: string;
  isArchived: boolean;
  activeSlot?: string;
}

/**
 * `activeSlot` (uq_experiments_active_slot) for experiments written before it existed. Experiments
 * that are not archived and share a (flag, metric) with an older one (left by the read-then-insert
 * race the index closes) are archived, as PostgreSQL's migration 1763700000015 does.
 */
async function fillExperimentSlots(model: Model<MongoDoc>): Promise<void> {
  if ((await model.countDocuments({ activeSlot: { $exists: false } }).exec()) === 0) return;
  const docs = await model
    .find({}, { _id: 1, featureFlagId: 1, metricId: 1, isArchived: 1, activeSlot: 1 })
    .sort({ createdAt: 1, _id: 1 })
    .lean<StoredExperiment[]>()
    .exec();
  const taken = new Set<string>();
  for (const doc of docs) {
    const pair = `${doc.featureFlagId}:${doc.metricId}`;
    const duplicate = !doc.isArchived && taken.has(pair);
    if (!doc.isArchived) taken.add(pair);
    const isArchived = doc.isArchived || duplicate;
    const activeSlot = experimentActiveSlot({ ...doc, id: doc._id, isArchived });
    if (doc.activeSlot === activeSlot && !duplicate) continue;
    const set: Record<string, unknown> = { activeSlot };
    if (duplicate) Object.assign(set, { isArchived: true, status: 'Paused', updatedAt: new Date() });
    await model.updateOne({ _id: doc._id }, { $set: set }).exec();
  }
}
