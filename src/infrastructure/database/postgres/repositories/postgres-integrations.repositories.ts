import type { Experiment, ExperimentMetric } from '../../../../core/experiments/experiments';
import type {
  RelayProxy,
  Trigger,
  Webhook,
  WebhookDelivery,
} from '../../../../core/integrations/integrations';
import {
  ExperimentMetricRepository,
  ExperimentRepository,
  FlagChangeRequestRepository,
  FlagDraftRepository,
  FlagScheduleRepository,
  RelayProxyRepository,
  TriggerRepository,
  WebhookRepository,
} from '../../../../core/ports/integrations.repositories';
import type { Page, PageRequest } from '../../../../core/shared/paging';
import type { FlagChangeRequest, FlagDraft, FlagSchedule } from '../../../../core/workflow/workflow';
import { pageWindow } from '../../shared/paging';
import { likePattern } from '../../shared/text-search';
import { toDate } from '../../shared/timestamps';
import type { SqlSession } from '../postgres-session';
import { type ColumnSpec, PgTable } from '../postgres-table';

const time = <T>(field: keyof T & string, column: string): ColumnSpec<T> => ({ field, column, kind: 'time' });
const json = <T>(field: keyof T & string, column: string): ColumnSpec<T> => ({ field, column, kind: 'json' });
const stamps = <T extends { createdAt: string; updatedAt: string }>(): ColumnSpec<T>[] => [
  time<T>('createdAt', 'created_at'),
  time<T>('updatedAt', 'updated_at'),
];

const WEBHOOKS = new PgTable<Webhook>('webhooks', 'Webhook', [
  { field: 'id', column: 'id' },
  { field: 'organizationId', column: 'organization_id' },
  { field: 'name', column: 'name' },
  { field: 'url', column: 'url' },
  { field: 'scopes', column: 'scopes', kind: 'array' },
  { field: 'events', column: 'events', kind: 'array' },
  json('headers', 'headers'),
  { field: 'payloadTemplateType', column: 'payload_template_type' },
  { field: 'payloadTemplate', column: 'payload_template' },
  { field: 'secret', column: 'secret' },
  { field: 'isActive', column: 'is_active' },
  { field: 'preventEmptyPayloads', column: 'prevent_empty_payloads' },
  json('lastDelivery', 'last_delivery'),
  { field: 'creatorId', column: 'creator_id' },
  { field: 'updatorId', column: 'updator_id' },
  ...stamps<Webhook>(),
]);

const DELIVERIES = new PgTable<WebhookDelivery>('webhook_deliveries', 'WebhookDelivery', [
  { field: 'id', column: 'id' },
  { field: 'webhookId', column: 'webhook_id' },
  { field: 'success', column: 'success' },
  { field: 'events', column: 'events' },
  json('request', 'request'),
  json('response', 'response'),
  json('error', 'error'),
  time('startedAt', 'started_at'),
  time('endedAt', 'ended_at'),
]);

const TRIGGERS = new PgTable<Trigger>('triggers', 'Trigger', [
  { field: 'id', column: 'id' },
  { field: 'targetId', column: 'target_id' },
  { field: 'type', column: 'type' },
  { field: 'action', column: 'action' },
  { field: 'tokenHash', column: 'token_hash' },
  { field: 'description', column: 'description' },
  { field: 'isEnabled', column: 'is_enabled' },
  { field: 'triggeredTimes', column: 'triggered_times', kind: 'number' },
  time('lastTriggeredAt', 'last_triggered_at'),
  ...stamps<Trigger>(),
]);

const METRICS = new PgTable<ExperimentMetric>('experiment_metrics', 'ExperimentMetric', [
  { field: 'id', column: 'id' },
  { field: 'envId', column: 'env_id' },
  { field: 'name', column: 'name' },
  { field: 'description', column: 'description' },
  { field: 'maintainerUserId', column: 'maintainer_user_id' },
  { field: 'eventName', column: 'event_name' },
  { field: 'eventType', column: 'event_type', kind: 'number' },
  { field: 'customEventTrackOption', column: 'custom_event_track_option', kind: 'number' },
  { field: 'customEventUnit', column: 'custom_event_unit' },
  { field: 'customEventSuccessCriteria', column: 'custom_event_success_criteria', kind: 'number' },
  { field: 'elementTargets', column: 'element_targets' },
  json('targetUrls', 'target_urls'),
  { field: 'isArchived', column: 'is_archived' },
  ...stamps<ExperimentMetric>(),
]);

const EXPERIMENTS = new PgTable<Experiment>('experiments', 'Experiment', [
  { field: 'id', column: 'id' },
  { field: 'envId', column: 'env_id' },
  { field: 'metricId', column: 'metric_id' },
  { field: 'featureFlagId', column: 'feature_flag_id' },
  { field: 'isArchived', column: 'is_archived' },
  { field: 'status', column: 'status' },
  { field: 'baselineVariationId', column: 'baseline_variation_id' },
  { field: 'alpha', column: 'alpha', kind: 'number' },
  json('iterations', 'iterations'),
  ...stamps<Experiment>(),
]);

const RELAY_PROXIES = new PgTable<RelayProxy>('relay_proxies', 'RelayProxy', [
  { field: 'id', column: 'id' },
  { field: 'organizationId', column: 'organization_id' },
  { field: 'name', column: 'name' },
  { field: 'keyHash', column: 'key_hash' },
  { field: 'description', column: 'description' },
  { field: 'isAllEnvs', column: 'is_all_envs' },
  json('scopes', 'scopes'),
  json('agents', 'agents'),
  json('autoAgents', 'auto_agents'),
  ...stamps<RelayProxy>(),
]);

const DRAFTS = new PgTable<FlagDraft>('flag_drafts', 'FlagDraft', [
  { field: 'id', column: 'id' },
  { field: 'envId', column: 'env_id' },
  { field: 'flagId', column: 'flag_id' },
  { field: 'status', column: 'status' },
  { field: 'comment', column: 'comment' },
  json('dataChange', 'data_change'),
  { field: 'creatorId', column: 'creator_id' },
  { field: 'updatorId', column: 'updator_id' },
  ...stamps<FlagDraft>(),
]);

const CHANGE_REQUESTS = new PgTable<FlagChangeRequest>('flag_change_requests', 'FlagChangeRequest', [
  { field: 'id', column: 'id' },
  { field: 'organizationId', column: 'organization_id' },
  { field: 'envId', column: 'env_id' },
  { field: 'flagDraftId', column: 'flag_draft_id' },
  { field: 'flagId', column: 'flag_id' },
  { field: 'status', column: 'status' },
  { field: 'reason', column: 'reason' },
  json('reviewers', 'reviewers'),
  { field: 'scheduleId', column: 'schedule_id' },
  ...stamps<FlagChangeRequest>(),
]);

const SCHEDULES = new PgTable<FlagSchedule>('flag_schedules', 'FlagSchedule', [
  { field: 'id', column: 'id' },
  { field: 'organizationId', column: 'organization_id' },
  { field: 'envId', column: 'env_id' },
  { field: 'flagDraftId', column: 'flag_draft_id' },
  { field: 'flagId', column: 'flag_id' },
  { field: 'status', column: 'status' },
  { field: 'title', column: 'title' },
  time('scheduledTime', 'scheduled_time'),
  { field: 'changeRequestId', column: 'change_request_id' },
  ...stamps<FlagSchedule>(),
]);

/** create / findById / update / delete over one table. */
function crud<T extends { id: string }>(table: PgTable<T>, db: SqlSession) {
  return {
    create: (record: T) => table.insert(db, record),
    findById: (id: string) => table.findById(db, id),
    update: (record: T) => table.updateOrThrow(db, record),
    delete: (id: string) => table.deleteById(db, id),
  };
}

function namedPage<T extends object>(
  db: SqlSession,
  table: PgTable<T>,
  ownerColumn: string,
  owner: string,
  page: PageRequest & { name?: string },
): Promise<Page<T>> {
  const params: unknown[] = [owner];
  let where = `${ownerColumn} = $1`;
  if (page.name) {
    params.push(likePattern(page.name));
    where += ` AND name ILIKE $2 ESCAPE '\\'`;
  }
  return table.page(db, where, params, 'created_at DESC, id', pageWindow(page));
}

export class PostgresWebhookRepository extends WebhookRepository {
  private readonly ops;
  constructor(private readonly db: SqlSession) {
    super();
    this.ops = crud(WEBHOOKS, db);
  }
  create = (r: Webhook) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: Webhook) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  list(organizationId: string, page: PageRequest & { name?: string }): Promise<Page<Webhook>> {
    return namedPage(this.db, WEBHOOKS, 'organization_id', organizationId, page);
  }
  async addDelivery(delivery: WebhookDelivery): Promise<void> {
    await DELIVERIES.insert(this.db, delivery);
  }
  listDeliveries(webhookId: string, page: PageRequest): Promise<Page<WebhookDelivery>> {
    return DELIVERIES.page(this.db, 'webhook_id = $1', [webhookId], 'started_at DESC, id', pageWindow(page));
  }
}

export class PostgresTriggerRepository extends TriggerRepository {
  private readonly ops;
  constructor(private readonly db: SqlSession) {
    super();
    this.ops = crud(TRIGGERS, db);
  }
  create = (r: Trigger) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: Trigger) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  listByTarget(targetId: string): Promise<Trigger[]> {
    return TRIGGERS.findMany(this.db, 'target_id = $1', [targetId], 'created_at, id');
  }
  findByTokenHash(tokenHash: string): Promise<Trigger | null> {
    return TRIGGERS.findOne(this.db, 'token_hash = $1', [tokenHash]);
  }
}

export class PostgresExperimentMetricRepository extends ExperimentMetricRepository {
  private readonly ops;
  constructor(private readonly db: SqlSession) {
    super();
    this.ops = crud(METRICS, db);
  }
  create = (r: ExperimentMetric) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: ExperimentMetric) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  list(envId: string, page: PageRequest & { name?: string }): Promise<Page<ExperimentMetric>> {
    return namedPage(this.db, METRICS, 'env_id', envId, page);
  }
}

export class PostgresExperimentRepository extends ExperimentRepository {
  private readonly ops;
  constructor(private readonly db: SqlSession) {
    super();
    this.ops = crud(EXPERIMENTS, db);
  }
  create = (r: Experiment) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: Experiment) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  list(envId: string, page: PageRequest & { featureFlagId?: string }): Promise<Page<Experiment>> {
    const params: unknown[] = [envId];
    let where = 'env_id = $1';
    if (page.featureFlagId) {
      params.push(page.featureFlagId);
      where += ' AND feature_flag_id = $2';
    }
    return EXPERIMENTS.page(this.db, where, params, 'created_at DESC, id', pageWindow(page));
  }
}

export class PostgresRelayProxyRepository extends RelayProxyRepository {
  private readonly ops;
  constructor(private readonly db: SqlSession) {
    super();
    this.ops = crud(RELAY_PROXIES, db);
  }
  create = (r: RelayProxy) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: RelayProxy) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  list(organizationId: string, page: PageRequest & { name?: string }): Promise<Page<RelayProxy>> {
    return namedPage(this.db, RELAY_PROXIES, 'organization_id', organizationId, page);
  }
  findByKeyHash(keyHash: string): Promise<RelayProxy | null> {
    return RELAY_PROXIES.findOne(this.db, 'key_hash = $1', [keyHash]);
  }
}

export class PostgresFlagDraftRepository extends FlagDraftRepository {
  private readonly ops;
  constructor(db: SqlSession) {
    super();
    this.ops = crud(DRAFTS, db);
  }
  create = (r: FlagDraft) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: FlagDraft) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
}

export class PostgresFlagChangeRequestRepository extends FlagChangeRequestRepository {
  private readonly ops;
  constructor(private readonly db: SqlSession) {
    super();
    this.ops = crud(CHANGE_REQUESTS, db);
  }
  create = (r: FlagChangeRequest) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: FlagChangeRequest) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  listByFlag(flagId: string): Promise<FlagChangeRequest[]> {
    return CHANGE_REQUESTS.findMany(this.db, 'flag_id = $1', [flagId], 'created_at DESC, id');
  }
}

export class PostgresFlagScheduleRepository extends FlagScheduleRepository {
  private readonly ops;
  constructor(private readonly db: SqlSession) {
    super();
    this.ops = crud(SCHEDULES, db);
  }
  create = (r: FlagSchedule) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: FlagSchedule) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  listByFlag(flagId: string): Promise<FlagSchedule[]> {
    return SCHEDULES.findMany(this.db, 'flag_id = $1', [flagId], 'scheduled_time, id');
  }
  /** Schedules waiting to run whose time has come. */
  listDue(before: string): Promise<FlagSchedule[]> {
    return SCHEDULES.findMany(
      this.db,
      `status = 'PendingExecution' AND scheduled_time <= $1::timestamptz`,
      [toDate(before, 'before').toISOString()],
      'scheduled_time, id',
    );
  }
}
