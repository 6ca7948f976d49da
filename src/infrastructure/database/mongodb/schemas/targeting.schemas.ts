import { FEATURE_FLAG_ENTITY, FLAG_REVISION_ENTITY } from '../../shared/entities/feature-flag.entity';
import {
  FLAG_CHANGE_REQUEST_ENTITY,
  FLAG_DRAFT_ENTITY,
  FLAG_SCHEDULE_ENTITY,
} from '../../shared/entities/flag-workflow.entity';
import { SEGMENT_ENTITY } from '../../shared/entities/segment.entity';
import { TRIGGER_ENTITY } from '../../shared/entities/trigger.entity';
import { type CollectionDef, collectionDef } from './mongo-schema';

export const TARGETING_COLLECTIONS = {
  // Short-lived claims that make compare-and-set updates atomic (mongo-compare-and-set.ts); Mongo
  // only, so not an entity.
  updateClaims: {
    collection: 'UpdateClaims',
    entity: 'UpdateClaim',
    fields: { createdAt: Date },
    indexes: [],
  },
  flags: collectionDef(FEATURE_FLAG_ENTITY),
  flagRevisions: collectionDef(FLAG_REVISION_ENTITY),
  flagDrafts: collectionDef(FLAG_DRAFT_ENTITY),
  flagChangeRequests: collectionDef(FLAG_CHANGE_REQUEST_ENTITY),
  flagSchedules: collectionDef(FLAG_SCHEDULE_ENTITY),
  triggers: collectionDef(TRIGGER_ENTITY),
  segments: collectionDef(SEGMENT_ENTITY),
} satisfies Record<string, CollectionDef>;
