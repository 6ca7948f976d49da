/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
// In-memory fakes of the tenancy, targeting and end-user ports the project, organization and flag
// services use, over the IAM fakes of in-memory-iam.ts. `store.transaction` rolls both states back
// when the work throws (as PostgreSQL and PGlite do).
import type { CacheSync } from '../../../../src/api/changes/cache-sync.service';
import type { OutboxRelay } from '../../../../src/api/changes/outbox-relay.service';
import type { EndUserPropertyDefinition, StoredEndUser } from '../../../../src/core/end-users/end-user';
import type { FeatureFlag } from '../../../../src/core/flags/feature-flag';
import type { FlagUsage } from '../../../../src/core/insights/flag-usage';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import type { Logger } from '../../../../src/core/ports/logger.port';
import type { OutboxMessage, OutboxRepository } from '../../../../src/core/ports/message-bus.port';
import type { FlagRepository, SegmentRepository } from '../../../../src/core/ports/targeting.repositories';
import type {
  EnvironmentRepository,
  OrganizationRepository,
  ProjectRepository,
} from '../../../../src/core/ports/tenancy.repositories';
import type {
  AuditLogRepository,
  EndUserPropertyRepository,
  EndUserRepository,
  FlagUsageRepository,
} from '../../../../src/core/ports/users-and-events.repositories';
import { segmentScopeCovers, type Segment } from '../../../../src/core/segments/segment';
import { DuplicateKeyError } from '../../../../src/core/shared/errors';
import type { Environment, Organization, Project } from '../../../../src/core/tenancy/tenancy';
import { InMemoryIam } from './in-memory-iam';

interface TenancyState {
  projects: Project[];
  environments: Environment[];
  flags: FeatureFlag[];
  segments: Segment[];
  properties: EndUserPropertyDefinition[];
  endUsers: StoredEndUser[];
  usage: FlagUsage[];
  outbox: OutboxMessage[];
}

const STAMPS = { createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' };

const unused = (): never => {
  throw new Error('not used by the services under test');
};

export class InMemoryTenancy {
  readonly iam = new InMemoryIam();
  state: TenancyState = {
    projects: [],
    environments: [],
    flags: [],
    segments: [],
    properties: [],
    endUsers: [],
    usage: [],
    outbox: [],
  };
  /** Set to make deleting an end user fail (the best-effort purge after an environment removal). */
  failEndUserDelete = false;

  // The IAM fake's organization reads, with the writes the organization service needs.
  readonly organizations: OrganizationRepository = Object.assign({}, this.iam.organizations, {
    create: async (org: Organization) => {
      const orgs = this.iam.state.organizations;
      if (orgs.some((o) => o.workspaceId === org.workspaceId && o.key === org.key)) {
        throw new DuplicateKeyError('organizations', 'key');
      }
      orgs.push(org);
      return org;
    },
    listByWorkspace: async (workspaceId: string) =>
      this.iam.state.organizations.filter((o) => o.workspaceId === workspaceId),
    update: async (org: Organization) => {
      this.iam.state.organizations = this.iam.state.organizations.map((o) => (o.id === org.id ? org : o));
      return org;
    },
    delete: async (id: string) => {
      this.iam.state.organizations = this.iam.state.organizations.filter((o) => o.id !== id);
    },
    isKeyUsed: async (workspaceId: string, key: string) =>
      this.iam.state.organizations.some((o) => o.workspaceId === workspaceId && o.key === key),
  });

  readonly projects: ProjectRepository = {
    create: async (project) => {
      const taken = this.state.projects.some(
        (p) => p.organizationId === project.organizationId && p.key === project.key,
      );
      if (taken) throw new DuplicateKeyError('projects', 'key');
      this.state.projects.push(project);
      return project;
    },
    findById: async (id) => this.state.projects.find((p) => p.id === id) ?? null,
    listByOrganization: async (organizationId) =>
      this.state.projects.filter((p) => p.organizationId === organizationId),
    update: async (project) => {
      this.state.projects = this.state.projects.map((p) => (p.id === project.id ? project : p));
      return project;
    },
    delete: async (id) => {
      this.state.projects = this.state.projects.filter((p) => p.id !== id);
    },
    isKeyUsed: async (organizationId, key) =>
      this.state.projects.some((p) => p.organizationId === organizationId && p.key === key),
  };

  readonly environments: EnvironmentRepository = {
    create: async (env) => {
      if (this.state.environments.some((e) => e.projectId === env.projectId && e.key === env.key)) {
        throw new DuplicateKeyError('environments', 'key');
      }
      this.state.environments.push(env);
      return env;
    },
    findById: async (id) => this.state.environments.find((e) => e.id === id) ?? null,
    findWithProject: async (id) => {
      const env = this.state.environments.find((e) => e.id === id);
      const project = env && this.state.projects.find((p) => p.id === env.projectId);
      return env && project ? { env, project } : null;
    },
    findByIds: unused,
    listByProject: async (projectId) => this.state.environments.filter((e) => e.projectId === projectId),
    listAll: unused,
    update: async (env) => {
      this.state.environments = this.state.environments.map((e) => (e.id === env.id ? env : e));
      return env;
    },
    delete: async (id) => {
      this.state.environments = this.state.environments.filter((e) => e.id !== id);
    },
    isKeyUsed: async (projectId, key) =>
      this.state.environments.some((e) => e.projectId === projectId && e.key === key),
    findSecretContext: unused,
  };

  readonly flags: FlagRepository = {
    create: unused,
    findById: unused,
    findByIds: async (ids) => this.state.flags.filter((f) => ids.includes(f.id)),
    findByKey: unused,
    replace: unused,
    list: async (envId, filter) => {
      const items = this.state.flags.filter((f) => f.envId === envId);
      const start = filter.pageIndex * filter.pageSize;
      return { totalCount: items.length, items: items.slice(start, start + filter.pageSize) };
    },
    listAll: async (envId) => this.state.flags.filter((f) => f.envId === envId),
    listUpdatedSince: unused,
    update: unused,
    delete: async (id) => {
      this.state.flags = this.state.flags.filter((f) => f.id !== id);
    },
    isKeyUsed: async (envId, key) => this.state.flags.some((f) => f.envId === envId && f.key === key),
    allTags: unused,
    listReferencingSegment: unused,
  };

  readonly segments: SegmentRepository = {
    create: unused,
    findById: unused,
    findByIds: unused,
    list: unused,
    listAll: async (scope) =>
      this.state.segments.filter((s) =>
        s.type === 'shared'
          ? s.workspaceId === scope.workspaceId && segmentScopeCovers(s.scopes, scope.envResourceName)
          : s.envId === scope.envId,
      ),
    listUpdatedSince: unused,
    update: unused,
    delete: async (id) => {
      this.state.segments = this.state.segments.filter((s) => s.id !== id);
    },
    isKeyUsed: unused,
    allTags: unused,
  };

  readonly endUserProperties: EndUserPropertyRepository = {
    list: async (envId) => this.state.properties.filter((p) => p.envId === envId),
    findById: unused,
    upsert: async (property) => {
      this.state.properties = [
        ...this.state.properties.filter((p) => !(p.envId === property.envId && p.name === property.name)),
        property,
      ];
      return property;
    },
    delete: async (id) => {
      this.state.properties = this.state.properties.filter((p) => p.id !== id);
    },
    registerNames: unused,
  };

  readonly endUsers: EndUserRepository = {
    query: unused,
    upsertGlobalMany: unused,
    upsert: unused,
    upsertMany: unused,
    findById: unused,
    findByKeyIds: async (envId, keyIds) =>
      this.state.endUsers.filter((u) => u.envId === envId && keyIds.includes(u.keyId)),
    search: unused,
    stream: (envId, _searchText, batchSize) => {
      const users = this.state.endUsers.filter((u) => u.envId === envId);
      return (async function* () {
        for (let i = 0; i < users.length; i += batchSize) yield users.slice(i, i + batchSize);
      })();
    },
    count: unused,
    delete: async (id) => {
      if (this.failEndUserDelete) throw new Error('end users unavailable');
      this.state.endUsers = this.state.endUsers.filter((u) => u.id !== id);
    },
  };

  readonly flagUsage: FlagUsageRepository = {
    record: unused,
    find: async (envId, flagKey) =>
      this.state.usage.find((u) => u.envId === envId && u.flagKey === flagKey) ?? null,
    findByKeys: async (envId, flagKeys) =>
      this.state.usage.filter((u) => u.envId === envId && flagKeys.includes(u.flagKey)),
    listByEnv: unused,
  };

  /** The IAM audit log (its failAuditAppend switch included), listed newest first by the filter. */
  readonly auditLogs: AuditLogRepository = {
    append: (entry) => this.iam.auditLogs.append(entry),
    list: async (filter) => {
      const items = this.iam.state.auditLogs
        .filter(
          (e) =>
            (filter.organizationId === undefined || e.organizationId === filter.organizationId) &&
            (filter.envId === undefined || e.envId === filter.envId) &&
            (filter.refType === undefined || e.refType === filter.refType) &&
            (filter.refId === undefined || e.refId === filter.refId),
        )
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const start = filter.pageIndex * filter.pageSize;
      return { totalCount: items.length, items: items.slice(start, start + filter.pageSize) };
    },
  };

  readonly outbox: OutboxRepository = {
    add: async (message) => {
      this.state.outbox.push(message);
    },
    listPending: unused,
    remove: unused,
    recordAttempt: unused,
  };

  readonly store: DataStore = {
    ...this.iam.store,
    organizations: this.organizations,
    projects: this.projects,
    environments: this.environments,
    flags: this.flags,
    segments: this.segments,
    endUserProperties: this.endUserProperties,
    endUsers: this.endUsers,
    flagUsage: this.flagUsage,
    auditLogs: this.auditLogs,
    outbox: this.outbox,
    transaction: async <T>(work: (tx: DataStore) => Promise<T>): Promise<T> => {
      const before = structuredClone({ iam: this.iam.state, tenancy: this.state });
      this.iam.transactions += 1;
      try {
        return await work(this.store);
      } catch (error) {
        this.iam.state = before.iam;
        this.state = before.tenancy;
        throw error;
      }
    },
  } as Partial<DataStore> as DataStore;

  // Seeding helpers.
  addProject(id: string, organizationId: string): Project {
    const project: Project = { id, organizationId, name: id, key: id, ...STAMPS };
    this.state.projects.push(project);
    return project;
  }

  addEnvironment(id: string, projectId: string, secretValues: string[] = []): Environment {
    const env: Environment = {
      id,
      projectId,
      name: id,
      key: id,
      description: '',
      secrets: secretValues.map((value, i) => ({ id: `${id}-s${i}`, name: value, type: 'server', value })),
      settings: {},
      ...STAMPS,
    };
    this.state.environments.push(env);
    return env;
  }

  addEndUser(envId: string, keyId: string): StoredEndUser {
    const user: StoredEndUser = {
      id: `${envId}-${keyId}`,
      envId,
      workspaceId: null,
      keyId,
      name: keyId,
      customizedProperties: [],
      ...STAMPS,
    };
    this.state.endUsers.push(user);
    return user;
  }

  addProperty(envId: string, name: string): EndUserPropertyDefinition {
    const property: EndUserPropertyDefinition = {
      id: `${envId}-${name}`,
      envId,
      name,
      presetValues: [],
      usePresetValuesOnly: false,
      isBuiltIn: false,
      isDigestField: false,
      remark: '',
      ...STAMPS,
    };
    this.state.properties.push(property);
    return property;
  }

  addSegment(segment: Partial<Segment> & { id: string }): Segment {
    const full: Segment = {
      workspaceId: 'ws-1',
      envId: '',
      name: segment.id,
      key: segment.id,
      type: 'environment-specific',
      scopes: [],
      description: '',
      included: [],
      excluded: [],
      rules: [],
      tags: [],
      isArchived: false,
      ...STAMPS,
      ...segment,
    };
    this.state.segments.push(full);
    return full;
  }
}

/** What CacheSync and OutboxRelay were asked to do, in order. */
export type SideEffect = [string, ...unknown[]];

/** CacheSync, OutboxRelay and Logger fakes that record their calls into `effects`. */
export function recordingCollaborators(effects: SideEffect[]) {
  const cacheSync = {
    secretsAdded: async (_org: unknown, _project: unknown, env: Environment) => {
      effects.push(['secretsAdded', env.id]);
    },
    secretsRemoved: async (values: readonly string[]) => {
      effects.push(['secretsRemoved', [...values]]);
    },
    flagRemoved: async (envId: string, flagId: string) => {
      effects.push(['flagRemoved', envId, flagId]);
    },
    segmentRemoved: async (envIds: readonly string[], segmentId: string) => {
      effects.push(['segmentRemoved', [...envIds], segmentId]);
    },
  } as unknown as CacheSync;
  const relay = {
    kick: (committed: readonly OutboxMessage[] = []) => {
      effects.push(['kick', committed.map((m) => m.id)]);
    },
    idle: async () => {
      effects.push(['idle']);
    },
  } as unknown as OutboxRelay;
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => {
      effects.push(['warn', message]);
    },
    error: () => undefined,
    child: () => logger,
  };
  return { cacheSync, relay, logger };
}
