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
  WebhookRepository,
} from '../../../../core/ports/integrations.repositories';
import { type OutboxMessage, OutboxRepository } from '../../../../core/ports/message-bus.port';
import type { Page, PageRequest } from '../../../../core/shared/paging';
import type { FlagChangeRequest, FlagDraft, FlagSchedule } from '../../../../core/workflow/workflow';
import { pageWindow } from '../../shared/paging';
import { toDate } from '../../shared/timestamps';
import { type FieldSpec, MongoCollection, type MongoFilter } from '../mongo-collection';
import type { CollectionKey, MongoConnection } from '../mongo-connection';
import type { MongoDoc } from '../schemas/mongo-schema';
import { contains } from './mongo-tenancy.repositories';

type Spec<T> = FieldSpec<T>;
const plain = <T>(...fields: (keyof T & string)[]): Spec<T>[] => fields.map((field) => ({ field }));
const json = <T>(...fields: (keyof T & string)[]): Spec<T>[] =>
  fields.map((field) => ({ field, kind: 'json' }));
const time = <T>(...fields: (keyof T & string)[]): Spec<T>[] =>
  fields.map((field) => ({ field, kind: 'time' }));
const num = <T>(...fields: (keyof T & string)[]): Spec<T>[] =>
  fields.map((field) => ({ field, kind: 'number' }));

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
  readonly settings: MongoCollection<{ id: string; value: string; updatedAt: string }>;

  constructor(conn: MongoConnection) {
    const of = <T extends object>(key: CollectionKey, entity: string, fields: Spec<T>[]) =>
      new MongoCollection<T>(() => conn.model(key), entity, fields);
    this.webhooks = of<Webhook>('webhooks', 'Webhook', [
      ...plain<Webhook>(
        'id',
        'organizationId',
        'name',
        'url',
        'payloadTemplateType',
        'payloadTemplate',
        'secret',
      ),
      ...plain<Webhook>('isActive', 'preventEmptyPayloads', 'creatorId', 'updatorId'),
      { field: 'scopes', kind: 'array' },
      { field: 'events', kind: 'array' },
      ...json<Webhook>('headers', 'lastDelivery'),
      ...time<Webhook>('createdAt', 'updatedAt'),
    ]);
    this.deliveries = of<WebhookDelivery>('webhookDeliveries', 'WebhookDelivery', [
      ...plain<WebhookDelivery>('id', 'webhookId', 'success', 'events'),
      ...json<WebhookDelivery>('request', 'response', 'error'),
      ...time<WebhookDelivery>('startedAt', 'endedAt'),
    ]);
    this.triggers = of<Trigger>('triggers', 'Trigger', [
      ...plain<Trigger>('id', 'targetId', 'type', 'action', 'tokenHash', 'description', 'isEnabled'),
      ...num<Trigger>('triggeredTimes'),
      ...time<Trigger>('lastTriggeredAt', 'createdAt', 'updatedAt'),
    ]);
    this.metrics = of<ExperimentMetric>('experimentMetrics', 'ExperimentMetric', [
      ...plain<ExperimentMetric>('id', 'envId', 'name', 'description', 'maintainerUserId', 'eventName'),
      ...plain<ExperimentMetric>('customEventUnit', 'elementTargets', 'isArchived'),
      ...num<ExperimentMetric>('eventType', 'customEventTrackOption', 'customEventSuccessCriteria'),
      ...json<ExperimentMetric>('targetUrls'),
      ...time<ExperimentMetric>('createdAt', 'updatedAt'),
    ]);
    this.experiments = of<Experiment>('experiments', 'Experiment', [
      ...plain<Experiment>(
        'id',
        'envId',
        'metricId',
        'featureFlagId',
        'isArchived',
        'status',
        'baselineVariationId',
      ),
      ...num<Experiment>('alpha'),
      ...json<Experiment>('iterations'),
      ...time<Experiment>('createdAt', 'updatedAt'),
    ]);
    this.relayProxies = of<RelayProxy>('relayProxies', 'RelayProxy', [
      ...plain<RelayProxy>('id', 'organizationId', 'name', 'keyHash', 'description', 'isAllEnvs'),
      ...json<RelayProxy>('scopes', 'agents', 'autoAgents'),
      ...time<RelayProxy>('createdAt', 'updatedAt'),
    ]);
    this.drafts = of<FlagDraft>('flagDrafts', 'FlagDraft', [
      ...plain<FlagDraft>('id', 'envId', 'flagId', 'status', 'comment', 'creatorId', 'updatorId'),
      ...json<FlagDraft>('dataChange'),
      ...time<FlagDraft>('createdAt', 'updatedAt'),
    ]);
    this.changeRequests = of<FlagChangeRequest>('flagChangeRequests', 'FlagChangeRequest', [
      ...plain<FlagChangeRequest>(
        'id',
        'organizationId',
        'envId',
        'flagDraftId',
        'flagId',
        'status',
        'reason',
      ),
      ...plain<FlagChangeRequest>('scheduleId'),
      ...json<FlagChangeRequest>('reviewers'),
      ...time<FlagChangeRequest>('createdAt', 'updatedAt'),
    ]);
    this.schedules = of<FlagSchedule>('flagSchedules', 'FlagSchedule', [
      ...plain<FlagSchedule>('id', 'organizationId', 'envId', 'flagDraftId', 'flagId', 'status', 'title'),
      ...plain<FlagSchedule>('changeRequestId'),
      ...time<FlagSchedule>('scheduledTime', 'createdAt', 'updatedAt'),
    ]);
    this.outbox = of<OutboxMessage>('outbox', 'OutboxMessage', [
      ...plain<OutboxMessage>('id', 'topic', 'payload'),
      ...num<OutboxMessage>('attempts'),
      ...time<OutboxMessage>('createdAt'),
    ]);
    this.settings = of<{ id: string; value: string; updatedAt: string }>('systemSettings', 'SystemSetting', [
      { field: 'id' },
      { field: 'value' },
      { field: 'updatedAt', kind: 'time' },
    ]);
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
  constructor(private readonly c: MongoIntegrationCollections) {
    super();
    this.ops = new CrudOps(c.webhooks);
  }
  create = (r: Webhook) => this.ops.create(r);
  findById = (id: string) => this.ops.findById(id);
  update = (r: Webhook) => this.ops.update(r);
  delete = (id: string) => this.ops.delete(id);
  list(organizationId: string, page: PageRequest & { name?: string }): Promise<Page<Webhook>> {
    return namedPage(this.c.webhooks, { organizationId }, page);
  }
  async addDelivery(delivery: WebhookDelivery): Promise<void> {
    await this.c.deliveries.insert(delivery);
  }
  listDeliveries(webhookId: string, page: PageRequest): Promise<Page<WebhookDelivery>> {
    return this.c.deliveries.page({ webhookId }, { startedAt: -1, _id: 1 }, pageWindow(page));
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
  list(envId: string, page: PageRequest & { name?: string }): Promise<Page<ExperimentMetric>> {
    return namedPage(this.c.metrics, { envId }, page);
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
