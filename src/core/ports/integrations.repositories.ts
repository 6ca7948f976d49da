import type { Experiment, ExperimentMetric } from '../experiments/experiments';
import type { RelayProxy, Trigger, Webhook, WebhookDelivery } from '../integrations/integrations';
import type { Job } from '../jobs/job';
import type { Page, PageRequest } from '../shared/paging';
import type { FlagChangeRequest, FlagDraft, FlagSchedule } from '../workflow/workflow';

/** A minimal CRUD port shared by the records whose features arrive later. */
export abstract class CrudRepository<T extends { id: string }> {
  abstract create(record: T): Promise<T>;
  abstract findById(id: string): Promise<T | null>;
  abstract update(record: T): Promise<T>;
  abstract delete(id: string): Promise<void>;
}

/** FeatBit's delivery log filters: an event among the delivery's, its outcome, started since. */
export interface WebhookDeliveryFilter {
  event?: string;
  success?: boolean;
  notBefore?: string;
}

export abstract class WebhookRepository extends CrudRepository<Webhook> {
  abstract list(organizationId: string, page: PageRequest & { name?: string }): Promise<Page<Webhook>>;
  /**
   * Adds `job` to the job queue only when the organization has a webhook switched on. Inside
   * `DataStore.transaction` it commits with the change; SQL stores decide and insert in one statement
   * that needs no answer before the commit.
   */
  abstract enqueueEvent(organizationId: string, job: Job): Promise<void>;
  abstract addDelivery(delivery: WebhookDelivery): Promise<void>;
  /** Newest first. */
  abstract listDeliveries(
    webhookId: string,
    page: PageRequest & WebhookDeliveryFilter,
  ): Promise<Page<WebhookDelivery>>;
}

export abstract class TriggerRepository extends CrudRepository<Trigger> {
  abstract listByTarget(targetId: string): Promise<Trigger[]>;
  abstract findByTokenHash(tokenHash: string): Promise<Trigger | null>;
}

export abstract class ExperimentMetricRepository extends CrudRepository<ExperimentMetric> {
  /** Metrics not archived, name contains `name` (case-insensitive), latest update first (as FeatBit). */
  abstract list(
    envId: string,
    page: PageRequest & { name?: string; eventType?: number },
  ): Promise<Page<ExperimentMetric>>;
}

export abstract class ExperimentRepository extends CrudRepository<Experiment> {
  abstract list(envId: string, page: PageRequest & { featureFlagId?: string }): Promise<Page<Experiment>>;
  /** Every experiment of the environment not archived, newest first (a handful per flag). */
  abstract listActive(envId: string): Promise<Experiment[]>;
  /** Experiments guarding a rollout right now, in every environment. */
  abstract listWatching(): Promise<Experiment[]>;
}

export abstract class RelayProxyRepository extends CrudRepository<RelayProxy> {
  abstract list(organizationId: string, page: PageRequest & { name?: string }): Promise<Page<RelayProxy>>;
  abstract findByKeyHash(keyHash: string): Promise<RelayProxy | null>;
}

export abstract class FlagDraftRepository extends CrudRepository<FlagDraft> {}
export abstract class FlagChangeRequestRepository extends CrudRepository<FlagChangeRequest> {
  /** Newest first. */
  abstract listByFlag(flagId: string): Promise<FlagChangeRequest[]>;
  /** The environment's requests not yet applied, newest first, at most `limit`. */
  abstract listOpen(envId: string, limit: number): Promise<FlagChangeRequest[]>;
  /** Replaces the request only while its stored status is `expected`: one winner among concurrent writers. */
  abstract updateIfStatus(record: FlagChangeRequest, expected: FlagChangeRequest['status']): Promise<boolean>;
}
export abstract class FlagScheduleRepository extends CrudRepository<FlagSchedule> {
  abstract listByFlag(flagId: string): Promise<FlagSchedule[]>;
  abstract listDue(before: string): Promise<FlagSchedule[]>;
  /** Replaces the schedule only while its stored status is `expected`: one winner among concurrent writers. */
  abstract updateIfStatus(record: FlagSchedule, expected: FlagSchedule['status']): Promise<boolean>;
}
