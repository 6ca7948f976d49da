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
  type WebhookDeliveryFilter,
  WebhookRepository,
} from '../../../../core/ports/integrations.repositories';
import type { Page, PageRequest } from '../../../../core/shared/paging';
import type { FlagChangeRequest, FlagDraft, FlagSchedule } from '../../../../core/workflow/workflow';
import type { Job } from '../../../../core/jobs/job';
import { EXPERIMENT_ENTITY, EXPERIMENT_METRIC_ENTITY } from '../../shared/entities/experiment.entity';
import { JOB_ENTITY } from '../../shared/entities/job.entity';
import {
  FLAG_CHANGE_REQUEST_ENTITY,
  FLAG_DRAFT_ENTITY,
  FLAG_SCHEDULE_ENTITY,
} from '../../shared/entities/flag-workflow.entity';
import { RELAY_PROXY_ENTITY } from '../../shared/entities/relay-proxy.entity';
import { TRIGGER_ENTITY } from '../../shared/entities/trigger.entity';
import { WEBHOOK_DELIVERY_ENTITY, WEBHOOK_ENTITY } from '../../shared/entities/webhook.entity';
import { pageWindow } from '../../shared/paging';
import { likePattern } from '../../shared/text-search';
import { toDate } from '../../shared/timestamps';
import type { SqlSession } from '../postgres-session';
import { PgTable } from '../postgres-table';

const WEBHOOKS = PgTable.of(WEBHOOK_ENTITY);
const JOBS = PgTable.of(JOB_ENTITY);
const DELIVERIES = PgTable.of(WEBHOOK_DELIVERY_ENTITY);
const TRIGGERS = PgTable.of(TRIGGER_ENTITY);
const METRICS = PgTable.of(EXPERIMENT_METRIC_ENTITY);
const EXPERIMENTS = PgTable.of(EXPERIMENT_ENTITY);
const RELAY_PROXIES = PgTable.of(RELAY_PROXY_ENTITY);
const DRAFTS = PgTable.of(FLAG_DRAFT_ENTITY);
const CHANGE_REQUESTS = PgTable.of(FLAG_CHANGE_REQUEST_ENTITY);
const SCHEDULES = PgTable.of(FLAG_SCHEDULE_ENTITY);

/** create / findById / update / delete over one table. */
function crud<T extends { id: string }>(table: PgTable<T>, db: SqlSession) {
  return {
    create: (record: T) => table.insert(db, record),
    findById: (id: string) => table.findById(db, id),
    update: (record: T) => table.updateOrThrow(db, record),
    delete: (id: string) => table.deleteById(db, id),
  };
}

/** The row lock of the UPDATE makes a concurrent writer wait, then find the status changed. */
async function updateIfStatus<T extends { status: string }>(
  db: SqlSession,
  table: PgTable<T>,
  record: T,
  expected: string,
): Promise<boolean> {
  const updated = await table.update(db, record, `status = $${table.updateParamCount() + 1}`, [expected]);
  return updated.length > 0;
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
  /** The webhook and its delivery log. */
  async delete(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM webhook_deliveries WHERE webhook_id = $1', [id]);
      await WEBHOOKS.deleteById(tx, id);
    });
  }
  list(organizationId: string, page: PageRequest & { name?: string }): Promise<Page<Webhook>> {
    return namedPage(this.db, WEBHOOKS, 'organization_id', organizationId, page);
  }
  enqueueEvent(organizationId: string, job: Job): Promise<void> {
    return JOBS.insertBlindWhere(
      this.db,
      job,
      (n) => `EXISTS (SELECT 1 FROM webhooks WHERE organization_id = $${n} AND is_active)`,
      [organizationId],
    );
  }
  async addDelivery(delivery: WebhookDelivery): Promise<void> {
    await DELIVERIES.insert(this.db, delivery);
  }
  listDeliveries(
    webhookId: string,
    page: PageRequest & WebhookDeliveryFilter,
  ): Promise<Page<WebhookDelivery>> {
    const params: unknown[] = [webhookId];
    let where = 'webhook_id = $1';
    if (page.event) {
      // `events` is FeatBit's comma-joined list: match one whole name.
      params.push(page.event);
      where += ` AND $${params.length} = ANY(string_to_array(events, ','))`;
    }
    if (page.success !== undefined) {
      params.push(page.success);
      where += ` AND success = $${params.length}`;
    }
    if (page.notBefore) {
      params.push(toDate(page.notBefore, 'notBefore').toISOString());
      where += ` AND started_at >= $${params.length}`;
    }
    return DELIVERIES.page(this.db, where, params, 'started_at DESC, id', pageWindow(page));
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
  list(
    envId: string,
    page: PageRequest & { name?: string; eventType?: number },
  ): Promise<Page<ExperimentMetric>> {
    const params: unknown[] = [envId];
    let where = 'env_id = $1 AND NOT is_archived';
    if (page.name) {
      params.push(likePattern(page.name));
      where += ` AND name ILIKE $${params.length} ESCAPE '\\'`;
    }
    if (page.eventType !== undefined) {
      params.push(page.eventType);
      where += ` AND event_type = $${params.length}`;
    }
    return METRICS.page(this.db, where, params, 'updated_at DESC, id', pageWindow(page));
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
  listActive(envId: string): Promise<Experiment[]> {
    return EXPERIMENTS.findMany(this.db, 'env_id = $1 AND NOT is_archived', [envId], 'created_at DESC, id');
  }
  listWatching(): Promise<Experiment[]> {
    return EXPERIMENTS.findMany(
      this.db,
      "guard->>'status' = 'Watching' AND NOT is_archived",
      [],
      'created_at, id',
    );
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
  listOpen(envId: string, limit: number): Promise<FlagChangeRequest[]> {
    return CHANGE_REQUESTS.findMany(
      this.db,
      `env_id = $1 AND status <> 'Applied'`,
      [envId],
      'created_at DESC, id',
      Math.max(1, Math.floor(limit)),
    );
  }
  updateIfStatus(record: FlagChangeRequest, expected: FlagChangeRequest['status']): Promise<boolean> {
    return updateIfStatus(this.db, CHANGE_REQUESTS, record, expected);
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
  updateIfStatus(record: FlagSchedule, expected: FlagSchedule['status']): Promise<boolean> {
    return updateIfStatus(this.db, SCHEDULES, record, expected);
  }
}
