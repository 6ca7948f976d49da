import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { redactEnvironment } from '../../core/audit/audit-entry';
import { DataStore } from '../../core/ports/data-store.port';
import { EnvironmentRepository, ProjectRepository } from '../../core/ports/tenancy.repositories';
import {
  builtInUserProperties,
  DEFAULT_ENVIRONMENTS,
  newEnvironment,
} from '../../core/tenancy/tenancy-factory';
import {
  type Environment,
  environmentResourceName,
  type EnvironmentSettings,
  type Organization,
  type Project,
} from '../../core/tenancy/tenancy';
import type { Actor } from '../../core/iam/actor';
import { AuditTrail } from '../audit/audit-trail.service';
import { CacheSync } from '../changes/cache-sync.service';
import { enqueueRemoval } from '../changes/change-outbox';
import { OutboxRelay } from '../changes/outbox-relay.service';
import { Logger } from '../../core/ports/logger.port';

export interface NewEnvironmentInput {
  name: string;
  key: string;
  description?: string;
  requireChangeComment?: boolean;
}

/** Project and environment lifecycles: creation with secrets and built-in properties, cascading deletes. */
@Injectable()
export class ProjectService {
  private readonly log: Logger;

  constructor(
    private readonly store: DataStore,
    private readonly projects: ProjectRepository,
    private readonly environments: EnvironmentRepository,
    private readonly audit: AuditTrail,
    private readonly cacheSync: CacheSync,
    private readonly relay: OutboxRelay,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'projects' });
  }

  /** The organization's projects, each with all its environments. */
  async listWithEnvironments(
    organizationId: string,
  ): Promise<{ project: Project; environments: Environment[] }[]> {
    const result: { project: Project; environments: Environment[] }[] = [];
    for (const project of await this.projects.listByOrganization(organizationId)) {
      result.push({ project, environments: await this.environments.listByProject(project.id) });
    }
    return result;
  }

  environmentsOf(projectId: string): Promise<Environment[]> {
    return this.environments.listByProject(projectId);
  }

  isKeyUsed(organizationId: string, key: string): Promise<boolean> {
    return this.projects.isKeyUsed(organizationId, key);
  }

  isEnvironmentKeyUsed(projectId: string, key: string): Promise<boolean> {
    return this.environments.isKeyUsed(projectId, key);
  }

  /** Renames a project (the key is immutable); returns it with its environments. */
  async updateProject(
    org: Organization,
    before: Project,
    actor: Actor,
    name: string,
  ): Promise<{ project: Project; environments: Environment[] }> {
    const project = await this.store.transaction(async (tx) => {
      const updated = await tx.projects.update({
        ...before,
        name: name.trim(),
        updatedAt: new Date().toISOString(),
      });
      await this.audit.record(tx, actor, {
        organizationId: org.id,
        envId: '',
        refType: 'Project',
        refId: before.id,
        keywords: [updated.key, updated.name],
        operation: 'Update',
        previous: before,
        current: updated,
      });
      return updated;
    });
    return { project, environments: await this.environments.listByProject(project.id) };
  }

  /** Updates name, description and settings (the key is immutable). */
  updateEnvironment(
    org: Organization,
    project: Project,
    before: Environment,
    actor: Actor,
    input: { name?: string; description?: string; settings?: EnvironmentSettings },
  ): Promise<Environment> {
    return this.store.transaction(async (tx) => {
      // Re-read inside the transaction so concurrent secret changes are not overwritten.
      const current = (await tx.environments.findById(before.id)) ?? before;
      const updated = await tx.environments.update({
        ...current,
        name: input.name?.trim() ?? current.name,
        description: input.description ?? current.description,
        settings: { ...current.settings, ...(input.settings ?? {}) },
        updatedAt: new Date().toISOString(),
      });
      await this.audit.record(tx, actor, {
        organizationId: org.id,
        envId: before.id,
        refType: 'Environment',
        refId: before.id,
        keywords: [updated.key, updated.name, project.key],
        operation: 'Update',
        previous: redactEnvironment(current),
        current: redactEnvironment(updated),
      });
      return updated;
    });
  }

  /** A project with the given environments, by default FeatBit's (Dev, Prod). */
  async createProject(
    org: Organization,
    actor: Actor,
    input: { name: string; key: string; environments?: readonly NewEnvironmentInput[] },
  ): Promise<{
    project: Project;
    environments: Environment[];
  }> {
    const now = new Date().toISOString();
    const project: Project = {
      id: randomUUID(),
      organizationId: org.id,
      name: input.name,
      key: input.key,
      createdAt: now,
      updatedAt: now,
    };
    const environments = await this.store.transaction(async (tx) => {
      await tx.projects.create(project);
      await this.audit.record(tx, actor, {
        organizationId: org.id,
        envId: '',
        refType: 'Project',
        refId: project.id,
        keywords: [project.key, project.name],
        operation: 'Create',
        previous: null,
        current: project,
      });
      const envs: Environment[] = [];
      for (const env of input.environments ?? DEFAULT_ENVIRONMENTS) {
        envs.push(await this.insertEnvironment(tx, org, project, actor, { ...env }, now));
      }
      return envs;
    });
    for (const env of environments) await this.cacheSync.secretsAdded(org, project, env);
    return { project, environments };
  }

  async createEnvironment(
    org: Organization,
    project: Project,
    actor: Actor,
    input: NewEnvironmentInput,
  ): Promise<Environment> {
    const now = new Date().toISOString();
    const env = await this.store.transaction((tx) =>
      this.insertEnvironment(tx, org, project, actor, input, now),
    );
    await this.cacheSync.secretsAdded(org, project, env);
    return env;
  }

  private async insertEnvironment(
    tx: DataStore,
    org: Organization,
    project: Project,
    actor: Actor,
    input: NewEnvironmentInput,
    now: string,
  ): Promise<Environment> {
    const env = newEnvironment({
      id: randomUUID(),
      projectId: project.id,
      name: input.name,
      key: input.key,
      description: input.description,
      now,
      newId: randomUUID,
    });
    env.settings = { requireChangeComment: input.requireChangeComment ?? false };
    await tx.environments.create(env);
    for (const property of builtInUserProperties(env.id, now, randomUUID))
      await tx.endUserProperties.upsert(property);
    await this.audit.record(tx, actor, {
      organizationId: org.id,
      envId: env.id,
      refType: 'Environment',
      refId: env.id,
      keywords: [env.key, env.name, project.key],
      operation: 'Create',
      previous: null,
      current: redactEnvironment(env),
    });
    return env;
  }

  async deleteProject(org: Organization, project: Project, actor: Actor): Promise<void> {
    const envs = await this.store.environments.listByProject(project.id);
    for (const env of envs) await this.deleteEnvironment(org, project, env, actor);
    await this.store.transaction(async (tx) => {
      await tx.projects.delete(project.id);
      await this.audit.record(tx, actor, {
        organizationId: org.id,
        envId: '',
        refType: 'Project',
        refId: project.id,
        keywords: [project.key, project.name],
        operation: 'Remove',
        previous: project,
        current: null,
      });
    });
  }

  /**
   * Removes the environment with its flags, environment-specific segments and property catalogue.
   * Audit logs are kept; end users are removed afterwards in batches (best effort).
   */
  async deleteEnvironment(
    org: Organization,
    project: Project,
    env: Environment,
    actor: Actor,
  ): Promise<void> {
    const scope = {
      envId: env.id,
      workspaceId: org.workspaceId,
      envResourceName: environmentResourceName(org.key, project.key, env.key),
    };
    const flags = await this.store.flags.listAll(env.id);
    const segments = await this.store.segments.listAll(scope);
    const properties = await this.store.endUserProperties.list(env.id);
    const committed = await this.store.transaction(async (tx) => {
      // The environment row goes first: on MongoDB (no transactions) a failure then leaves
      // unreachable children at worst, never an environment with missing parts.
      await tx.environments.delete(env.id);
      for (const flag of flags) await tx.flags.delete(flag.id);
      for (const segment of segments) if (segment.envId === env.id) await tx.segments.delete(segment.id);
      for (const property of properties) await tx.endUserProperties.delete(property.id);
      await this.audit.record(tx, actor, {
        organizationId: org.id,
        envId: env.id,
        refType: 'Environment',
        refId: env.id,
        keywords: [env.key, env.name, project.key],
        operation: 'Remove',
        previous: redactEnvironment(env),
        current: null,
      });
      return enqueueRemoval(tx, { kind: 'environment', envIds: [env.id] });
    });
    // Published before answering, so that in one process the next SDK request is already refused.
    this.relay.kick([committed]);
    await this.relay.idle();
    await this.cacheSync.secretsRemoved(env.secrets.map((s) => s.value));
    for (const flag of flags) await this.cacheSync.flagRemoved(env.id, flag.id);
    for (const segment of segments) await this.cacheSync.segmentRemoved([env.id], segment.id);
    void this.purgeEndUsers(env.id);
  }

  private async purgeEndUsers(envId: string): Promise<void> {
    try {
      for await (const batch of this.store.endUsers.stream(envId, undefined, 500)) {
        for (const user of batch) await this.store.endUsers.delete(user.id);
      }
    } catch (err) {
      this.log.warn('removing the end users of a deleted environment failed', { envId, error: String(err) });
    }
  }
}
