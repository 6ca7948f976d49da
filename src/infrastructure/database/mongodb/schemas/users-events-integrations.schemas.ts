import { AUDIT_LOG_ENTITY } from '../../shared/entities/audit-log.entity';
import { END_USER_ENTITY, END_USER_PROPERTY_ENTITY } from '../../shared/entities/end-user.entity';
import { EXPERIMENT_ENTITY, EXPERIMENT_METRIC_ENTITY } from '../../shared/entities/experiment.entity';
import { FLAG_USAGE_ENTITY } from '../../shared/entities/flag-usage.entity';
import { JOB_ENTITY } from '../../shared/entities/job.entity';
import { INSIGHT_EVENT_ENTITY } from '../../shared/entities/insight-event.entity';
import { OUTBOX_ENTITY } from '../../shared/entities/outbox.entity';
import { RELAY_PROXY_ENTITY } from '../../shared/entities/relay-proxy.entity';
import { SYSTEM_SETTING_ENTITY } from '../../shared/entities/system-setting.entity';
import { USAGE_END_USER_STATS_ENTITY, USAGE_RECORD_ENTITY } from '../../shared/entities/usage-stats.entity';
import { WEBHOOK_DELIVERY_ENTITY, WEBHOOK_ENTITY } from '../../shared/entities/webhook.entity';
import { type CollectionDef, collectionDef } from './mongo-schema';

export const USERS_EVENTS_INTEGRATIONS_COLLECTIONS = {
  endUsers: collectionDef(END_USER_ENTITY),
  endUserProperties: collectionDef(END_USER_PROPERTY_ENTITY),
  auditLogs: collectionDef(AUDIT_LOG_ENTITY),
  events: collectionDef(INSIGHT_EVENT_ENTITY),
  flagUsage: collectionDef(FLAG_USAGE_ENTITY),
  usageRecords: collectionDef(USAGE_RECORD_ENTITY),
  usageEndUserStats: collectionDef(USAGE_END_USER_STATS_ENTITY),
  webhooks: collectionDef(WEBHOOK_ENTITY),
  webhookDeliveries: collectionDef(WEBHOOK_DELIVERY_ENTITY),
  relayProxies: collectionDef(RELAY_PROXY_ENTITY),
  experimentMetrics: collectionDef(EXPERIMENT_METRIC_ENTITY),
  experiments: collectionDef(EXPERIMENT_ENTITY),
  outbox: collectionDef(OUTBOX_ENTITY),
  jobs: collectionDef(JOB_ENTITY),
  systemSettings: collectionDef(SYSTEM_SETTING_ENTITY),
} satisfies Record<string, CollectionDef>;
