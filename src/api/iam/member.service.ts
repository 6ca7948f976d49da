import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DEVELOPER_POLICY_ID, OWNER_POLICY_ID } from '../../core/iam/built-in-policies';
import type { Policy } from '../../core/iam/iam';
import { DataStore } from '../../core/ports/data-store.port';
import type { Organization, UserAccount } from '../../core/tenancy/tenancy';
import { generatePassword, hashPassword } from '../../shared/crypto/password-hasher';
import type { ApiContext } from '../auth/api-context';
import { AuditTrail, type AuditRecord } from '../audit/audit-trail.service';
import { BusinessRuleError, ERROR_CODES, ResourceNotFoundError } from '../http/api-errors';

/** Membership and policy attachments of an organization, with their audit entries. */
@Injectable()
export class MemberService {
  constructor(
    private readonly store: DataStore,
    private readonly audit: AuditTrail,
  ) {}

  auditRecord(ctx: ApiContext, record: Omit<AuditRecord, 'organizationId' | 'envId'>): Promise<void> {
    return this.audit.record(this.store, ctx.actor, { ...record, organizationId: ctx.org.id, envId: '' });
  }

  async member(org: Organization, memberId: string): Promise<UserAccount> {
    const member = await this.store.organizations.findMember(org.id, memberId);
    const user = member ? await this.store.users.findById(memberId) : null;
    if (!user) throw new ResourceNotFoundError('member');
    return user;
  }

  /** A policy usable in the organization: its own or a built-in one. */
  async policy(org: Organization, policyId: string): Promise<Policy> {
    const policy = await this.store.policies.findById(policyId);
    if (!policy || (policy.organizationId !== null && policy.organizationId !== org.id)) {
      throw new ResourceNotFoundError('policy');
    }
    return policy;
  }

  /**
   * Adds a member by e-mail. An unknown e-mail gets a local account with a generated initial
   * password, returned once (FeatBit shows it to the admin; no e-mail is sent). Without policies
   * or groups the organization's default permissions apply.
   */
  async add(
    ctx: ApiContext,
    input: { email: string; policyIds?: string[]; groupIds?: string[] },
  ): Promise<{ user: UserAccount; created: boolean; initialPassword: string | null }> {
    const org = ctx.org;
    const email = input.email.trim().toLowerCase();
    const explicit = Boolean(input.policyIds?.length || input.groupIds?.length);
    const defaults = org.defaultPermissions;
    const noDefaults = defaults.policyIds.length + defaults.groupIds.length === 0;
    // FeatBit's default permission is the built-in Developer policy.
    const policyIds = explicit
      ? (input.policyIds ?? [])
      : noDefaults
        ? [DEVELOPER_POLICY_ID]
        : defaults.policyIds;
    const groupIds = explicit ? (input.groupIds ?? []) : defaults.groupIds;
    for (const id of policyIds) await this.policy(org, id);
    for (const id of groupIds) {
      const group = await this.store.groups.findById(id);
      if (!group || group.organizationId !== org.id) throw new ResourceNotFoundError('group');
    }
    const existing = await this.store.users.findByEmail(email);
    if (existing && (await this.store.organizations.findMember(org.id, existing.id))) {
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
        invitorId: ctx.actor.userId,
        createdAt: now,
      });
      for (const id of policyIds) await tx.policies.attachToMember(org.id, user.id, id);
      for (const id of groupIds) await tx.groups.addMember(org.id, id, user.id);
      await this.audit.record(tx, ctx.actor, {
        organizationId: org.id,
        envId: '',
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

  /** Owners of the organization (directly or through a group), for the last-owner guard. */
  async ownerIds(org: Organization): Promise<Set<string>> {
    const owners = new Set(await this.store.policies.listMemberIdsWithPolicy(org.id, OWNER_POLICY_ID));
    for (const groupId of await this.store.groups.listGroupIdsWithPolicy(OWNER_POLICY_ID)) {
      const group = await this.store.groups.findById(groupId);
      if (group?.organizationId !== org.id) continue;
      for (const memberId of await this.store.groups.listMemberIds(groupId)) owners.add(memberId);
    }
    return owners;
  }

  /** Refuses a change that would leave the organization without any owner. */
  async keepAnOwner(org: Organization, losingOwnership: string[]): Promise<void> {
    const owners = await this.ownerIds(org);
    const remaining = [...owners].filter((id) => !losingOwnership.includes(id));
    if (owners.size > 0 && remaining.length === 0) {
      throw new BusinessRuleError(
        ERROR_CODES.cannotRemoveLastOwner,
        'the organization must keep at least one Owner',
      );
    }
  }

  /** Refuses detaching the Owner policy from the last member who owns the organization only directly. */
  async keepAnOwnerWithout(org: Organization, memberId: string): Promise<void> {
    for (const groupId of await this.store.groups.listGroupIdsOfMember(org.id, memberId)) {
      if ((await this.store.groups.listPolicyIds(groupId)).includes(OWNER_POLICY_ID)) return;
    }
    await this.keepAnOwner(org, [memberId]);
  }

  async removeFromOrg(ctx: ApiContext, user: UserAccount, org: Organization = ctx.org): Promise<void> {
    await this.keepAnOwner(org, [user.id]);
    const policyIds = await this.store.policies.listMemberPolicyIds(org.id, user.id);
    const groupIds = await this.store.groups.listGroupIdsOfMember(org.id, user.id);
    await this.store.transaction(async (tx) => {
      await tx.organizations.removeMember(org.id, user.id);
      for (const id of policyIds) await tx.policies.detachFromMember(org.id, user.id, id);
      for (const id of groupIds) await tx.groups.removeMember(id, user.id);
      await this.audit.record(tx, ctx.actor, {
        organizationId: org.id,
        envId: '',
        refType: 'Member',
        refId: user.id,
        keywords: [user.email, user.name],
        operation: 'Remove',
        previous: { id: user.id, email: user.email, policyIds, groupIds },
        current: null,
      });
    });
  }
}
