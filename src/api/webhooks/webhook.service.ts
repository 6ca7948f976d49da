import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/iam/actor';
import type { Webhook, WebhookDelivery, WebhookHeader } from '../../core/integrations/integrations';
import { isWebhookEvent } from '../../core/integrations/webhook-events';
import {
  DEFAULT_WEBHOOK_TEMPLATE,
  renderWebhookPayload,
  templateError,
  webhookTemplate,
} from '../../core/integrations/webhook-payload';
import { parseWebhookScope } from '../../core/integrations/webhook-scopes';
import { DataStore } from '../../core/ports/data-store.port';
import type { WebhookDeliveryFilter } from '../../core/ports/integrations.repositories';
import type { Page, PageRequest } from '../../core/shared/paging';
import { AuditTrail } from '../audit/audit-trail.service';
import { BusinessRuleError, ResourceNotFoundError, ValidationFailedError } from '../http/api-errors';
import { MAX_WEBHOOKS_PER_ORGANIZATION } from './webhook-event-queue';
import { sampleEvent } from './webhook-sample';
import { WebhookSender } from './webhook-sender.service';

export interface WebhookInput {
  name: string;
  url: string;
  scopes: string[];
  events: string[];
  headers?: WebhookHeader[];
  payloadTemplateType: 'default' | 'custom';
  payloadTemplate?: string;
  secret?: string;
  isActive: boolean;
  preventEmptyPayloads?: boolean;
}

export interface TestSendInput {
  id?: string;
  url: string;
  secret?: string;
  headers?: WebhookHeader[];
  events?: string[];
  payload?: string;
  payloadTemplateType?: 'default' | 'custom';
  payloadTemplate?: string;
  preventEmptyPayloads?: boolean;
}

/** The webhook as audit logs keep it: without its secret (audit logs never hold credentials). */
const audited = (hook: Webhook) => ({ ...hook, secret: hook.secret ? '******' : '' });

/**
 * Webhooks of an organization (FeatBit's Application/Webhooks): every write is checked (URL scheme
 * and target addresses, events, scopes within the organization, template compiles) before anything
 * is stored, and audited at the organization level.
 */
@Injectable()
export class WebhookService {
  constructor(
    private readonly store: DataStore,
    private readonly audit: AuditTrail,
    private readonly sender: WebhookSender,
  ) {}

  /** Newest first; `projectId` / `envId` keep the webhooks whose scopes name them. */
  async list(
    organizationId: string,
    query: PageRequest & { name?: string; projectId?: string; envId?: string },
  ): Promise<Page<Webhook>> {
    const all = await this.store.webhooks.list(organizationId, {
      pageIndex: 0,
      pageSize: MAX_WEBHOOKS_PER_ORGANIZATION,
      name: query.name,
    });
    const items = all.items.filter((hook) => {
      const scopes = hook.scopes.map(parseWebhookScope);
      if (query.projectId && !scopes.some((s) => s?.projectId === query.projectId)) return false;
      if (query.envId && !scopes.some((s) => s?.envIds.includes(query.envId ?? ''))) return false;
      return true;
    });
    const start = query.pageIndex * query.pageSize;
    return { totalCount: items.length, items: items.slice(start, start + query.pageSize) };
  }

  async isNameUsed(organizationId: string, name: string): Promise<boolean> {
    const found = await this.store.webhooks.list(organizationId, {
      pageIndex: 0,
      pageSize: MAX_WEBHOOKS_PER_ORGANIZATION,
      name,
    });
    return found.items.some((hook) => hook.name.toLowerCase() === name.trim().toLowerCase());
  }

  async get(organizationId: string, id: string): Promise<Webhook> {
    const hook = await this.store.webhooks.findById(id);
    if (!hook || hook.organizationId !== organizationId) throw new ResourceNotFoundError('webhook');
    return hook;
  }

  async create(actor: Actor, organizationId: string, input: WebhookInput): Promise<Webhook> {
    await this.check(organizationId, input);
    const existing = await this.store.webhooks.list(organizationId, { pageIndex: 0, pageSize: 1 });
    if (existing.totalCount >= MAX_WEBHOOKS_PER_ORGANIZATION) {
      throw new BusinessRuleError(
        'TooManyWebhooks',
        `an organization has at most ${MAX_WEBHOOKS_PER_ORGANIZATION} webhooks`,
      );
    }
    const now = new Date().toISOString();
    return this.store.transaction(async (tx) => {
      const created = await tx.webhooks.create({
        ...this.fields(input, ''),
        id: randomUUID(),
        organizationId,
        lastDelivery: null,
        consecutiveFailures: 0,
        disabledReason: null,
        creatorId: actor.userId,
        updatorId: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await this.record(tx, actor, created, 'Create', null, created);
      return created;
    });
  }

  async update(actor: Actor, organizationId: string, id: string, input: WebhookInput): Promise<Webhook> {
    const before = await this.get(organizationId, id);
    await this.check(organizationId, input);
    const reactivated = input.isActive && !before.isActive;
    return this.store.transaction(async (tx) => {
      const saved = await tx.webhooks.update({
        ...before,
        ...this.fields(input, before.secret),
        // Switching a webhook back on gives it a fresh start.
        consecutiveFailures: reactivated ? 0 : before.consecutiveFailures,
        disabledReason: input.isActive ? null : before.disabledReason,
        updatorId: actor.userId,
        updatedAt: new Date().toISOString(),
      });
      await this.record(tx, actor, saved, 'Update', before, saved);
      return saved;
    });
  }

  async delete(actor: Actor, organizationId: string, id: string): Promise<void> {
    const hook = await this.get(organizationId, id);
    await this.store.transaction(async (tx) => {
      await tx.webhooks.delete(hook.id);
      await this.record(tx, actor, hook, 'Remove', hook, null);
    });
  }

  async deliveries(
    organizationId: string,
    id: string,
    query: PageRequest & WebhookDeliveryFilter,
  ): Promise<Page<WebhookDelivery>> {
    const hook = await this.get(organizationId, id);
    return this.store.webhooks.listDeliveries(hook.id, query);
  }

  /**
   * FeatBit's test send: delivers at once, not through the queue, and answers the attempt. The
   * payload is the one given, or a sample event rendered with the template. Same target rules.
   */
  async send(organizationId: string, input: TestSendInput): Promise<WebhookDelivery> {
    const stored = input.id ? await this.store.webhooks.findById(input.id) : null;
    const hook = stored?.organizationId === organizationId ? stored : null;
    const problem = await this.sender.targetProblem(input.url);
    if (problem) throw ValidationFailedError.of('url', 'url_is_invalid', problem);
    let payload = input.payload;
    if (payload === undefined) {
      const template = webhookTemplate({
        payloadTemplateType: input.payloadTemplateType ?? 'default',
        payloadTemplate: input.payloadTemplate ?? DEFAULT_WEBHOOK_TEMPLATE,
      });
      const rendered = renderWebhookPayload(
        template,
        await sampleEvent(this.store, organizationId, input.events),
      );
      if (!rendered.ok)
        throw ValidationFailedError.of('payloadTemplate', 'payloadTemplate_is_invalid', rendered.error);
      if (rendered.empty && input.preventEmptyPayloads) {
        throw new BusinessRuleError('EmptyPayload', 'the template renders an empty JSON object');
      }
      payload = rendered.payload;
    }
    return this.sender.send(
      {
        id: hook?.id ?? input.id ?? randomUUID(),
        url: input.url,
        secret: input.secret ?? hook?.secret ?? '',
        headers: input.headers ?? [],
      },
      { deliveryId: randomUUID(), events: (input.events ?? []).join(','), payload },
    );
  }

  private fields(input: WebhookInput, storedSecret: string) {
    return {
      name: input.name.trim(),
      url: input.url.trim(),
      scopes: [...new Set(input.scopes)],
      events: [...new Set(input.events)],
      headers: (input.headers ?? []).map(({ key, value }) => ({ key, value })),
      payloadTemplateType: input.payloadTemplateType,
      payloadTemplate:
        input.payloadTemplateType === 'custom' ? (input.payloadTemplate ?? '') : DEFAULT_WEBHOOK_TEMPLATE,
      secret: input.secret ?? storedSecret,
      isActive: input.isActive,
      preventEmptyPayloads: input.preventEmptyPayloads ?? false,
    };
  }

  /** Every problem of the input, named by field; 400 before anything is stored. */
  private async check(organizationId: string, input: WebhookInput): Promise<void> {
    const problems: { field: string; code: string; message: string }[] = [];
    const urlProblem = await this.sender.targetProblem(input.url.trim());
    if (urlProblem) problems.push({ field: 'url', code: 'url_is_invalid', message: `url: ${urlProblem}` });
    if (input.events.length === 0) {
      problems.push({
        field: 'events',
        code: 'events_is_required',
        message: 'events: choose at least one event',
      });
    }
    const unknown = input.events.filter((e) => !isWebhookEvent(e));
    if (unknown.length > 0) {
      problems.push({
        field: 'events',
        code: 'events_is_invalid',
        message: `events: unknown event ${unknown.join(', ')}`,
      });
    }
    const scopeProblem = await this.scopeProblem(organizationId, input.scopes);
    if (scopeProblem)
      problems.push({ field: 'scopes', code: 'scopes_is_invalid', message: `scopes: ${scopeProblem}` });
    if (input.payloadTemplateType === 'custom') {
      const error = templateError(input.payloadTemplate ?? '');
      if (error !== null || !(input.payloadTemplate ?? '').trim()) {
        problems.push({
          field: 'payloadTemplate',
          code: 'payloadTemplate_is_invalid',
          message: `payloadTemplate: ${error ?? 'a custom template may not be empty'}`,
        });
      }
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
  }

  /** Each scope parses and names a project of the organization and environments of that project. */
  private async scopeProblem(organizationId: string, scopes: readonly string[]): Promise<string | null> {
    if (scopes.length === 0) return 'choose at least one project and environment';
    const projects = await this.store.projects.listByOrganization(organizationId);
    for (const text of scopes) {
      const scope = parseWebhookScope(text);
      if (!scope) return `'${text}' is not {projectId}/{envId},{envId}`;
      const project = projects.find((p) => p.id === scope.projectId);
      if (!project) return `no project ${scope.projectId} in this organization`;
      const envs = await this.store.environments.findByIds(scope.envIds);
      const missing = scope.envIds.find((id) => !envs.some((e) => e.id === id && e.projectId === project.id));
      if (missing) return `no environment ${missing} in project ${project.name}`;
    }
    return null;
  }

  private record(
    tx: DataStore,
    actor: Actor,
    hook: Webhook,
    operation: 'Create' | 'Update' | 'Remove',
    previous: Webhook | null,
    current: Webhook | null,
  ): Promise<void> {
    return this.audit.recordInOrganization(tx, actor, hook.organizationId, {
      refType: 'Webhook',
      refId: hook.id,
      keywords: [hook.name],
      operation,
      previous: previous && audited(previous),
      current: current && audited(current),
    });
  }
}
