import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/iam/actor';
import type { RelayProxy, RelayProxyAgent } from '../../core/integrations/integrations';
import { newRelayProxyKey, relayProxyKeyHash } from '../../core/integrations/relay-proxy-key';
import { DataStore } from '../../core/ports/data-store.port';
import type { OutboxMessage } from '../../core/ports/message-bus.port';
import { type RpItem, rpPayloadJson } from '../../core/sdk/relay-proxy-payloads';
import { serverFlagJson } from '../../core/sdk/sdk-payloads';
import { toWireSegment } from '../../core/segments/segment';
import type { Page, PageRequest } from '../../core/shared/paging';
import { environmentResourceName } from '../../core/tenancy/tenancy';
import { AuditTrail } from '../audit/audit-trail.service';
import { enqueueRemoval } from '../changes/change-outbox';
import { OutboxRelay } from '../changes/outbox-relay.service';
import { BusinessRuleError, ResourceNotFoundError, ValidationFailedError } from '../http/api-errors';
import type { FieldProblem } from '../http/api-errors';
import { agentHostProblem, RelayAgentClient } from './relay-agent-client';

export interface RelayProxyInput {
  name: string;
  description?: string;
  isAllEnvs: boolean;
  scopes: string[];
  agents: { id: string; name: string; host: string }[];
  /** Update only: the registered agents to keep (absent keeps all). */
  autoAgents?: { id: string }[];
}

export interface SyncResult {
  success: boolean;
  syncAt: string | null;
  serves: string;
  dataVersion: number;
  reason: string;
}

/** Organizations keep a handful of relay proxies; listings read them all. */
const MAX_PROXIES_PER_ORGANIZATION = 1000;

/** The proxy as audit logs keep it: without the key's hash (audit logs never hold credentials). */
function audited(proxy: RelayProxy): Omit<RelayProxy, 'keyHash'> {
  const { keyHash: _secret, ...rest } = proxy;
  return rest;
}

/**
 * Relay proxies of an organization (FeatBit's Application/RelayProxies). Every write commits with
 * its audit entry and a relay-proxy removal message, so evaluation servers re-check the proxy's
 * open connections at once (a deleted key is disconnected, a changed scope resynchronised).
 */
@Injectable()
export class RelayProxyService {
  constructor(
    private readonly store: DataStore,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxRelay,
    private readonly agents: RelayAgentClient,
  ) {}

  async list(organizationId: string, query: PageRequest & { name?: string }): Promise<Page<RelayProxy>> {
    return this.store.relayProxies.list(organizationId, query);
  }

  /** FeatBit's serves: `{envId},{projectName}/{envName}` per scope that still exists. */
  async serves(organizationId: string, proxies: readonly RelayProxy[]): Promise<Map<string, string[]>> {
    const projects = new Map(
      (await this.store.projects.listByOrganization(organizationId)).map((p) => [p.id, p]),
    );
    const ids = [...new Set(proxies.flatMap((p) => p.scopes))];
    const envs = new Map(
      (ids.length ? await this.store.environments.findByIds(ids) : []).map((e) => [e.id, e]),
    );
    const out = new Map<string, string[]>();
    for (const proxy of proxies) {
      const serves: string[] = [];
      for (const id of proxy.scopes) {
        const env = envs.get(id);
        const project = env && projects.get(env.projectId);
        if (env && project) serves.push(`${env.id},${project.name}/${env.name}`);
      }
      out.set(proxy.id, serves);
    }
    return out;
  }

  async isNameUsed(organizationId: string, name: string): Promise<boolean> {
    const found = await this.store.relayProxies.list(organizationId, {
      pageIndex: 0,
      pageSize: MAX_PROXIES_PER_ORGANIZATION,
      name,
    });
    return found.items.some((p) => p.name.toLowerCase() === name.trim().toLowerCase());
  }

  async get(organizationId: string, id: string): Promise<RelayProxy> {
    const proxy = await this.store.relayProxies.findById(id);
    if (!proxy || proxy.organizationId !== organizationId) throw new ResourceNotFoundError('relay proxy');
    return proxy;
  }

  /** Answers the key once: only its SHA-256 is stored. */
  async create(
    actor: Actor,
    organizationId: string,
    input: RelayProxyInput,
  ): Promise<{ proxy: RelayProxy; key: string }> {
    const scopes = await this.check(organizationId, input);
    const existing = await this.store.relayProxies.list(organizationId, { pageIndex: 0, pageSize: 1 });
    if (existing.totalCount >= MAX_PROXIES_PER_ORGANIZATION) {
      throw new BusinessRuleError(
        'TooManyRelayProxies',
        `an organization has at most ${MAX_PROXIES_PER_ORGANIZATION} relay proxies`,
      );
    }
    const key = newRelayProxyKey();
    const now = new Date().toISOString();
    const proxy = await this.store.transaction(async (tx) => {
      const created = await tx.relayProxies.create({
        id: randomUUID(),
        organizationId,
        name: input.name.trim(),
        keyHash: relayProxyKeyHash(key),
        description: input.description ?? '',
        isAllEnvs: input.isAllEnvs,
        scopes,
        agents: this.agentsOf(input, [], now),
        autoAgents: [],
        createdAt: now,
        updatedAt: now,
      });
      await this.record(tx, actor, created, 'Create', null, created);
      return created;
    });
    return { proxy, key };
  }

  async update(
    actor: Actor,
    organizationId: string,
    id: string,
    input: RelayProxyInput,
  ): Promise<RelayProxy> {
    const before = await this.get(organizationId, id);
    const scopes = await this.check(organizationId, input);
    const now = new Date().toISOString();
    // Agents register themselves: an update can only remove registered ones, never add or edit them.
    const keep = input.autoAgents && new Set(input.autoAgents.map((a) => a.id));
    return this.commit(async (tx) => {
      const saved = await tx.relayProxies.update({
        ...before,
        name: input.name.trim(),
        description: input.description ?? '',
        isAllEnvs: input.isAllEnvs,
        scopes,
        agents: this.agentsOf(input, before.agents, now),
        autoAgents: keep ? (before.autoAgents ?? []).filter((a) => keep.has(a.id)) : before.autoAgents,
        updatedAt: now,
      });
      await this.record(tx, actor, saved, 'Update', before, saved);
      return saved;
    });
  }

  async delete(actor: Actor, organizationId: string, id: string): Promise<void> {
    const proxy = await this.get(organizationId, id);
    await this.commit(async (tx) => {
      await tx.relayProxies.delete(proxy.id);
      await this.record(tx, actor, proxy, 'Remove', proxy, null);
      return proxy;
    });
  }

  /** FeatBit's CheckAgentAvailability: the status code of the agent's liveness endpoint. */
  async checkAvailability(host: string): Promise<number> {
    const problem = agentHostProblem(host);
    if (problem) throw ValidationFailedError.of('agentHost', 'agentHost_is_invalid', `agentHost ${problem}`);
    return this.agents.liveness(host.trim());
  }

  /**
   * FeatBit's SyncToAgent: POSTs every environment in scope (secrets, flags, segments) to the
   * agent's bootstrap endpoint with the key, which the caller gives again (it is not stored).
   */
  async syncToAgent(
    organizationId: string,
    id: string,
    agentId: string,
    key: string,
    host: string | undefined,
  ): Promise<SyncResult> {
    const proxy = await this.get(organizationId, id);
    if (relayProxyKeyHash(key) !== proxy.keyHash) {
      throw ValidationFailedError.of('key', 'key_is_invalid', "key: not this relay proxy's key");
    }
    const agent = proxy.agents.find((a) => a.id === agentId);
    if (!agent) throw new BusinessRuleError('InconsistentRelayProxyData', 'Inconsistent relay proxy data');
    if (host !== undefined && host.trim() !== agent.host) {
      throw ValidationFailedError.of('host', 'host_is_invalid', "host: not this agent's host");
    }
    const items = await this.items(proxy);
    if (items.length === 0)
      return { success: true, syncAt: new Date().toISOString(), serves: '', dataVersion: 0, reason: '' };
    try {
      const answer = await this.agents.bootstrap(agent.host, key, rpPayloadJson('rp_full', items));
      const syncAt = new Date().toISOString();
      const agents = proxy.agents.map((a) => (a.id === agent.id ? { ...a, syncAt, ...answer } : a));
      await this.store.relayProxies.update({ ...proxy, agents });
      return { success: true, syncAt, ...answer, reason: '' };
    } catch (err) {
      return {
        success: false,
        syncAt: null,
        serves: '',
        dataVersion: 0,
        reason: err instanceof Error ? err.message : String(err),
      };
    }
  }

  /** Every environment in scope as an rp_full item (all flags, as FeatBit's bootstrap). */
  private async items(proxy: RelayProxy): Promise<RpItem[]> {
    const org = await this.store.organizations.findById(proxy.organizationId);
    if (!org) return [];
    const projects = await this.store.projects.listByOrganization(org.id);
    const envs = proxy.isAllEnvs
      ? (await Promise.all(projects.map((p) => this.store.environments.listByProject(p.id)))).flat()
      : await this.store.environments.findByIds(proxy.scopes);
    const items: RpItem[] = [];
    for (const env of envs) {
      const project = projects.find((p) => p.id === env.projectId);
      if (!project) continue;
      const scope = {
        envId: env.id,
        workspaceId: org.workspaceId,
        envResourceName: environmentResourceName(org.key, project.key, env.key),
      };
      const [flags, segments] = await Promise.all([
        this.store.flags.listAll(env.id),
        this.store.segments.listAll(scope),
      ]);
      items.push({
        envId: env.id,
        secrets: env.secrets.map((s) => ({
          type: s.type,
          projectKey: project.key,
          envId: env.id,
          envKey: env.key,
          value: s.value,
        })),
        flagJsons: flags.map(serverFlagJson),
        segmentJsons: segments.map((s) => JSON.stringify(toWireSegment(s, env.id))),
      });
    }
    return items;
  }

  /** Input agents; sync results of agents kept (same id) stay. */
  private agentsOf(
    input: RelayProxyInput,
    stored: readonly RelayProxyAgent[],
    now: string,
  ): RelayProxyAgent[] {
    return input.agents.map((a) => {
      const known = stored.find((s) => s.id === a.id);
      return {
        id: a.id.trim(),
        name: a.name.trim(),
        host: a.host.trim(),
        syncAt: known?.syncAt ?? null,
        serves: known?.serves ?? null,
        dataVersion: known?.dataVersion ?? 0,
        createdAt: known?.createdAt ?? now,
      };
    });
  }

  /** Every problem named by field; returns the scopes as stored (lower-case ids, no duplicates). */
  private async check(organizationId: string, input: RelayProxyInput): Promise<string[]> {
    const problems: FieldProblem[] = [];
    const scopes = [...new Set(input.scopes.map((s) => s.trim().toLowerCase()))];
    if (!input.isAllEnvs) {
      if (scopes.length === 0) {
        problems.push({
          field: 'scopes',
          code: 'scopes_is_invalid',
          message: 'scopes: choose at least one environment',
        });
      } else {
        const projects = new Set(
          (await this.store.projects.listByOrganization(organizationId)).map((p) => p.id),
        );
        const envs = await this.store.environments.findByIds(scopes);
        const missing = scopes.find((id) => !envs.some((e) => e.id === id && projects.has(e.projectId)));
        if (missing) {
          problems.push({
            field: 'scopes',
            code: 'scopes_is_invalid',
            message: `scopes: no environment ${missing} in this organization`,
          });
        }
      }
    }
    const ids = new Set<string>();
    for (const agent of input.agents) {
      const hostProblem = agentHostProblem(agent.host);
      if (!agent.id.trim() || !agent.name.trim() || hostProblem || ids.has(agent.id.trim())) {
        problems.push({
          field: 'agents',
          code: 'agents_is_invalid',
          message: `agents: ${hostProblem ? `host ${hostProblem}` : 'each agent needs a unique id, a name and a host'}`,
        });
        break;
      }
      ids.add(agent.id.trim());
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    // Every environment of the organization is in scope with isAllEnvs: scopes would only mislead.
    return input.isAllEnvs ? [] : scopes;
  }

  /** Commits the write with its relay-proxy message, published before answering. */
  private async commit(write: (tx: DataStore) => Promise<RelayProxy>): Promise<RelayProxy> {
    let message: OutboxMessage | undefined;
    const saved = await this.store.transaction(async (tx) => {
      const result = await write(tx);
      message = await enqueueRemoval(tx, { kind: 'relay-proxy', relayProxyIds: [result.id] });
      return result;
    });
    if (message) {
      this.outbox.kick([message]);
      await this.outbox.idle();
    }
    return saved;
  }

  private record(
    tx: DataStore,
    actor: Actor,
    proxy: RelayProxy,
    operation: 'Create' | 'Update' | 'Remove',
    previous: RelayProxy | null,
    current: RelayProxy | null,
  ): Promise<void> {
    return this.audit.recordInOrganization(tx, actor, proxy.organizationId, {
      refType: 'RelayProxy',
      refId: proxy.id,
      keywords: [proxy.name],
      operation,
      previous: previous && audited(previous),
      current: current && audited(current),
    });
  }
}
