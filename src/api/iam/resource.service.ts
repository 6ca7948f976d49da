import { Injectable } from '@nestjs/common';
import type { PolicyStatement } from '../../core/iam/iam';
import { isAllowed } from '../../core/iam/policy-decision';
import {
  buildCatalog,
  type CatalogEntry,
  type CatalogSpace,
  type CatalogType,
} from '../../core/iam/resource-catalog';
import { RN } from '../../core/iam/resource-name';
import { DataStore } from '../../core/ports/data-store.port';
import type { Organization } from '../../core/tenancy/tenancy';
import { EffectivePolicies } from '../auth/effective-policies.service';
import { TenantLookup } from '../auth/tenant-lookup.service';

/** Entries per type at most: the picker searches by name rather than scrolling. */
const LIMIT_PER_TYPE = 1000;

export interface ResourceQuery {
  types: readonly CatalogType[];
  name?: string;
  v2: boolean;
}

/**
 * FeatBit's resource picker over the caller's organization (or, at workspace level, every
 * organization of the workspace the caller belongs to). Only what the caller may see is listed:
 * projects need CanAccessProject, environments and their flags and segments CanAccessEnv, judged
 * by the caller's policies in that organization.
 */
@Injectable()
export class ResourceCatalog {
  constructor(
    private readonly store: DataStore,
    private readonly tenant: TenantLookup,
    private readonly policies: EffectivePolicies,
  ) {}

  async list(
    spaces: { org: Organization; statements: PolicyStatement[] }[],
    query: ResourceQuery & { workspaceLevel: boolean },
  ): Promise<CatalogEntry[]> {
    const loaded: CatalogSpace[] = [];
    for (const { org, statements } of spaces) loaded.push(await this.space(org, statements, query.types));
    return buildCatalog(loaded, { ...query, limit: LIMIT_PER_TYPE });
  }

  /** The organizations of the workspace the user belongs to, each with the user's statements there. */
  async workspaceSpaces(
    workspaceId: string,
    userId: string,
  ): Promise<{ org: Organization; statements: PolicyStatement[] }[]> {
    const orgs = await this.store.organizations.listForUser(workspaceId, userId);
    return Promise.all(
      orgs.map(async (org) => ({ org, statements: await this.policies.statementsOf(org.id, userId) })),
    );
  }

  private async space(
    org: Organization,
    statements: PolicyStatement[],
    types: readonly CatalogType[],
  ): Promise<CatalogSpace> {
    const can = (action: 'CanAccessProject' | 'CanAccessEnv', rn: string) =>
      isAllowed(statements, action, rn);
    const wantEnvs = types.some((t) => t === 'env' || t === 'flag' || t === 'segment');
    const space: CatalogSpace = {
      organization: { id: org.id, name: org.name, key: org.key },
      projects: [],
    };
    if (!types.some((t) => t === 'project') && !wantEnvs) return space;
    for (const project of await this.store.projects.listByOrganization(org.id)) {
      if (!can('CanAccessProject', RN.project(project.key))) continue;
      const envs: CatalogSpace['projects'][number]['envs'] = [];
      if (wantEnvs) {
        for (const env of await this.store.environments.listByProject(project.id)) {
          if (!can('CanAccessEnv', RN.env(project.key, env.key))) continue;
          const flags = types.includes('flag') ? await this.store.flags.listAll(env.id) : [];
          const segments = types.includes('segment')
            ? await this.store.segments.listAll(this.tenant.segmentScope(org, env, project))
            : [];
          envs.push({
            id: env.id,
            name: env.name,
            key: env.key,
            flags: flags
              .filter((f) => !f.isArchived)
              .map((f) => ({ id: f.id, name: f.name, key: f.key, tags: f.tags })),
            segments: segments
              .filter((s) => !s.isArchived)
              .map((s) => ({ id: s.id, name: s.name, key: s.key, tags: s.tags })),
          });
        }
      }
      space.projects.push({ id: project.id, name: project.name, key: project.key, envs });
    }
    return space;
  }
}
