import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DEVELOPER_POLICY_ID, OWNER_POLICY_ID } from '../../core/iam/built-in-policies';
import { DataStore } from '../../core/ports/data-store.port';
import { type MemberSearch, OrganizationRepository } from '../../core/ports/tenancy.repositories';
import type { Page } from '../../core/shared/paging';
import type { Organization, UserAccount, Workspace } from '../../core/tenancy/tenancy';
import type { Actor } from '../../core/iam/actor';
import { AuditTrail } from '../audit/audit-trail.service';
import { BusinessRuleError, ERROR_CODES, ResourceNotFoundError } from '../http/api-errors';
import { type NewEnvironmentInput, ProjectService } from './project.service';
import type { UpdateOrganizationDto } from './tenancy-input.dto';

/**
 * Who looks at organizations: a signed-in user sees those they belong to; an access token only
 * the organization it was issued for.
 */
export type OrganizationViewer = { userId: string } | { tokenOrganization: Organization };

@Injectable()
export class OrganizationService {
  constructor(
    private readonly store: DataStore,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditTrail,
    private readonly projects: ProjectService,
  ) {}

  /** The organizations of the workspace the viewer may see. */
  async listVisible(workspaceId: string, viewer: OrganizationViewer): Promise<Organization[]> {
    if ('tokenOrganization' in viewer) return [viewer.tokenOrganization];
    return this.organizations.listForUser(workspaceId, viewer.userId);
  }

  /** One organization of the workspace, if the viewer may see it (404 otherwise). */
  async findVisible(workspaceId: string, id: string, viewer: OrganizationViewer): Promise<Organization> {
    const org = await this.organizations.findById(id);
    const visible =
      org !== null &&
      org.workspaceId === workspaceId &&
      ('tokenOrganization' in viewer
        ? viewer.tokenOrganization.id === id
        : (await this.organizations.findMember(id, viewer.userId)) !== null);
    if (!visible) throw new ResourceNotFoundError('organization');
    return org;
  }

  isKeyUsed(workspaceId: string, key: string): Promise<boolean> {
    return this.organizations.isKeyUsed(workspaceId, key);
  }

  /** Members' accounts (names and e-mails), a page at a time. */
  async members(organizationId: string, search: MemberSearch): Promise<Page<UserAccount>> {
    const page = await this.organizations.listMembers(organizationId, search);
    return { totalCount: page.totalCount, items: page.items.map(({ user }) => user) };
  }

  /** A new organization; the creating user becomes a member with the built-in Owner policy. */
  async create(
    workspace: Workspace,
    actor: Actor,
    input: { name: string; key: string },
  ): Promise<Organization> {
    const now = new Date().toISOString();
    const org: Organization = {
      id: randomUUID(),
      workspaceId: workspace.id,
      name: input.name,
      key: input.key,
      initialized: true,
      defaultPermissions: { policyIds: [DEVELOPER_POLICY_ID], groupIds: [] },
      settings: { flagSortedBy: 'created_at' },
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction(async (tx) => {
      await tx.organizations.create(org);
      await tx.organizations.addMember({
        organizationId: org.id,
        userId: actor.userId,
        invitorId: null,
        createdAt: now,
      });
      await tx.policies.attachToMember(org.id, actor.userId, OWNER_POLICY_ID);
      await this.audit.record(tx, actor, {
        organizationId: org.id,
        envId: '',
        refType: 'Organization',
        refId: org.id,
        keywords: [org.key, org.name],
        operation: 'Create',
        previous: null,
        current: org,
      });
    });
    return org;
  }

  async update(org: Organization, actor: Actor, input: UpdateOrganizationDto): Promise<Organization> {
    if (input.defaultPermissions) await this.checkDefaultPermissions(org, input.defaultPermissions);
    const updated: Organization = {
      ...org,
      name: input.name?.trim() ?? org.name,
      defaultPermissions: input.defaultPermissions
        ? {
            policyIds: [...new Set(input.defaultPermissions.policyIds)],
            groupIds: [...new Set(input.defaultPermissions.groupIds)],
          }
        : org.defaultPermissions,
      settings: input.settings ? { ...org.settings, ...input.settings } : org.settings,
      updatedAt: new Date().toISOString(),
    };
    return this.store.transaction(async (tx) => {
      const saved = await tx.organizations.update(updated);
      await this.audit.record(tx, actor, {
        organizationId: org.id,
        envId: '',
        refType: 'Organization',
        refId: org.id,
        keywords: [org.key, saved.name],
        operation: 'Update',
        previous: org,
        current: saved,
      });
      return saved;
    });
  }

  /**
   * FeatBit's first-run onboarding (Application/Organizations/Onboarding.cs): names the organization,
   * marks it initialized and creates its first project with the listed environments. Each write is
   * audited by the service that makes it.
   */
  async onboard(
    org: Organization,
    actor: Actor,
    input: {
      organizationName: string;
      project: { name: string; key: string };
      environments: NewEnvironmentInput[];
    },
  ): Promise<Organization> {
    if (await this.projects.isKeyUsed(org.id, input.project.key)) {
      throw new BusinessRuleError(ERROR_CODES.keyHasBeenUsed, `project key ${input.project.key} is taken`);
    }
    const renamed: Organization = {
      ...org,
      name: input.organizationName,
      initialized: true,
      updatedAt: new Date().toISOString(),
    };
    const saved = await this.store.transaction(async (tx) => {
      const next = await tx.organizations.update(renamed);
      await this.audit.record(tx, actor, {
        organizationId: org.id,
        envId: '',
        refType: 'Organization',
        refId: org.id,
        keywords: [org.key, next.name],
        operation: 'Update',
        previous: org,
        current: next,
      });
      return next;
    });
    await this.projects.createProject(saved, actor, { ...input.project, environments: input.environments });
    return saved;
  }

  private async checkDefaultPermissions(
    org: Organization,
    perms: { policyIds: string[]; groupIds: string[] },
  ): Promise<void> {
    if (perms.policyIds.length + perms.groupIds.length === 0) {
      throw new BusinessRuleError(
        'DefaultPermissionsRequired',
        'default permissions must name at least one policy or group',
      );
    }
    const policies = await this.store.policies.findByIds(perms.policyIds);
    const known = policies.filter((p) => p.organizationId === null || p.organizationId === org.id);
    if (known.length !== new Set(perms.policyIds).size) {
      throw new BusinessRuleError('PolicyNotFound', 'a default policy does not exist in this organization');
    }
    for (const groupId of perms.groupIds) {
      const group = await this.store.groups.findById(groupId);
      if (!group || group.organizationId !== org.id) {
        throw new BusinessRuleError('GroupNotFound', 'a default group does not exist in this organization');
      }
    }
  }

  /** Deletes the organization with its projects; the last organization of a workspace stays. */
  async delete(org: Organization, actor: Actor): Promise<void> {
    const siblings = await this.store.organizations.listByWorkspace(org.workspaceId);
    if (siblings.length <= 1) {
      throw new BusinessRuleError(
        'CannotDeleteLastOrganization',
        'a workspace keeps at least one organization',
      );
    }
    for (const project of await this.store.projects.listByOrganization(org.id)) {
      await this.projects.deleteProject(org, project, actor);
    }
    await this.store.transaction(async (tx) => {
      await tx.organizations.delete(org.id);
      await this.audit.record(tx, actor, {
        organizationId: org.id,
        envId: '',
        refType: 'Organization',
        refId: org.id,
        keywords: [org.key, org.name],
        operation: 'Remove',
        previous: org,
        current: null,
      });
    });
  }
}
