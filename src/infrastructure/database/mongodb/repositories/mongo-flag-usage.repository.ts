import type { FlagUsage, FlagUsageDelta } from '../../../../core/insights/flag-usage';
import { FlagUsageRepository } from '../../../../core/ports/users-and-events.repositories';
import { MongoCollection } from '../mongo-collection';
import type { MongoConnection } from '../mongo-connection';

export class MongoFlagUsageRepository extends FlagUsageRepository {
  private readonly c: MongoCollection<FlagUsage & { id: string }>;

  constructor(conn: MongoConnection) {
    super();
    this.c = new MongoCollection(() => conn.model('flagUsage'), 'FlagUsage', [
      { field: 'id' },
      { field: 'envId' },
      { field: 'flagKey' },
      { field: 'firstEvaluatedAt', kind: 'time' },
      { field: 'lastEvaluatedAt', kind: 'time' },
    ]);
  }

  async record(deltas: readonly FlagUsageDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    // $min/$max make a re-delivered batch a no-op; one unordered bulk write per batch.
    const ops = deltas.map((d) => ({
      updateOne: {
        filter: { _id: `${d.envId}-${d.flagKey}` },
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

  async find(envId: string, flagKey: string): Promise<FlagUsage | null> {
    return this.strip(await this.c.findOne({ envId, flagKey }));
  }

  async findByKeys(envId: string, flagKeys: readonly string[]): Promise<FlagUsage[]> {
    if (flagKeys.length === 0) return [];
    const rows = await this.c.findMany({ envId, flagKey: { $in: [...flagKeys] } }, { flagKey: 1 });
    return rows.map((r) => this.strip(r)!);
  }

  async listByEnv(envId: string): Promise<FlagUsage[]> {
    const rows = await this.c.findMany({ envId }, { flagKey: 1 });
    return rows.map((r) => this.strip(r)!);
  }

  private strip(row: (FlagUsage & { id: string }) | null): FlagUsage | null {
    if (row === null) return null;
    const { envId, flagKey, firstEvaluatedAt, lastEvaluatedAt } = row;
    return { envId, flagKey, firstEvaluatedAt, lastEvaluatedAt };
  }
}
