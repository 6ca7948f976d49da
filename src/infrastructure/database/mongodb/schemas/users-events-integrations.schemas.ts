import { type CollectionDef, Mixed } from './mongo-schema';

const stamps = { createdAt: Date, updatedAt: Date };

export const USERS_EVENTS_INTEGRATIONS_COLLECTIONS = {
  endUsers: {
    collection: 'EndUsers',
    entity: 'EndUser',
    fields: {
      workspaceId: String,
      envId: String,
      keyId: String,
      name: String,
      customizedProperties: Mixed,
      ...stamps,
    },
    indexes: [
      // One index for both kinds: env users have workspaceId null, global users envId null.
      [
        { envId: 1, keyId: 1, workspaceId: 1 },
        { unique: true, name: 'uq_end_users_env_key_id' },
      ],
      // Cursor paging: (updatedAt desc, _id desc) within an environment.
      [{ envId: 1, updatedAt: -1, _id: -1 }, { name: 'ix_end_users_env_updated' }],
    ],
  },
  endUserProperties: {
    collection: 'EndUserProperties',
    entity: 'EndUserProperty',
    fields: {
      envId: String,
      name: String,
      presetValues: Mixed,
      usePresetValuesOnly: Boolean,
      isBuiltIn: Boolean,
      isDigestField: Boolean,
      remark: String,
      ...stamps,
    },
    indexes: [
      [
        { envId: 1, name: 1 },
        { unique: true, name: 'uq_end_user_properties_env_name' },
      ],
    ],
  },
  auditLogs: {
    collection: 'AuditLogs',
    entity: 'AuditLog',
    fields: {
      envId: String,
      organizationId: String,
      refId: String,
      refType: String,
      keyword: String,
      operation: String,
      dataChange: Mixed,
      comment: String,
      creatorId: String,
      createdAt: Date,
    },
    indexes: [
      [{ envId: 1, refId: 1, createdAt: -1 }, { name: 'ix_audit_logs_env_ref' }],
      [{ organizationId: 1, createdAt: -1 }, { name: 'ix_audit_logs_organization' }],
    ],
  },
  events: {
    collection: 'Events',
    entity: 'InsightEvent',
    // _id is the event uuid: re-inserted events are skipped by the primary key.
    fields: { distinctId: String, envId: String, event: String, properties: String, timestamp: Number },
    indexes: [[{ envId: 1, timestamp: 1 }, { name: 'ix_events_env_timestamp' }]],
  },
  flagUsage: {
    collection: 'FlagUsage',
    entity: 'FlagUsage',
    // _id is `<envId>-<flagKey>` (FeatBit's flagId), so a batch upserts by primary key.
    fields: { envId: String, flagKey: String, firstEvaluatedAt: Date, lastEvaluatedAt: Date },
    indexes: [
      [
        { envId: 1, flagKey: 1 },
        { unique: true, name: 'uq_flag_usage_env_key' },
      ],
    ],
  },
  webhooks: {
    collection: 'Webhooks',
    entity: 'Webhook',
    fields: {
      organizationId: String,
      name: String,
      url: String,
      scopes: [String],
      events: [String],
      headers: Mixed,
      payloadTemplateType: String,
      payloadTemplate: String,
      secret: String,
      isActive: Boolean,
      preventEmptyPayloads: Boolean,
      lastDelivery: Mixed,
      creatorId: String,
      updatorId: String,
      ...stamps,
    },
    indexes: [
      [
        { organizationId: 1, name: 1 },
        { unique: true, name: 'uq_webhooks_organization_name' },
      ],
    ],
  },
  webhookDeliveries: {
    collection: 'WebhookDeliveries',
    entity: 'WebhookDelivery',
    fields: {
      webhookId: String,
      success: Boolean,
      events: String,
      request: Mixed,
      response: Mixed,
      error: Mixed,
      startedAt: Date,
      endedAt: Date,
    },
    indexes: [[{ webhookId: 1, startedAt: -1 }, { name: 'ix_webhook_deliveries_webhook' }]],
  },
  relayProxies: {
    collection: 'RelayProxies',
    entity: 'RelayProxy',
    fields: {
      organizationId: String,
      name: String,
      keyHash: String,
      description: String,
      isAllEnvs: Boolean,
      scopes: Mixed,
      agents: Mixed,
      autoAgents: Mixed,
      ...stamps,
    },
    indexes: [
      [{ keyHash: 1 }, { unique: true, name: 'uq_relay_proxies_key_hash' }],
      [{ organizationId: 1, createdAt: -1 }, { name: 'ix_relay_proxies_organization' }],
    ],
  },
  experimentMetrics: {
    collection: 'ExperimentMetrics',
    entity: 'ExperimentMetric',
    fields: {
      envId: String,
      name: String,
      description: String,
      maintainerUserId: String,
      eventName: String,
      eventType: Number,
      customEventTrackOption: Number,
      customEventUnit: String,
      customEventSuccessCriteria: Number,
      elementTargets: String,
      targetUrls: Mixed,
      isArchived: Boolean,
      ...stamps,
    },
    indexes: [[{ envId: 1, createdAt: -1 }, { name: 'ix_experiment_metrics_env' }]],
  },
  experiments: {
    collection: 'Experiments',
    entity: 'Experiment',
    fields: {
      envId: String,
      metricId: String,
      featureFlagId: String,
      isArchived: Boolean,
      status: String,
      baselineVariationId: String,
      alpha: Number,
      iterations: Mixed,
      ...stamps,
    },
    indexes: [
      [{ envId: 1, createdAt: -1 }, { name: 'ix_experiments_env' }],
      [{ featureFlagId: 1 }, { name: 'ix_experiments_flag' }],
    ],
  },
  outbox: {
    collection: 'Outbox',
    entity: 'OutboxMessage',
    fields: { topic: String, payload: String, attempts: Number, createdAt: Date },
    indexes: [[{ createdAt: 1, _id: 1 }, { name: 'ix_outbox_created' }]],
  },
  systemSettings: {
    collection: 'SystemSettings',
    entity: 'SystemSetting',
    fields: { value: String, updatedAt: Date },
    indexes: [],
  },
} satisfies Record<string, CollectionDef>;
