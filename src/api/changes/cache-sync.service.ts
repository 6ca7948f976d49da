import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { FlagCache } from '../../core/ports/flag-cache.port';
import { DataStore } from '../../core/ports/data-store.port';
import { toWireSegment } from '../../core/segments/segment';
import {
  type Environment,
  environmentResourceName,
  type Organization,
  type Project,
  type SecretContext,
} from '../../core/tenancy/tenancy';
import { Logger } from '../../core/ports/logger.port';
import { FirstBootService } from '../bootstrap/first-boot.service';

/**
 * Keeps the evaluation cache current for what is not relayed through the outbox (secrets, removals)
 * and fills it once at start-up. Every call is a no-op when the cache is disabled; failures are
 * logged, never surfaced to the request that already committed.
 */
@Injectable()
export class CacheSync implements OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    private readonly cache: FlagCache,
    private readonly store: DataStore,
    private readonly firstBoot: FirstBootService,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'cache-sync' });
  }

  onApplicationBootstrap(): void {
    if (!this.cache.enabled) return;
    void this.store
      .whenReady()
      .then(() => this.firstBoot.done)
      .then(() => this.cache.populate((sink) => this.load(sink)))
      .then(
        (didWork) => didWork && this.log.info('cache populated'),
        (err: unknown) =>
          this.log.warn('cache population failed; the cache retries it', { error: String(err) }),
      );
  }

  private async load(sink: FlagCache): Promise<void> {
    const orgs = new Map<string, Organization | null>();
    const projects = new Map<string, Project | null>();
    for (const env of await this.store.environments.listAll()) {
      if (!projects.has(env.projectId))
        projects.set(env.projectId, await this.store.projects.findById(env.projectId));
      const project = projects.get(env.projectId);
      if (!project) continue;
      if (!orgs.has(project.organizationId)) {
        orgs.set(project.organizationId, await this.store.organizations.findById(project.organizationId));
      }
      const org = orgs.get(project.organizationId);
      if (!org) continue;
      for (const flag of await this.store.flags.listAll(env.id)) await sink.upsertFlag(flag);
      const scope = {
        envId: env.id,
        workspaceId: org.workspaceId,
        envResourceName: environmentResourceName(org.key, project.key, env.key),
      };
      for (const segment of await this.store.segments.listAll(scope)) {
        await sink.upsertSegment(env.id, toWireSegment(segment, env.id));
      }
      for (const secret of env.secrets)
        await sink.upsertSecret(secret.value, secretContext(org, project, env, secret.type));
    }
  }

  async secretsAdded(
    org: Organization,
    project: Project,
    env: Environment,
    values?: readonly string[],
  ): Promise<void> {
    await this.safely('secret upsert', async () => {
      for (const secret of env.secrets) {
        if (values && !values.includes(secret.value)) continue;
        await this.cache.upsertSecret(secret.value, secretContext(org, project, env, secret.type));
      }
    });
  }

  async secretsRemoved(values: readonly string[]): Promise<void> {
    await this.safely('secret removal', async () => {
      for (const value of values) await this.cache.removeSecret(value);
    });
  }

  async flagRemoved(envId: string, flagId: string): Promise<void> {
    await this.safely('flag removal', () => this.cache.removeFlag(envId, flagId));
  }

  async segmentRemoved(envIds: readonly string[], segmentId: string): Promise<void> {
    await this.safely('segment removal', async () => {
      for (const envId of envIds) await this.cache.removeSegment(envId, segmentId);
    });
  }

  private async safely(what: string, work: () => Promise<void>): Promise<void> {
    if (!this.cache.enabled) return;
    try {
      await work();
    } catch (err) {
      this.log.warn(`cache ${what} failed; the cache is corrected at the next population`, {
        error: String(err),
      });
    }
  }
}

export function secretContext(
  org: Organization,
  project: Project,
  env: Environment,
  type: SecretContext['type'],
): SecretContext {
  return {
    type,
    envId: env.id,
    envKey: env.key,
    projectId: project.id,
    projectKey: project.key,
    organizationId: org.id,
    organizationKey: org.key,
    workspaceId: org.workspaceId,
  };
}
