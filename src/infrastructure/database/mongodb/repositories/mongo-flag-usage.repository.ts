import type { FlagUsage, FlagUsageDelta } from '../../../../core/insights/flag-usage';
import { FlagUsageRepository } from '../../../../core/ports/users-and-events.repositories';
import { FLAG_USAGE_ENTITY, flagUsageId } from '../../shared/entities/flag-usage.entity';
import { MongoCollection } from '../mongo-collection';
import type { MongoConnection } from '../mongo-connection';

export class MongoFlagUsageRepository extends FlagUsageRepository {
  private readonly c: MongoCollection<FlagUsage>;

  constructor(conn: MongoConnection) {
    super();
    this.c = MongoCollection.of(() => conn.model('flagUsage'), FLAG_USAGE_ENTITY);
  }

  async record(deltas: readonly FlagUsageDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    // $min/$max make a re-delivered batch a no-op; one unordered bulk write per batch.
    const ops = deltas.map((d) => ({
      updateOne: {
        filter: { _id: flagUsageId(d.envId, d.flagKey) },
        update: {
          $setOnInsert: { envId: d.envId, flagKey: d.flagKey },
          $min: { firstEvaluatedAt: new Date(d.firstMs) },
          $max: { lastEvaluatedAt: new Date(d.lastMs) },
        },
        upsert: true,
      },
    }));
    await this.c.run((m) => m.bulkWrite(ops, { ordered: false }));
  }

  find(envId: string, flagKey: string): Promise<FlagUsage | null> {
    return this.c.findOne({ envId, flagKey });
  }

  async findByKeys(envId: string, flagKeys: readonly string[]): Promise<FlagUsage[]> {
    if (flagKeys.length === 0) return [];
    return this.c.findMany({ envId, flagKey: { $in: [...flagKeys] } }, { flagKey: 1 });
  }

  listByEnv(envId: string): Promise<FlagUsage[]> {
    return this.c.findMany({ envId }, { flagKey: 1 });
  }
}
