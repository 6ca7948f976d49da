import type { FlagUsage, FlagUsageDelta } from '../../../../core/insights/flag-usage';
import { FlagUsageRepository } from '../../../../core/ports/users-and-events.repositories';
import { FLAG_USAGE_ENTITY } from '../../shared/entities/flag-usage.entity';
import type { SqlSession } from '../postgres-session';
import { PgTable } from '../postgres-table';

const USAGE = PgTable.of(FLAG_USAGE_ENTITY);

export class PostgresFlagUsageRepository extends FlagUsageRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }

  async record(deltas: readonly FlagUsageDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    // One statement for the batch; LEAST/GREATEST make a re-delivered batch a no-op. Rows go in
    // key order, so concurrent batches (InsightConsumer runs two) lock them in the same order.
    await this.db.query(
      `INSERT INTO flag_usage (env_id, flag_key, first_evaluated_at, last_evaluated_at)
       SELECT d.env_id, d.flag_key, to_timestamp(d.first_ms / 1000.0), to_timestamp(d.last_ms / 1000.0)
       FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[]) AS d(env_id, flag_key, first_ms, last_ms)
       ORDER BY d.env_id, d.flag_key
       ON CONFLICT (env_id, flag_key) DO UPDATE SET
         first_evaluated_at = LEAST(flag_usage.first_evaluated_at, EXCLUDED.first_evaluated_at),
         last_evaluated_at = GREATEST(flag_usage.last_evaluated_at, EXCLUDED.last_evaluated_at)`,
      [
        deltas.map((d) => d.envId),
        deltas.map((d) => d.flagKey),
        deltas.map((d) => d.firstMs),
        deltas.map((d) => d.lastMs),
      ],
    );
  }

  find(envId: string, flagKey: string): Promise<FlagUsage | null> {
    return USAGE.findOne(this.db, 'env_id = $1 AND flag_key = $2', [envId, flagKey]);
  }

  async findByKeys(envId: string, flagKeys: readonly string[]): Promise<FlagUsage[]> {
    if (flagKeys.length === 0) return [];
    return USAGE.findMany(
      this.db,
      'env_id = $1 AND flag_key = ANY($2::text[])',
      [envId, [...flagKeys]],
      'flag_key',
    );
  }

  listByEnv(envId: string): Promise<FlagUsage[]> {
    return USAGE.findMany(this.db, 'env_id = $1', [envId], 'flag_key');
  }
}
