import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/iam/actor';
import { OWNER_POLICY_ID } from '../../core/iam/built-in-policies';
import type { Group } from '../../core/iam/iam';
import { DataStore } from '../../core/ports/data-store.port';
import { GroupRepository, type NameSearch, PolicyRepository } from '../../core/ports/iam.repositories';
import { OrganizationRepository } from '../../core/ports/tenancy.repositories';
import type { Page } from '../../core/shared/paging';
import { AuditTrail } from '../audit/audit-trail.service';
import { ResourceNotFoundError } from '../http/api-errors';
import { MemberService } from './member.service';
import { OwnerGuard } from './owner-guard.service';
import { PolicyService } from './policy.service';

export interface GroupMemberView {
  id: string;
  name: string;
  email: string;
  isGroupMember: boolean;
}

export interface GroupPolicyView {
  id: string;
  name: string;
  key: string;
  description: string;
  type: string;
  isGroupPolicy: boolean;
}

/** Groups of an organization: every write commits with its audit entry; the last Owner stays. */
@Injectable()
export class GroupService {
  constructor(
    private readonly store: DataStore,
    private readonly groups: GroupRepository,
    private readonly policies: PolicyRepository,
    private readonly organizations: OrganizationRepository,
    private readonly members: MemberService,
    private readonly policyService: PolicyService,
    private readonly owners: OwnerGuard,
    private readonly audit: AuditTrail,
  ) {}

  async find(organizationId: string, groupId: string): Promise<Group> {
    const group = await this.groups.findById(groupId);
    if (!group || group.organizationId !== organizationId) throw new ResourceNotFoundError('group');
    return group;
  }

  list(organizationId: string, search: NameSearch): Promise<Page<Group>> {
    return this.groups.list(organizationId, search);
  }

  isNameUsed(organizationId: string, name: string): Promise<boolean> {
    return this.groups.isNameUsed(organizationId, name);
  }

  /** A taken name is refused by the repository (DuplicateKeyError, answered 422 NameHasBeenUsed). */
  create(
    actor: Actor,
    organizationId: string,
    input: { name: string; description?: string },
  ): Promise<Group> {
    const now = new Date().toISOString();
    return this.store.transaction(async (tx) => {
      const group = await tx.groups.create({
        id: randomUUID(),
        organizationId,
        name: input.name.trim(),
        description: input.description ?? '',
        createdAt: now,
        updatedAt: now,
      });
      await this.record(tx, actor, group, 'Create', null, group);
      return group;
    });
  }

  async update(
    actor: Actor,
    organizationId: string,
    groupId: string,
    input: { name: string; description?: string },
  ): Promise<Group> {
    const before = await this.find(organizationId, groupId);
    return this.store.transaction(async (tx) => {
      const after = await tx.groups.update({
        ...before,
        name: input.name.trim(),
        description: input.description ?? before.description,
        updatedAt: new Date().toISOString(),
      });
      await this.record(tx, actor, after, 'Update', before, after);
      return after;
    });
  }

  /** Deletes a group; its members keep their direct policies. */
  async delete(actor: Actor, organizationId: string, groupId: string): Promise<void> {
    const group = await this.find(organizationId, groupId);
    if ((await this.groups.listPolicyIds(groupId)).includes(OWNER_POLICY_ID)) {
      await this.owners.keepAnOwnerWithoutGroup(organizationId, groupId);
    }
    await this.store.transaction(async (tx) => {
      await tx.groups.delete(groupId);
      await this.record(tx, actor, group, 'Remove', group, null);
    });
  }

  /** Members of the organization, marked when in the group (all of them, or only the group's). */
  async membersOf(
    organizationId: string,
    groupId: string,
    query: { searchText?: string; getAllMembers?: boolean },
  ): Promise<GroupMemberView[]> {
    await this.find(organizationId, groupId);
    const inGroup = new Set(await this.groups.listMemberIds(groupId));
    const all = await this.organizations.listMembers(organizationId, {
      pageIndex: 0,
      pageSize: 100_000,
      searchText: query.searchText,
    });
    return all.items
      .map(({ user }) => ({
        id: user.id,
        name: user.name,
        email: user.email,
        isGroupMember: inGroup.has(user.id),
      }))
      .filter((m) => query.getAllMembers || m.isGroupMember);
  }

  async addMember(actor: Actor, organizationId: string, groupId: string, memberId: string): Promise<void> {
    const group = await this.find(organizationId, groupId);
    const user = await this.members.find(organizationId, memberId);
    const already = (await this.groups.listMemberIds(groupId)).includes(memberId);
    await this.store.transaction(async (tx) => {
      if (!already) await tx.groups.addMember(organizationId, groupId, memberId);
      await this.record(tx, actor, group, 'Update', null, {
        addedMember: { id: user.id, email: user.email },
      });
    });
  }

  async removeMember(actor: Actor, organizationId: string, groupId: string, memberId: string): Promise<void> {
    const group = await this.find(organizationId, groupId);
    const user = await this.members.find(organizationId, memberId);
    if ((await this.groups.listPolicyIds(groupId)).includes(OWNER_POLICY_ID)) {
      const lost = await this.owners.ownersOnlyThrough(organizationId, groupId);
      if (lost.includes(memberId)) await this.owners.keepAnOwner(organizationId, [memberId]);
    }
    await this.store.transaction(async (tx) => {
      await tx.groups.removeMember(groupId, memberId);
      await this.record(
        tx,
        actor,
        group,
        'Update',
        { removedMember: { id: user.id, email: user.email } },
        null,
      );
    });
  }

  /** Policies of the organization (built-in ones too), marked when attached to the group. */
  async policiesOf(organizationId: string, groupId: string, name?: string): Promise<GroupPolicyView[]> {
    await this.find(organizationId, groupId);
    const attached = new Set(await this.groups.listPolicyIds(groupId));
    const all = await this.policies.list(organizationId, { pageIndex: 0, pageSize: 10_000, name });
    return all.items.map((p) => ({
      id: p.id,
      name: p.name,
      key: p.key,
      description: p.description,
      type: p.type,
      isGroupPolicy: attached.has(p.id),
    }));
  }

  async addPolicy(actor: Actor, organizationId: string, groupId: string, policyId: string): Promise<void> {
    const group = await this.find(organizationId, groupId);
    const policy = await this.policyService.find(organizationId, policyId);
    const already = (await this.groups.listPolicyIds(groupId)).includes(policyId);
    await this.store.transaction(async (tx) => {
      if (!already) await tx.groups.attachPolicy(groupId, policyId);
      await this.record(tx, actor, group, 'Update', null, {
        attachedPolicy: { id: policy.id, key: policy.key },
      });
    });
  }

  async removePolicy(actor: Actor, organizationId: string, groupId: string, policyId: string): Promise<void> {
    const group = await this.find(organizationId, groupId);
    const policy = await this.policyService.find(organizationId, policyId);
    if (policyId === OWNER_POLICY_ID) await this.owners.keepAnOwnerWithoutGroup(organizationId, groupId);
    await this.store.transaction(async (tx) => {
      await tx.groups.detachPolicy(groupId, policyId);
      await this.record(
        tx,
        actor,
        group,
        'Update',
        { attachedPolicy: { id: policy.id, key: policy.key } },
        null,
      );
    });
  }

  private record(
    tx: DataStore,
    actor: Actor,
    group: Group,
    operation: 'Create' | 'Update' | 'Remove',
    previous: unknown,
    current: unknown,
  ): Promise<void> {
    return this.audit.recordInOrganization(tx, actor, group.organizationId, {
      refType: 'Group',
      refId: group.id,
      keywords: [group.name],
      operation,
      previous,
      current,
    });
  }
}
