import { INSIGHT_HOURLY_ROLLUP_ENTITY } from '../../shared/entities/insight-hourly-rollup.entity';
import { type CollectionDef, collectionDef } from './mongo-schema';

const rollups = collectionDef(INSIGHT_HOURLY_ROLLUP_ENTITY);

/**
 * The analytics read model on MongoDB (mongo-insight-event.repository.ts): the hourly rollups of
 * the shared entity, plus `lastKey` (latest time and name in one string, so `$max` keeps both
 * together without a transaction), and the pending markers of hours whose rollups may be wrong.
 */
export const ANALYTICS_COLLECTIONS = {
  insightHourlyRollups: { ...rollups, fields: { ...rollups.fields, lastKey: String } },
  insightRollupPending: {
    collection: 'InsightRollupPending',
    entity: 'InsightRollupPending',
    fields: { batch: String, envId: String, flagKey: String, hourUs: Number, createdAt: Date },
    indexes: [
      [{ envId: 1, flagKey: 1, hourUs: 1 }, { name: 'ix_insight_rollup_pending_flag_hour' }],
      [{ batch: 1 }, { name: 'ix_insight_rollup_pending_batch' }],
      [{ hourUs: 1 }, { name: 'ix_insight_rollup_pending_hour' }],
    ],
  },
} satisfies Record<string, CollectionDef>;
