import { type CollectionDef, Mixed } from './mongo-schema';

const stamps = { createdAt: Date, updatedAt: Date };

export const TARGETING_COLLECTIONS = {
  // Short-lived claims that make compare-and-set updates atomic (mongo-compare-and-set.ts).
  updateClaims: {
    collection: 'UpdateClaims',
    entity: 'UpdateClaim',
    fields: { createdAt: Date },
    indexes: [],
  },
  flags: {
    collection: 'FeatureFlags',
    entity: 'FeatureFlag',
    // Rule trees keep FeatBit's JSON shapes (Mixed), served to SDKs as stored.
    fields: {
      envId: String,
      revision: String,
      name: String,
      description: String,
      key: String,
      variationType: String,
      variations: Mixed,
      targetUsers: Mixed,
      rules: Mixed,
      isEnabled: Boolean,
      disabledVariationId: String,
      fallthrough: Mixed,
      exptIncludeAllTargets: Boolean,
      tags: [String],
      isArchived: Boolean,
      creatorId: String,
      updatorId: String,
      ...stamps,
    },
    indexes: [
      [
        { envId: 1, key: 1 },
        { unique: true, name: 'uq_feature_flags_env_key' },
      ],
      [{ envId: 1, updatedAt: 1 }, { name: 'ix_feature_flags_env_updated' }],
    ],
  },
  flagRevisions: {
    collection: 'FlagRevisions',
    entity: 'FlagRevision',
    fields: { flagId: String, flag: Mixed, comment: String, createdAt: Date },
    indexes: [[{ flagId: 1, createdAt: -1 }, { name: 'ix_flag_revisions_flag' }]],
  },
  flagDrafts: {
    collection: 'FlagDrafts',
    entity: 'FlagDraft',
    fields: {
      envId: String,
      flagId: String,
      status: String,
      comment: String,
      dataChange: Mixed,
      creatorId: String,
      updatorId: String,
      ...stamps,
    },
    indexes: [[{ flagId: 1 }, { name: 'ix_flag_drafts_flag' }]],
  },
  flagChangeRequests: {
    collection: 'FlagChangeRequests',
    entity: 'FlagChangeRequest',
    fields: {
      organizationId: String,
      envId: String,
      flagDraftId: String,
      flagId: String,
      status: String,
      reason: String,
      reviewers: Mixed,
      scheduleId: String,
      ...stamps,
    },
    indexes: [[{ flagId: 1, createdAt: -1 }, { name: 'ix_flag_change_requests_flag' }]],
  },
  flagSchedules: {
    collection: 'FlagSchedules',
    entity: 'FlagSchedule',
    fields: {
      organizationId: String,
      envId: String,
      flagDraftId: String,
      flagId: String,
      status: String,
      title: String,
      scheduledTime: Date,
      changeRequestId: String,
      ...stamps,
    },
    indexes: [
      [{ flagId: 1, scheduledTime: 1 }, { name: 'ix_flag_schedules_flag' }],
      [{ status: 1, scheduledTime: 1 }, { name: 'ix_flag_schedules_due' }],
    ],
  },
  triggers: {
    collection: 'Triggers',
    entity: 'Trigger',
    fields: {
      targetId: String,
      type: String,
      action: String,
      tokenHash: String,
      description: String,
      isEnabled: Boolean,
      triggeredTimes: Number,
      lastTriggeredAt: Date,
      ...stamps,
    },
    indexes: [
      [{ tokenHash: 1 }, { unique: true, name: 'uq_triggers_token_hash' }],
      [{ targetId: 1, createdAt: 1 }, { name: 'ix_triggers_target' }],
    ],
  },
  segments: {
    collection: 'Segments',
    entity: 'Segment',
    // Shared segments are stored with envId "" and reach environments through scopes.
    fields: {
      workspaceId: String,
      envId: String,
      name: String,
      key: String,
      type: String,
      scopes: [String],
      description: String,
      included: [String],
      excluded: [String],
      rules: Mixed,
      tags: [String],
      isArchived: Boolean,
      ...stamps,
    },
    indexes: [
      // One plain unique index instead of two partial ones (FerretDB has no partialFilterExpression):
      // shared segments all have envId "", so this is unique per workspace for them and, as an
      // environment belongs to one workspace, unique per environment for the others.
      [
        { workspaceId: 1, envId: 1, key: 1 },
        { unique: true, name: 'uq_segments_scope_key' },
      ],
      [{ envId: 1, updatedAt: 1 }, { name: 'ix_segments_env_updated' }],
      [{ workspaceId: 1, scopes: 1 }, { name: 'ix_segments_workspace_scopes' }],
    ],
  },
} satisfies Record<string, CollectionDef>;
