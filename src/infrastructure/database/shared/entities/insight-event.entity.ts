import { EntitySchema } from 'typeorm';
import type { InsightFields } from '../../../../core/analytics/insight-fields';
import type { InsightEvent } from '../../../../core/insights/insight-event';
import { bigint, bool, double, jsonText, nullable, nullableText, primaryText, text } from './column-types';
import type { EntityDefinition } from './entity-definition';

/**
 * An event as stored: FeatBit's shape plus the fields core/analytics/insight-fields.ts extracts at
 * insert time (optional here, so a plain InsightEvent still fits; stored as null when absent).
 */
export type StoredInsightEvent = InsightEvent &
  Partial<InsightFields> & {
    /** PostgreSQL only, filled by its insert statement (migration 1763700000007). */
    sentToExperiment?: boolean | null;
    metricValue?: number | null;
  };

// Insight events for the standalone analytics path; timestamp in microseconds (FeatBit's unit).
// The uuid is the key (Mongo `_id`): re-inserted events are skipped by it.
export const INSIGHT_EVENT_ENTITY: EntityDefinition<StoredInsightEvent> = {
  schema: new EntitySchema<StoredInsightEvent>({
    name: 'InsightEvent',
    tableName: 'events',
    columns: {
      uuid: primaryText(),
      distinctId: text('distinct_id'),
      envId: text('env_id'),
      event: text(),
      properties: jsonText(),
      timestamp: bigint(),
      flagKey: nullableText('flag_key'),
      variationId: nullableText('variation_id'),
      userKey: nullableText('user_key'),
      userName: nullableText('user_name'),
      sentToExperiment: nullable(bool('sent_to_experiment')),
      metricValue: nullable(double('metric_value')),
    },
    indices: [
      { name: 'ix_events_env_timestamp', columns: ['envId', 'timestamp'] },
      // Per-flag reads (insights' partial hours, who-saw-what's edges): FlagValue rows only,
      // INCLUDE makes the insights scan index-only (migration 1763700000005).
      {
        name: 'ix_events_env_flag_timestamp',
        columns: ['envId', 'flagKey', 'timestamp'],
        where: 'flag_key IS NOT NULL',
      },
      // Experiment samples: a flag's experiment exposures in user order, so each user's first one
      // streams out of the index with no sort (1763700000016), and one metric's events (non-flag
      // events only) per user, for the recount of a user whose first exposure arrives (1763700000018).
      {
        name: 'ix_events_env_flag_experiment_user',
        columns: ['envId', 'flagKey', 'userKey', 'timestamp', 'variationId'],
        where: 'sent_to_experiment',
      },
      {
        name: 'ix_events_env_metric_user',
        columns: ['envId', 'distinctId', 'event', 'userKey', 'timestamp'],
        where: 'flag_key IS NULL',
      },
      // BRIN (block ranges; events arrive roughly in time order): the retention purge's scan.
      { name: 'ix_events_timestamp_brin', columns: ['timestamp'] },
    ],
  }),
  mongo: {
    collection: 'Events',
    indexes: [
      [{ envId: 1, timestamp: 1 }, { name: 'ix_events_env_timestamp' }],
      // Per-flag reads and the retention purge (FerretDB v1 pushes down only equality filters, so
      // these serve a real MongoDB more than the test server).
      [{ envId: 1, flagKey: 1, timestamp: 1 }, { name: 'ix_events_env_flag_timestamp' }],
      [{ timestamp: 1 }, { name: 'ix_events_timestamp' }],
      // Experiment samples: one metric's events (event name, type) in a window.
      [{ envId: 1, distinctId: 1, event: 1, timestamp: 1 }, { name: 'ix_events_env_metric_timestamp' }],
    ],
  },
};
