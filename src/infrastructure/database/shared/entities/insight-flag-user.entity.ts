import { EntitySchema } from 'typeorm';
import { bigint, nullableText, primaryText } from './column-types';
import { type EntityDefinition, linkId } from './entity-definition';

/**
 * One (flag, variation, user) pair over all stored FlagValue events: maintained in the statement
 * that inserts the events (PostgresInsightEventRepository). When no event of the flag is at or after
 * a range's end (the console asks up to now), who-saw-what and the period's distinct users are read
 * from here: the pairs with `lastUs` in the range.
 */
export interface InsightFlagUser {
  envId: string;
  flagKey: string;
  variationId: string;
  userKey: string;
  /** Earliest event stored for the pair, µs (the retention purge may since have removed it). */
  firstUs: number;
  /** Latest event, µs. */
  lastUs: number;
  /** The name on the latest event (ties: the greater name). */
  userName: string | null;
}

export const INSIGHT_FLAG_USER_ENTITY: EntityDefinition<InsightFlagUser> = {
  schema: new EntitySchema<InsightFlagUser>({
    name: 'InsightFlagUser',
    tableName: 'insight_flag_users',
    columns: {
      envId: primaryText('env_id'),
      flagKey: primaryText('flag_key'),
      variationId: primaryText('variation_id'),
      userKey: primaryText('user_key'),
      firstUs: bigint('first_us'),
      lastUs: bigint('last_us'),
      userName: nullableText('user_name'),
    },
    // Who-saw-what's order, index-only (migration 1763700000005).
    indices: [
      {
        name: 'ix_insight_flag_users_latest',
        columns: ['envId', 'flagKey', 'lastUs', 'variationId', 'userKey'],
      },
    ],
  }),
  mongo: {
    collection: 'InsightFlagUsers',
    id: (r) => linkId(r.envId, r.flagKey, r.variationId, r.userKey),
    indexes: [],
  },
};
