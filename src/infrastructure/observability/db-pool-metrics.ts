import { Inject, Injectable } from '@nestjs/common';
import type { DbPoolUse } from '../../core/ports/metrics.port';
import { Metrics } from '../../core/ports/metrics.port';
import type { PostgresConnection } from '../database/postgres/postgres-connection';
import { PRIMARY_POSTGRES_CONNECTION } from '../database/postgres/primary-postgres-connection.provider';

interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function isPgPool(pool: unknown): pool is PgPoolCounts {
  const p = pool as Partial<PgPoolCounts> | null | undefined;
  return typeof p?.totalCount === 'number' && typeof p.idleCount === 'number';
}

/**
 * The primary PostgreSQL pool's use, read at scrape time from pg's Pool (the TypeORM driver's
 * `master`). Nothing on MongoDB, the edge replica or PGlite (one in-process session, no pool).
 */
export function poolUse(connection: PostgresConnection | null): DbPoolUse | null {
  if (connection === null) return null;
  let pool: unknown;
  try {
    pool = (connection.dataSource().driver as { master?: unknown }).master;
  } catch {
    return null; // not connected yet
  }
  if (!isPgPool(pool)) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

@Injectable()
export class DbPoolMetrics {
  constructor(metrics: Metrics, @Inject(PRIMARY_POSTGRES_CONNECTION) connection: PostgresConnection | null) {
    metrics.setDbPoolSource(() => poolUse(connection));
  }
}
