import { EntitySchema } from 'typeorm';
import { bigint, nullableText, primaryText } from './column-types';
import { type EntityDefinition, linkId } from './entity-definition';

/**
 * FlagValue events of one flag, variation and user in one UTC hour: maintained in the statement that
 * inserts the events (PostgresInsightEventRepository), read by flag insights and who-saw-what for
 * whole hours. Per user, so distinct users stay exact when hours are summed into any bucket.
 */
export interface InsightHourlyRollup {
  envId: string;
  flagKey: string;
  /** Start of the UTC hour, µs. */
  hourUs: number;
  variationId: string;
  userKey: string;
  evaluations: number;
  /** Latest event of the hour, µs. */
  lastUs: number;
  /** The name on the latest event (ties: the greater name). */
  userName: string | null;
}

export const INSIGHT_HOURLY_ROLLUP_ENTITY: EntityDefinition<InsightHourlyRollup> = {
  schema: new EntitySchema<InsightHourlyRollup>({
    name: 'InsightHourlyRollup',
    tableName: 'insight_hourly_rollups',
    columns: {
      envId: primaryText('env_id'),
      flagKey: primaryText('flag_key'),
      hourUs: { ...bigint('hour_us'), primary: true },
      variationId: primaryText('variation_id'),
      userKey: primaryText('user_key'),
      evaluations: bigint(),
      lastUs: bigint('last_us'),
      userName: nullableText('user_name'),
    },
    indices: [{ name: 'ix_insight_hourly_rollups_hour_brin', columns: ['hourUs'] }],
  }),
  mongo: {
    collection: 'InsightHourlyRollups',
    id: (r) => linkId(r.envId, r.flagKey, String(r.hourUs), r.variationId, r.userKey),
    indexes: [
      [
        { envId: 1, flagKey: 1, hourUs: 1, variationId: 1, userKey: 1 },
        { unique: true, name: 'uq_insight_hourly_rollups' },
      ],
    ],
  },
};
