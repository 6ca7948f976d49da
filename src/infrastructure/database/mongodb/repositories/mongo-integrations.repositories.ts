import type { Model } from 'mongoose';
import type { Experiment, ExperimentMetric } from '../../../../core/experiments/experiments';
import type {
  RelayProxy,
  Trigger,
  Webhook,
  WebhookDelivery,
} from '../../../../core/integrations/integrations';
import { SystemSettingRepository } from '../../../../core/ports/data-store.port';
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
import { type OutboxMessage, OutboxRepository } from '../../../../core/ports/message-bus.port';
import type { Job } from '../../../../core/jobs/job';
import type { JobRepository } from '../../../../core/ports/job.repository';
import type { Page, PageRequest } from '../../../../core/shared/paging';
import type { FlagChangeRequest, FlagDraft, FlagSchedule } from '../../../../core/workflow/workflow';
import type { EntityDefinition } from '../../shared/entities/entity-definition';
import { EXPERIMENT_ENTITY, EXPERIMENT_METRIC_ENTITY } from '../../shared/entities/experiment.entity';
import {
  FLAG_CHANGE_REQUEST_ENTITY,
  FLAG_DRAFT_ENTITY,
  FLAG_SCHEDULE_ENTITY,
} from '../../shared/entities/flag-workflow.entity';
import { OUTBOX_ENTITY } from '../../shared/entities/outbox.entity';
import { RELAY_PROXY_ENTITY } from '../../shared/entities/relay-proxy.entity';
import { SYSTEM_SETTING_ENTITY, type SystemSetting } from '../../shared/entities/system-setting.entity';
import { TRIGGER_ENTITY } from '../../shared/entities/trigger.entity';
import { WEBHOOK_DELIVERY_ENTITY, WEBHOOK_ENTITY } from '../../shared/entities/webhook.entity';
import { pageWindow } from '../../shared/paging';
import { regexLiteral } from '../../shared/text-search';
import { toDate } from '../../shared/timestamps';
import { compareAndReplace } from '../mongo-compare-and-set';
import { MongoCollection, type MongoFilter } from '../mongo-collection';
import type { CollectionKey, MongoConnection } from '../mongo-connection';
import type { MongoDoc } from '../schemas/mongo-schema';
import { contains } from './mongo-tenancy.repositories';

export class MongoIntegrationCollections {
  readonly webhooks: MongoCollection<Webhook>;
  readonly deliveries: MongoCollection<WebhookDelivery>;
  readonly triggers: MongoCollection<Trigger>;
  readonly metrics: MongoCollection<ExperimentMetric>;
  readonly experiments: MongoCollection<Experiment>;
  readonly relayProxies: MongoCollection<RelayProxy>;
  readonly drafts: MongoCollection<FlagDraft>;
  readonly changeRequests: MongoCollection<FlagChangeRequest>;
  readonly schedules: MongoCollection<FlagSchedule>;
  readonly outbox: MongoCollection<OutboxMessage>;
  readonly settings: MongoCollection<SystemSetting>;
  private readonly claims: () => Model<MongoDoc>;

  constructor(conn: MongoConnection) {
    const of = <T extends object>(key: CollectionKey, definition: EntityDefinition<T>) =>
      MongoCollection.of<T>(() => conn.model(key), definition);
    this.webhooks = of('webhooks', WEBHOOK_ENTITY);
    this.deliveries = of('webhookDeliveries', WEBHOOK_DELIVERY_ENTITY);
    this.triggers = of('triggers', TRIGGER_ENTITY);
    this.metrics = of('experimentMetrics', EXPERIMENT_METRIC_ENTITY);
    this.experiments = of('experiments', EXPERIMENT_ENTITY);
    this.relayProxies = of('relayProxies', RELAY_PROXY_ENTITY);
    this.drafts = of('flagDrafts', FLAG_DRAFT_ENTITY);
    this.changeRequests = of('flagChangeRequests', FLAG_CHANGE_REQUEST_ENTITY);
    this.schedules = of('flagSchedules', FLAG_SCHEDULE_ENTITY);
    this.outbox = of('outbox', OUTBOX_ENTITY);
    this.settings = of('systemSettings', SYSTEM_SETTING_ENTITY);
    this.claims = () => conn.model('updateClaims');
  }

  /** Compare-and-set on `status` (mongo-compare-and-set.ts: atomic on FerretDB too). */
  replaceIfStatus<T extends { id: string; status: string }>(
    collection: MongoCollection<T>,
    record: T,
    expected: string,
  ): Promise<T | null> {
    return compareAndReplace(collection, this.claims, record, { status: expected }, expected);
  }
}

/** create / findById / update / delete over one collection. */
class CrudOps<T extends { id: string }> {
  constructor(readonly c: MongoCollection<T>) {}
  create = (record: T) => this.c.insert(record);
  findById = (id: string) => this.c.findById(id);
  update = (record: T) => this.c.replaceOrThrow(record);
  delete = (id: string) => this.c.deleteById(id);
}

function namedPage<T extends object>(
  c: MongoCollection<T>,
  owner: MongoFilter,
  page: PageRequest & { name?: string },
): Promise<Page<T>> {
  return c.page(
    page.name ? { ...owner, name: contains(page.name) } : owner,
    { createdAt: -1, _id: 1 },
    pageWindow(page),
  );
}

export class MongoWebhookRepository extends WebhookRepository {
  private readonly ops: CrudOps<Webhook>;
  constructor(
    private readonly c: MongoIntegrationCollections,
    private readonly jobs: JobRepository,
  ) {
    super();
    this.ops = new CrudOps(c.webhooks);
  }
  create = (r: Webhook) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: Webhook) => this.ops.update(r);
  /** The webhook, then its delivery log (no transactions: a log left behind is unreachable). */
  async delete(id: string): Promise<void> {
    await this.ops.delete(id);
    await this.c.deliveries.deleteMany({ webhookId: id });
  }
  list(organizationId: string, page: PageRequest & { name?: string }): Promise<Page<Webhook>> {
    return namedPage(this.c.webhooks, { organizationId }, page);
  }
  async enqueueEvent(organizationId: string, job: Job): Promise<void> {
    if (await this.c.webhooks.exists({ organizationId, isActive: true })) await this.jobs.enqueue(job);
  }
  async addDelivery(delivery: WebhookDelivery): Promise<void> {
    await this.c.deliveries.insert(delivery);
  }
  listDeliveries(
    webhookId: string,
    page: PageRequest & WebhookDeliveryFilter,
  ): Promise<Page<WebhookDelivery>> {
    const filter: MongoFilter = { webhookId };
    // `events` is FeatBit's comma-joined list: match one whole name.
    if (page.event) filter.events = { $regex: `(^|,)${regexLiteral(page.event)}(,|$)` };
    if (page.success !== undefined) filter.success = page.success;
    if (page.notBefore) filter.startedAt = { $gte: toDate(page.notBefore, 'notBefore') };
    return this.c.deliveries.page(filter, { startedAt: -1, _id: 1 }, pageWindow(page));
  }
}

export class MongoTriggerRepository extends TriggerRepository {
  private readonly ops: CrudOps<Trigger>;
  constructor(private readonly c: MongoIntegrationCollections) {
    super();
    this.ops = new CrudOps(c.triggers);
  }
  create = (r: Trigger) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: Trigger) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  listByTarget(targetId: string): Promise<Trigger[]> {
    return this.c.triggers.findMany({ targetId }, { createdAt: 1, _id: 1 });
  }
  findByTokenHash(tokenHash: string): Promise<Trigger | null> {
    return this.c.triggers.findOne({ tokenHash });
  }
}

export class MongoExperimentMetricRepository extends ExperimentMetricRepository {
  private readonly ops: CrudOps<ExperimentMetric>;
  constructor(private readonly c: MongoIntegrationCollections) {
    super();
    this.ops = new CrudOps(c.metrics);
  }
  create = (r: ExperimentMetric) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: ExperimentMetric) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  list(
    envId: string,
    page: PageRequest & { name?: string; eventType?: number },
  ): Promise<Page<ExperimentMetric>> {
    const filter: MongoFilter = { envId, isArchived: false };
    if (page.name) filter.name = contains(page.name);
    if (page.eventType !== undefined) filter.eventType = page.eventType;
    return this.c.metrics.page(filter, { updatedAt: -1, _id: 1 }, pageWindow(page));
  }
}

export class MongoExperimentRepository extends ExperimentRepository {
  private readonly ops: CrudOps<Experiment>;
  constructor(private readonly c: MongoIntegrationCollections) {
    super();
    this.ops = new CrudOps(c.experiments);
  }
  create = (r: Experiment) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: Experiment) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  list(envId: string, page: PageRequest & { featureFlagId?: string }): Promise<Page<Experiment>> {
    const filter: MongoFilter = page.featureFlagId ? { envId, featureFlagId: page.featureFlagId } : { envId };
    return this.c.experiments.page(filter, { createdAt: -1, _id: 1 }, pageWindow(page));
  }
  listActive(envId: string): Promise<Experiment[]> {
    return this.c.experiments.findMany({ envId, isArchived: false }, { createdAt: -1, _id: 1 });
  }
  listWatching(): Promise<Experiment[]> {
    return this.c.experiments.findMany(
      { 'guard.status': 'Watching', isArchived: false },
      { createdAt: 1, _id: 1 },
    );
  }
}

export class MongoRelayProxyRepository extends RelayProxyRepository {
  private readonly ops: CrudOps<RelayProxy>;
  constructor(private readonly c: MongoIntegrationCollections) {
    super();
    this.ops = new CrudOps(c.relayProxies);
  }
  create = (r: RelayProxy) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: RelayProxy) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  list(organizationId: string, page: PageRequest & { name?: string }): Promise<Page<RelayProxy>> {
    return namedPage(this.c.relayProxies, { organizationId }, page);
  }
  findByKeyHash(keyHash: string): Promise<RelayProxy | null> {
    return this.c.relayProxies.findOne({ keyHash });
  }
}

export class MongoFlagDraftRepository extends FlagDraftRepository {
  private readonly ops: CrudOps<FlagDraft>;
  constructor(c: MongoIntegrationCollections) {
    super();
    this.ops = new CrudOps(c.drafts);
  }
  create = (r: FlagDraft) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: FlagDraft) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
}

export class MongoFlagChangeRequestRepository extends FlagChangeRequestRepository {
  private readonly ops: CrudOps<FlagChangeRequest>;
  constructor(private readonly c: MongoIntegrationCollections) {
    super();
    this.ops = new CrudOps(c.changeRequests);
  }
  create = (r: FlagChangeRequest) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: FlagChangeRequest) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  listByFlag(flagId: string): Promise<FlagChangeRequest[]> {
    return this.c.changeRequests.findMany({ flagId }, { createdAt: -1, _id: 1 });
  }
  listOpen(envId: string, limit: number): Promise<FlagChangeRequest[]> {
    return this.c.changeRequests.findMany(
      { envId, status: { $ne: 'Applied' } },
      { createdAt: -1, _id: 1 },
      Math.max(1, Math.floor(limit)),
    );
  }
  async updateIfStatus(record: FlagChangeRequest, expected: FlagChangeRequest['status']): Promise<boolean> {
    return (await this.c.replaceIfStatus(this.c.changeRequests, record, expected)) !== null;
  }
}

export class MongoFlagScheduleRepository extends FlagScheduleRepository {
  private readonly ops: CrudOps<FlagSchedule>;
  constructor(private readonly c: MongoIntegrationCollections) {
    super();
    this.ops = new CrudOps(c.schedules);
  }
  create = (r: FlagSchedule) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: FlagSchedule) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  listByFlag(flagId: string): Promise<FlagSchedule[]> {
    return this.c.schedules.findMany({ flagId }, { scheduledTime: 1, _id: 1 });
  }
  /** Schedules waiting to run whose time has come. */
  listDue(before: string): Promise<FlagSchedule[]> {
    return this.c.schedules.findMany(
      { status: 'PendingExecution', scheduledTime: { $lte: toDate(before, 'before') } },
      { scheduledTime: 1, _id: 1 },
    );
  }
  async updateIfStatus(record: FlagSchedule, expected: FlagSchedule['status']): Promise<boolean> {
    return (await this.c.replaceIfStatus(this.c.schedules, record, expected)) !== null;
  }
}

export class MongoOutboxRepository extends OutboxRepository {
  constructor(private readonly c: MongoIntegrationCollections) {
    super();
  }
  async add(message: OutboxMessage): Promise<void> {
    await this.c.outbox.insert(message);
  }
  listPending(limit: number): Promise<OutboxMessage[]> {
    return this.c.outbox.findMany({}, { createdAt: 1, _id: 1 }, Math.max(1, Math.floor(limit)));
  }
  remove(id: string): Promise<void> {
    return this.c.outbox.deleteById(id);
  }
  async recordAttempt(id: string): Promise<void> {
    await this.c.outbox.run((m) => m.updateOne({ _id: id }, { $inc: { attempts: 1 } }).exec());
  }
}

export class MongoSystemSettingRepository extends SystemSettingRepository {
  constructor(private readonly c: MongoIntegrationCollections) {
    super();
  }
  async get(key: string): Promise<string | null> {
    return (await this.c.settings.findById(key))?.value ?? null;
  }
  async setIfAbsent(key: string, value: string): Promise<string> {
    const doc = await this.c.settings.run((m) =>
      m
        .findOneAndUpdate(
          { _id: key },
          { $setOnInsert: { value, updatedAt: new Date() } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<MongoDoc>()
        .exec(),
    );
    return (doc?.value as string | undefined) ?? value;
  }
  async delete(key: string): Promise<void> {
    await this.c.settings.run((m) => m.deleteOne({ _id: key }).exec());
  }
}
