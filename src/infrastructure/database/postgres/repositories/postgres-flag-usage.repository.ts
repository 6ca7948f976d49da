import type { FlagUsage, FlagUsageDelta } from '../../../../core/insights/flag-usage';
import { FlagUsageRepository } from '../../../../core/ports/users-and-events.repositories';
import type { Row, SqlSession } from '../postgres-session';
import { iso, str } from '../postgres-values';

const SELECT = 'env_id, flag_key, first_evaluated_at, last_evaluated_at';

function fromRow(row: Row): FlagUsage {
  return {
    envId: str(row.env_id),
    flagKey: str(row.flag_key),
    firstEvaluatedAt: iso(row.first_evaluated_at),
    lastEvaluatedAt: iso(row.last_evaluated_at),
  };
}

export class PostgresFlagUsageRepository extends FlagUsageRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }

  async record(deltas: readonly FlagUsageDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    // One statement for the batch; LEAST/GREATEST make a re-delivered batch a no-op.
    await this.db.query(
      `INSERT INTO flag_usage (env_id, flag_key, first_evaluated_at, last_evaluated_at)
       SELECT d.env_id, d.flag_key, to_timestamp(d.first_ms / 1000.0), to_timestamp(d.last_ms / 1000.0)
       FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[]) AS d(env_id, flag_key, first_ms, last_ms)
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

  async find(envId: string, flagKey: string): Promise<FlagUsage | null> {
    const rows = await this.db.query(`SELECT ${SELECT} FROM flag_usage WHERE env_id = $1 AND flag_key = $2`, [
      envId,
      flagKey,
    ]);
    return rows.length === 0 ? null : fromRow(rows[0]);
  }

  async findByKeys(envId: string, flagKeys: readonly string[]): Promise<FlagUsage[]> {
    if (flagKeys.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${SELECT} FROM flag_usage WHERE env_id = $1 AND flag_key = ANY($2::text[]) ORDER BY flag_key`,
      [envId, [...flagKeys]],
    );
    return rows.map(fromRow);
  }

  async listByEnv(envId: string): Promise<FlagUsage[]> {
    const rows = await this.db.query(`SELECT ${SELECT} FROM flag_usage WHERE env_id = $1 ORDER BY flag_key`, [
      envId,
    ]);
    return rows.map(fromRow);
  }
}
