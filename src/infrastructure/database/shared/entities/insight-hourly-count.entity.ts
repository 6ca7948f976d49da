import { EntitySchema } from 'typeorm';
import { bigint, primaryText } from './column-types';
import { type EntityDefinition, linkId } from './entity-definition';

/**
 * FlagValue events of one flag and variation in one UTC hour: maintained in the statement that
 * inserts the events (PostgresInsightEventRepository), so flag insights count evaluations of whole
 * hours from a few rows instead of one row per user.
 */
export interface InsightHourlyCount {
  envId: string;
  flagKey: string;
  /** Start of the UTC hour, µs. */
  hourUs: number;
  variationId: string;
  evaluations: number;
}

export const INSIGHT_HOURLY_COUNT_ENTITY: EntityDefinition<InsightHourlyCount> = {
  schema: new EntitySchema<InsightHourlyCount>({
    name: 'InsightHourlyCount',
    tableName: 'insight_hourly_counts',
    columns: {
      envId: primaryText('env_id'),
      flagKey: primaryText('flag_key'),
      hourUs: { ...bigint('hour_us'), primary: true },
      variationId: primaryText('variation_id'),
      evaluations: bigint(),
    },
  }),
  mongo: {
    collection: 'InsightHourlyCounts',
    id: (r) => linkId(r.envId, r.flagKey, String(r.hourUs), r.variationId),
    indexes: [],
  },
};
