import { EntitySchema } from 'typeorm';
import type { FeatureFlag } from '../../../../core/flags/feature-flag';
import type { FlagRevisionRecord } from '../../../../core/ports/targeting.repositories';
import { bool, jsonb, marker, primaryId, stamps, text, textArray, timestamptz } from './column-types';
import type { EntityDefinition } from './entity-definition';

// Rule trees keep FeatBit's JSON shapes (jsonb / Mixed), served to SDKs as stored
// (docs/reference/data-model.md).
export const FEATURE_FLAG_ENTITY: EntityDefinition<FeatureFlag> = {
  schema: new EntitySchema<FeatureFlag>({
    name: 'FeatureFlag',
    tableName: 'feature_flags',
    columns: {
      id: primaryId,
      envId: text('env_id'),
      revision: text(),
      name: text(),
      description: text(),
      key: text(),
      variationType: text('variation_type'),
      variations: jsonb(),
      targetUsers: jsonb('target_users'),
      rules: jsonb(),
      isEnabled: bool('is_enabled'),
      disabledVariationId: text('disabled_variation_id'),
      fallthrough: jsonb(),
      exptIncludeAllTargets: bool('expt_include_all_targets'),
      tags: textArray(),
      isArchived: bool('is_archived'),
      isPermanent: marker('is_permanent'),
      creatorId: text('creator_id'),
      updatorId: text('updator_id'),
      ...stamps,
    },
    indices: [
      { name: 'uq_feature_flags_env_key', columns: ['envId', 'key'], unique: true },
      // SDK sync: flags of an environment changed since a timestamp.
      { name: 'ix_feature_flags_env_updated', columns: ['envId', 'updatedAt'] },
      { name: 'ix_feature_flags_tags', columns: ['tags'] },
    ],
  }),
  mongo: {
    collection: 'FeatureFlags',
    indexes: [
      [
        { envId: 1, key: 1 },
        { unique: true, name: 'uq_feature_flags_env_key' },
      ],
      [{ envId: 1, updatedAt: 1 }, { name: 'ix_feature_flags_env_updated' }],
    ],
  },
};

export const FLAG_REVISION_ENTITY: EntityDefinition<FlagRevisionRecord> = {
  schema: new EntitySchema<FlagRevisionRecord>({
    name: 'FlagRevision',
    tableName: 'flag_revisions',
    columns: {
      id: primaryId,
      flagId: text('flag_id'),
      flag: jsonb(),
      comment: text(),
      createdAt: timestamptz('created_at'),
    },
    indices: [{ name: 'ix_flag_revisions_flag', columns: ['flagId', 'createdAt'] }],
  }),
  mongo: {
    collection: 'FlagRevisions',
    indexes: [[{ flagId: 1, createdAt: -1 }, { name: 'ix_flag_revisions_flag' }]],
  },
};
