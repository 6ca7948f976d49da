import { EntitySchema } from 'typeorm';
import type { InsightEvent } from '../../../../core/insights/insight-event';
import { bigint, jsonText, primaryText, text } from './column-types';
import type { EntityDefinition } from './entity-definition';

// Insight events for the standalone analytics path; timestamp in microseconds (FeatBit's unit).
// The uuid is the key (Mongo `_id`): re-inserted events are skipped by it.
export const INSIGHT_EVENT_ENTITY: EntityDefinition<InsightEvent> = {
  schema: new EntitySchema<InsightEvent>({
    name: 'InsightEvent',
    tableName: 'events',
    columns: {
      uuid: primaryText(),
      distinctId: text('distinct_id'),
      envId: text('env_id'),
      event: text(),
      properties: jsonText(),
      timestamp: bigint(),
    },
    indices: [{ name: 'ix_events_env_timestamp', columns: ['envId', 'timestamp'] }],
  }),
  mongo: {
    collection: 'Events',
    indexes: [[{ envId: 1, timestamp: 1 }, { name: 'ix_events_env_timestamp' }]],
  },
};
