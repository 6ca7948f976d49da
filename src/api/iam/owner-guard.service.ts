import { Injectable } from '@nestjs/common';
import { OWNER_POLICY_ID } from '../../core/iam/built-in-policies';
import { GroupRepository, PolicyRepository } from '../../core/ports/iam.repositories';
import { BusinessRuleError, ERROR_CODES } from '../http/api-errors';

/** The "an organization keeps at least one Owner" rule, shared by member, group and policy writes. */
@Injectable()
export class OwnerGuard {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly groups: GroupRepository,
  ) {}

  /** Owners of the organization (directly or through a group). */
  async ownerIds(organizationId: string): Promise<Set<string>> {
    const owners = new Set(await this.policies.listMemberIdsWithPolicy(organizationId, OWNER_POLICY_ID));
    for (const groupId of await this.groups.listGroupIdsWithPolicy(OWNER_POLICY_ID)) {
      const group = await this.groups.findById(groupId);
      if (group?.organizationId !== organizationId) continue;
      for (const memberId of await this.groups.listMemberIds(groupId)) owners.add(memberId);
    }
    return owners;
  }

  /** Refuses a change that would leave the organization without any owner. */
  async keepAnOwner(organizationId: string, losingOwnership: string[]): Promise<void> {
    const owners = await this.ownerIds(organizationId);
    const remaining = [...owners].filter((id) => !losingOwnership.includes(id));
    if (owners.size > 0 && remaining.length === 0) {
      throw new BusinessRuleError(
        ERROR_CODES.cannotRemoveLastOwner,
        'the organization must keep at least one Owner',
      );
    }
  }

  /** Refuses detaching the Owner policy from the last member who owns the organization only directly. */
  async keepAnOwnerWithout(organizationId: string, memberId: string): Promise<void> {
    for (const groupId of await this.groups.listGroupIdsOfMember(organizationId, memberId)) {
      if ((await this.groups.listPolicyIds(groupId)).includes(OWNER_POLICY_ID)) return;
    }
    await this.keepAnOwner(organizationId, [memberId]);
  }

  /** Members who own the organization only through this group. */
  async ownersOnlyThrough(organizationId: string, groupId: string): Promise<string[]> {
    const direct = new Set(await this.policies.listMemberIdsWithPolicy(organizationId, OWNER_POLICY_ID));
    const lost: string[] = [];
    for (const memberId of await this.groups.listMemberIds(groupId)) {
      if (direct.has(memberId)) continue;
      let other = false;
      for (const g of await this.groups.listGroupIdsOfMember(organizationId, memberId)) {
        if (g !== groupId && (await this.groups.listPolicyIds(g)).includes(OWNER_POLICY_ID)) other = true;
      }
      if (!other) lost.push(memberId);
    }
    return lost;
  }

  /** Refuses removing the group (or its Owner policy) when that leaves no owner. */
  async keepAnOwnerWithoutGroup(organizationId: string, groupId: string): Promise<void> {
    await this.keepAnOwner(organizationId, await this.ownersOnlyThrough(organizationId, groupId));
  }
}
