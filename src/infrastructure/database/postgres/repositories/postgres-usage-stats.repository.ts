import {
  type DailyUsage,
  type EnvironmentUsage,
  type UsageDateRange,
  type UsageRecord,
  yearMonth,
} from '../../../../core/analytics/usage';
import { UsageStatsRepository } from '../../../../core/ports/users-and-events.repositories';
import { tableName } from '../../shared/entities/entity-definition';
import {
  USAGE_END_USER_STATS_ENTITY,
  USAGE_EVENT_STATS_ENTITY,
  USAGE_RECORD_ENTITY,
} from '../../shared/entities/usage-stats.entity';
import { uniqueUsageRecords, usageCounters, usageFirstSightings } from '../../shared/usage-stats-batch';
import type { SqlSession } from '../postgres-session';

// The tables of the entity definitions (checked against the migration by the entity-definition test).
const RECORDS = tableName(USAGE_RECORD_ENTITY);
const EVENT_STATS = tableName(USAGE_EVENT_STATS_ENTITY);
const END_USER_STATS = tableName(USAGE_END_USER_STATS_ENTITY);

interface EnvRow {
  env_id: string;
  users: string;
  flag_evaluations: string;
  custom_metrics: string;
}

interface DayRow {
  day: string;
  users: string;
  flag_evaluations: string;
  custom_metrics: string;
}

/**
 * FeatBit's usage tables (WorkspaceService.SaveRecordsAsync / GetUsageAsync) with exactness added:
 * one transaction claims the batch's record ids (usage_records, ON CONFLICT DO NOTHING RETURNING)
 * and adds only the newly claimed ones to the daily counters, so a re-delivered record adds nothing.
 */
export class PostgresUsageStatsRepository extends UsageStatsRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }

  async apply(records: readonly UsageRecord[]): Promise<{ applied: number }> {
    const unique = uniqueUsageRecords(records);
    if (unique.length === 0) return { applied: 0 };
    return this.db.transaction(async (tx) => {
      // Ids in a fixed order, so two consumers claiming overlapping batches cannot deadlock.
      const claimed = await tx.query<{ id: string }>(
        `INSERT INTO ${RECORDS} (id, env_id, recorded_at, flag_evaluations, custom_metrics)
         SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::bigint[], $5::bigint[]) ORDER BY 1
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          unique.map((r) => r.id),
          unique.map((r) => r.envId),
          unique.map((r) => r.recordedAt),
          unique.map((r) => r.flagEvaluations),
          unique.map((r) => r.customMetrics),
        ],
      );
      const claimedIds = new Set(claimed.map((row) => row.id));
      const fresh = unique.filter((r) => claimedIds.has(r.id));
      if (fresh.length === 0) return { applied: 0 };
      const counters = usageCounters(fresh);
      if (counters.length > 0) {
        await tx.query(
          `INSERT INTO ${EVENT_STATS} (env_id, stats_date, flag_evaluations, custom_metrics)
           SELECT * FROM unnest($1::text[], $2::date[], $3::bigint[], $4::bigint[])
           ON CONFLICT (env_id, stats_date) DO UPDATE SET
             flag_evaluations = ${EVENT_STATS}.flag_evaluations + EXCLUDED.flag_evaluations,
             custom_metrics = ${EVENT_STATS}.custom_metrics + EXCLUDED.custom_metrics`,
          [
            counters.map((c) => c.envId),
            counters.map((c) => c.date),
            counters.map((c) => c.flagEvaluations),
            counters.map((c) => c.customMetrics),
          ],
        );
      }
      const sightings = usageFirstSightings(fresh);
      if (sightings.length > 0) {
        // Insert-if-absent; an earlier date (a record delivered late) moves the sighting back, so
        // the answer does not depend on the order records arrive in.
        await tx.query(
          `INSERT INTO ${END_USER_STATS} (env_id, year_month, user_key, first_seen_at)
           SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::date[])
           ON CONFLICT (env_id, year_month, user_key) DO UPDATE SET first_seen_at = EXCLUDED.first_seen_at
           WHERE EXCLUDED.first_seen_at < ${END_USER_STATS}.first_seen_at`,
          [
            sightings.map((s) => s.envId),
            sightings.map((s) => yearMonth(s.date)),
            sightings.map((s) => s.userKey),
            sightings.map((s) => s.date),
          ],
        );
      }
      return { applied: fresh.length };
    });
  }

  async byEnvironment(envIds: readonly string[], range: UsageDateRange): Promise<EnvironmentUsage[]> {
    if (envIds.length === 0) return [];
    const rows = await this.db.query<EnvRow>(
      `SELECT env_id, sum(users)::text AS users, sum(flag_evaluations)::text AS flag_evaluations,
              sum(custom_metrics)::text AS custom_metrics
       FROM (
         SELECT env_id, count(*) AS users, 0 AS flag_evaluations, 0 AS custom_metrics
         FROM ${END_USER_STATS}
         WHERE env_id = ANY($1::text[]) AND first_seen_at BETWEEN $2::date AND $3::date GROUP BY env_id
         UNION ALL
         SELECT env_id, 0, sum(flag_evaluations), sum(custom_metrics)
         FROM ${EVENT_STATS}
         WHERE env_id = ANY($1::text[]) AND stats_date BETWEEN $2::date AND $3::date GROUP BY env_id
       ) u
       GROUP BY env_id ORDER BY env_id`,
      [[...envIds], range.startDate, range.endDate],
    );
    return rows.map((r) => ({
      envId: r.env_id,
      uniqueUsers: Number(r.users),
      flagEvaluations: Number(r.flag_evaluations),
      customMetrics: Number(r.custom_metrics),
    }));
  }

  async daily(envIds: readonly string[], range: UsageDateRange): Promise<DailyUsage[]> {
    if (envIds.length === 0) return [];
    const rows = await this.db.query<DayRow>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(users)::text AS users,
              sum(flag_evaluations)::text AS flag_evaluations, sum(custom_metrics)::text AS custom_metrics
       FROM (
         SELECT first_seen_at AS day, count(*) AS users, 0 AS flag_evaluations, 0 AS custom_metrics
         FROM ${END_USER_STATS}
         WHERE env_id = ANY($1::text[]) AND first_seen_at BETWEEN $2::date AND $3::date GROUP BY first_seen_at
         UNION ALL
         SELECT stats_date, 0, sum(flag_evaluations), sum(custom_metrics)
         FROM ${EVENT_STATS}
         WHERE env_id = ANY($1::text[]) AND stats_date BETWEEN $2::date AND $3::date GROUP BY stats_date
       ) u
       GROUP BY day ORDER BY day`,
      [[...envIds], range.startDate, range.endDate],
    );
    return rows.map((r) => ({
      date: r.day,
      newUsers: Number(r.users),
      flagEvaluations: Number(r.flag_evaluations),
      customMetrics: Number(r.custom_metrics),
    }));
  }
}
