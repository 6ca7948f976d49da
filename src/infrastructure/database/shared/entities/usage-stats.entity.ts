import { EntitySchema } from 'typeorm';
import { bigint, integer, primaryId, primaryText, text } from './column-types';
import { type EntityDefinition, linkId } from './entity-definition';

// Workspace usage metering (core/analytics/usage.ts), after FeatBit's usage_end_user_stats and
// usage_event_stats (infra/postgresql/docker-entrypoint-initdb.d/v5.3.2.sql), plus the record ids
// already applied so a re-delivered record changes nothing. Dates are `YYYY-MM-DD` (a SQL date, a
// string in Mongo).

const date = (name: string) => ({ type: 'date' as const, name });

/** One applied usage record (its id is the idempotency key). Mongo sums these at read time. */
export interface UsageRecordRow {
  id: string;
  envId: string;
  recordedAt: string;
  flagEvaluations: number;
  customMetrics: number;
}

export const USAGE_RECORD_ENTITY: EntityDefinition<UsageRecordRow> = {
  schema: new EntitySchema<UsageRecordRow>({
    name: 'UsageRecord',
    tableName: 'usage_records',
    columns: {
      id: primaryId,
      envId: text('env_id'),
      recordedAt: date('recorded_at'),
      flagEvaluations: bigint('flag_evaluations'),
      customMetrics: bigint('custom_metrics'),
    },
  }),
  mongo: {
    collection: 'UsageRecords',
    indexes: [[{ envId: 1, recordedAt: 1 }, { name: 'ix_usage_records_env_date' }]],
  },
};

/** Daily counters per environment (PostgreSQL only: Mongo sums UsageRecords instead). */
export interface UsageEventStatsRow {
  envId: string;
  statsDate: string;
  flagEvaluations: number;
  customMetrics: number;
}

export const USAGE_EVENT_STATS_ENTITY: EntityDefinition<UsageEventStatsRow> = {
  schema: new EntitySchema<UsageEventStatsRow>({
    name: 'UsageEventStats',
    tableName: 'usage_event_stats',
    columns: {
      envId: primaryText('env_id'),
      statsDate: { ...date('stats_date'), primary: true },
      flagEvaluations: bigint('flag_evaluations'),
      customMetrics: bigint('custom_metrics'),
    },
  }),
  mongo: {
    collection: 'UsageEventStats',
    id: (row) => linkId(row.envId, row.statsDate),
    indexes: [],
  },
};

/** A user's first sighting in an environment in a month (`yearMonth` = YYYYMM). */
export interface UsageEndUserStatsRow {
  envId: string;
  yearMonth: number;
  userKey: string;
  firstSeenAt: string;
}

export const usageEndUserId = (envId: string, yearMonth: number, userKey: string): string =>
  linkId(envId, String(yearMonth), userKey);

export const USAGE_END_USER_STATS_ENTITY: EntityDefinition<UsageEndUserStatsRow> = {
  schema: new EntitySchema<UsageEndUserStatsRow>({
    name: 'UsageEndUserStats',
    tableName: 'usage_end_user_stats',
    columns: {
      envId: primaryText('env_id'),
      yearMonth: { ...integer('year_month'), primary: true },
      userKey: primaryText('user_key'),
      firstSeenAt: date('first_seen_at'),
    },
    indices: [{ name: 'ix_usage_end_user_stats_env_date', columns: ['envId', 'firstSeenAt'] }],
  }),
  mongo: {
    collection: 'UsageEndUserStats',
    id: (row) => usageEndUserId(row.envId, row.yearMonth, row.userKey),
    indexes: [[{ envId: 1, firstSeenAt: 1 }, { name: 'ix_usage_end_user_stats_env_date' }]],
  },
};
