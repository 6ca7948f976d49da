import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/iam/actor';
import { DEVELOPER_POLICY_ID, OWNER_POLICY_ID } from '../../core/iam/built-in-policies';
import type { Group, Policy, PolicyStatement } from '../../core/iam/iam';
import { isAllowed } from '../../core/iam/policy-decision';
import { RN } from '../../core/iam/resource-name';
import { DataStore } from '../../core/ports/data-store.port';
import { GroupRepository, PolicyRepository } from '../../core/ports/iam.repositories';
import {
  type MemberSearch,
  OrganizationRepository,
  UserRepository,
  WorkspaceRepository,
} from '../../core/ports/tenancy.repositories';
import type { Page } from '../../core/shared/paging';
import type { Organization, OrganizationMember, UserAccount } from '../../core/tenancy/tenancy';
import { generatePassword, hashPassword } from '../../shared/crypto/password-hasher';
import { AuditTrail } from '../audit/audit-trail.service';
import { EffectivePolicies } from '../auth/effective-policies.service';
import { BusinessRuleError, ForbiddenError, ResourceNotFoundError } from '../http/api-errors';
import { OwnerGuard } from './owner-guard.service';
import { PolicyService } from './policy.service';

export interface MemberView {
  id: string;
  email: string;
  name: string;
  invitorId: string | null;
  groups: { id: string; name: string }[];
  createdAt: string;
}

export interface InheritedPolicyView {
  id: string;
  name: string;
  key: string;
  type: string;
  groups: { id: string; name: string }[];
}

/** Membership of an organization and the member's policy attachments: writes commit with their audit entry. */
@Injectable()
export class MemberService {
  constructor(
    private readonly store: DataStore,
    private readonly organizations: OrganizationRepository,
    private readonly users: UserRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly groups: GroupRepository,
    private readonly policies: PolicyRepository,
    private readonly policyService: PolicyService,
    private readonly owners: OwnerGuard,
    private readonly effective: EffectivePolicies,
    private readonly audit: AuditTrail,
  ) {}

  async find(organizationId: string, memberId: string): Promise<UserAccount> {
    const member = await this.organizations.findMember(organizationId, memberId);
    const user = member ? await this.users.findById(memberId) : null;
    if (!user) throw new ResourceNotFoundError('member');
    return user;
  }

  async list(organizationId: string, search: MemberSearch): Promise<Page<MemberView>> {
    const page = await this.organizations.listMembers(organizationId, search);
    return {
      totalCount: page.totalCount,
      items: await Promise.all(page.items.map(({ member, user }) => this.view(member, user))),
    };
  }

  async get(organizationId: string, memberId: string): Promise<MemberView> {
    const user = await this.find(organizationId, memberId);
    return this.view((await this.organizations.findMember(organizationId, memberId))!, user);
  }

  /**
   * Adds a member by e-mail. An unknown e-mail gets a local account with a generated initial
   * password, returned once (FeatBit shows it to the admin; no e-mail is sent). Without policies
   * or groups the organization's default permissions apply.
   */
  async add(
    actor: Actor,
    org: Organization,
    input: { email: string; policyIds?: string[]; groupIds?: string[] },
  ): Promise<{ user: UserAccount; created: boolean; initialPassword: string | null }> {
    const email = input.email.trim().toLowerCase();
    const explicit = Boolean(input.policyIds?.length || input.groupIds?.length);
    const defaults = defaultGrants(org);
    const policyIds = explicit ? (input.policyIds ?? []) : defaults.policyIds;
    const groupIds = explicit ? (input.groupIds ?? []) : defaults.groupIds;
    for (const id of policyIds) await this.policyService.find(org.id, id);
    for (const id of groupIds) {
      const group = await this.groups.findById(id);
      if (!group || group.organizationId !== org.id) throw new ResourceNotFoundError('group');
    }
    const existing = await this.users.findByEmail(email);
    if (existing && (await this.organizations.findMember(org.id, existing.id))) {
      throw new BusinessRuleError(
        'MemberAlreadyExists',
        'this account is already a member of the organization',
      );
    }
    const now = new Date().toISOString();
    const initialPassword = existing ? null : generatePassword(12);
    const user: UserAccount = existing ?? {
      id: randomUUID(),
      email,
      name: email.split('@')[0],
      passwordHash: await hashPassword(initialPassword!),
      origin: 'Local',
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction(async (tx) => {
      // Account first, then memberships: a failure on MongoDB leaves at most an unused account.
      if (!existing) await tx.users.create(user);
      const workspaces = await tx.workspaces.listForUser(user.id);
      if (!workspaces.some((w) => w.id === org.workspaceId))
        await tx.workspaces.addUser(org.workspaceId, user.id);
      await tx.organizations.addMember({
        organizationId: org.id,
        userId: user.id,
        invitorId: actor.userId,
        createdAt: now,
      });
      for (const id of policyIds) await tx.policies.attachToMember(org.id, user.id, id);
      for (const id of groupIds) await tx.groups.addMember(org.id, id, user.id);
      await this.audit.recordInOrganization(tx, actor, org.id, {
        refType: 'Member',
        refId: user.id,
        keywords: [user.email, user.name],
        operation: 'Create',
        previous: null,
        current: { id: user.id, email: user.email, policyIds, groupIds },
      });
    });
    return { user, created: !existing, initialPassword };
  }

  /**
   * The signed-in user joins an organization of their workspace with its default permissions
   * (FeatBit's UserController `join-organization`, after the first SSO sign-in). Already a member:
   * nothing changes. Unlike FeatBit, a member of another organization of the workspace is refused:
   * joining is for users who belong to none yet, not a way around an admin's choice.
   */
  async join(org: Organization, user: UserAccount): Promise<void> {
    if (await this.organizations.findMember(org.id, user.id)) return;
    if ((await this.organizations.listForUser(org.workspaceId, user.id)).length > 0) {
      throw new ForbiddenError(
        'you already belong to an organization of this workspace; ask an administrator to add you',
      );
    }
    const { policyIds, groupIds } = defaultGrants(org);
    const actor: Actor = { creatorId: user.id, kind: 'user', userId: user.id };
    const now = new Date().toISOString();
    await this.store.transaction(async (tx) => {
      await tx.organizations.addMember({
        organizationId: org.id,
        userId: user.id,
        invitorId: null,
        createdAt: now,
      });
      for (const id of policyIds) await tx.policies.attachToMember(org.id, user.id, id);
      for (const id of groupIds) await tx.groups.addMember(org.id, id, user.id);
      await this.audit.recordInOrganization(tx, actor, org.id, {
        refType: 'Member',
        refId: user.id,
        keywords: [user.email, user.name],
        operation: 'Create',
        previous: null,
        current: { id: user.id, email: user.email, policyIds, groupIds },
      });
    });
  }

  /** Removes a member from one organization (the last Owner stays). */
  async removeFromOrganization(actor: Actor, organizationId: string, memberId: string): Promise<void> {
    await this.removeUser(actor, organizationId, await this.find(organizationId, memberId));
  }

  /**
   * Removes a member from every organization of the workspace; the caller must manage IAM in each
   * (`caller` holds the statements already established for the current organization). An account
   * left in no workspace is deleted and its sessions revoked.
   */
  async removeFromWorkspace(
    actor: Actor,
    workspaceId: string,
    caller: { organizationId: string; statements: PolicyStatement[] },
    memberId: string,
  ): Promise<void> {
    const user = await this.find(caller.organizationId, memberId);
    for (const org of await this.organizations.listForUser(workspaceId, user.id)) {
      const statements =
        org.id === caller.organizationId
          ? caller.statements
          : await this.effective.statementsOf(org.id, actor.userId);
      if (!isAllowed(statements, 'CanManageIAM', RN.iam())) {
        throw new ForbiddenError(`you cannot manage members of organization ${org.key}`);
      }
    }
    for (const org of await this.organizations.listForUser(workspaceId, user.id)) {
      await this.removeUser(actor, org.id, user);
    }
    await this.store.transaction(async (tx) => {
      await tx.workspaces.removeUser(workspaceId, user.id);
      if ((await tx.workspaces.listForUser(user.id)).length === 0) {
        await tx.refreshTokens.revokeAllForUser(user.id, new Date().toISOString());
        await tx.users.delete(user.id);
      }
    });
  }

  /** Groups of the organization, marked when the member belongs to them (all, or only the member's). */
  async groupsOf(
    organizationId: string,
    memberId: string,
    query: { name?: string; getAllGroups?: boolean },
  ): Promise<{ group: Group; isGroupMember: boolean }[]> {
    await this.find(organizationId, memberId);
    const mine = new Set(await this.groups.listGroupIdsOfMember(organizationId, memberId));
    const all = await this.groups.list(organizationId, { pageIndex: 0, pageSize: 10_000, name: query.name });
    return all.items
      .map((group) => ({ group, isGroupMember: mine.has(group.id) }))
      .filter((g) => query.getAllGroups || g.isGroupMember);
  }

  /** Every effective policy of the member (direct and through groups). */
  async policiesOf(organizationId: string, memberId: string): Promise<Policy[]> {
    await this.find(organizationId, memberId);
    return this.effective.policiesOf(organizationId, memberId);
  }

  async directPolicies(organizationId: string, memberId: string, name?: string): Promise<Policy[]> {
    await this.find(organizationId, memberId);
    const ids = await this.policies.listMemberPolicyIds(organizationId, memberId);
    return (await this.policies.findByIds(ids)).filter((p) => matchesName(p, name));
  }

  /** Policies the member gets through groups, with the names of those groups. */
  async inheritedPolicies(
    organizationId: string,
    memberId: string,
    name?: string,
  ): Promise<InheritedPolicyView[]> {
    await this.find(organizationId, memberId);
    const byPolicy = new Map<string, { id: string; name: string }[]>();
    for (const groupId of await this.groups.listGroupIdsOfMember(organizationId, memberId)) {
      const group = await this.groups.findById(groupId);
      if (!group) continue;
      for (const policyId of await this.groups.listPolicyIds(groupId)) {
        byPolicy.set(policyId, [...(byPolicy.get(policyId) ?? []), { id: group.id, name: group.name }]);
      }
    }
    return (await this.policies.findByIds([...byPolicy.keys()]))
      .filter((p) => matchesName(p, name))
      .map((p) => ({ id: p.id, name: p.name, key: p.key, type: p.type, groups: byPolicy.get(p.id) ?? [] }));
  }

  attachPolicy(actor: Actor, organizationId: string, memberId: string, policyId: string): Promise<void> {
    return this.changePolicy(actor, organizationId, memberId, policyId, 'attach');
  }

  /** Detaches a policy from a member; the last Owner keeps the Owner policy. */
  detachPolicy(actor: Actor, organizationId: string, memberId: string, policyId: string): Promise<void> {
    return this.changePolicy(actor, organizationId, memberId, policyId, 'detach');
  }

  private async removeUser(actor: Actor, organizationId: string, user: UserAccount): Promise<void> {
    await this.owners.keepAnOwner(organizationId, [user.id]);
    const policyIds = await this.policies.listMemberPolicyIds(organizationId, user.id);
    const groupIds = await this.groups.listGroupIdsOfMember(organizationId, user.id);
    await this.store.transaction(async (tx) => {
      await tx.organizations.removeMember(organizationId, user.id);
      for (const id of policyIds) await tx.policies.detachFromMember(organizationId, user.id, id);
      for (const id of groupIds) await tx.groups.removeMember(id, user.id);
      await this.audit.recordInOrganization(tx, actor, organizationId, {
        refType: 'Member',
        refId: user.id,
        keywords: [user.email, user.name],
        operation: 'Remove',
        previous: { id: user.id, email: user.email, policyIds, groupIds },
        current: null,
      });
    });
  }

  private async changePolicy(
    actor: Actor,
    organizationId: string,
    memberId: string,
    policyId: string,
    change: 'attach' | 'detach',
  ): Promise<void> {
    const user = await this.find(organizationId, memberId);
    const policy = await this.policyService.find(organizationId, policyId);
    if (change === 'detach' && policyId === OWNER_POLICY_ID) {
      await this.owners.keepAnOwnerWithout(organizationId, memberId);
    }
    await this.store.transaction(async (tx) => {
      if (change === 'attach') await tx.policies.attachToMember(organizationId, memberId, policyId);
      else await tx.policies.detachFromMember(organizationId, memberId, policyId);
      await this.recordPolicyChange(tx, actor, organizationId, user, policy, change);
    });
  }

  private recordPolicyChange(
    tx: DataStore,
    actor: Actor,
    organizationId: string,
    user: UserAccount,
    policy: Policy,
    change: 'attach' | 'detach',
  ): Promise<void> {
    const attachedPolicy = { attachedPolicy: { id: policy.id, key: policy.key } };
    return this.audit.recordInOrganization(tx, actor, organizationId, {
      refType: 'Member',
      refId: user.id,
      keywords: [user.email, policy.name],
      operation: 'Update',
      previous: change === 'detach' ? attachedPolicy : null,
      current: change === 'attach' ? attachedPolicy : null,
    });
  }

  private async view(member: OrganizationMember, user: UserAccount): Promise<MemberView> {
    const groupIds = await this.groups.listGroupIdsOfMember(member.organizationId, user.id);
    const groups = (await Promise.all(groupIds.map((id) => this.groups.findById(id)))).filter(
      (g) => g !== null,
    );
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      invitorId: member.invitorId,
      groups: groups.map((g) => ({ id: g.id, name: g.name })),
      createdAt: member.createdAt,
    };
  }
}

function matchesName(policy: Policy, name: string | undefined): boolean {
  return !name || policy.name.toLowerCase().includes(name.toLowerCase());
}

/** The organization's default permissions; none set means FeatBit's default, the built-in Developer policy. */
function defaultGrants(org: Organization): { policyIds: string[]; groupIds: string[] } {
  const defaults = org.defaultPermissions;
  if (defaults.policyIds.length + defaults.groupIds.length === 0)
    return { policyIds: [DEVELOPER_POLICY_ID], groupIds: [] };
  return { policyIds: defaults.policyIds, groupIds: defaults.groupIds };
}
