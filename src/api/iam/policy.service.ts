import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/iam/actor';
import type { Group, Policy, PolicyStatement } from '../../core/iam/iam';
import { DataStore } from '../../core/ports/data-store.port';
import { GroupRepository, type NameSearch, PolicyRepository } from '../../core/ports/iam.repositories';
import { UserRepository } from '../../core/ports/tenancy.repositories';
import type { Page } from '../../core/shared/paging';
import type { UserAccount } from '../../core/tenancy/tenancy';
import { AuditTrail } from '../audit/audit-trail.service';
import { isUuid } from '../auth/tenant-lookup.service';
import { BusinessRuleError, ERROR_CODES, ResourceNotFoundError } from '../http/api-errors';

export interface PolicySettings {
  name: string;
  key: string;
  description?: string;
}

/** Policies of an organization: every write commits with its audit entry. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly store: DataStore,
    private readonly policies: PolicyRepository,
    private readonly groups: GroupRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** A policy usable in the organization: its own or a built-in one. */
  async find(organizationId: string, policyId: string): Promise<Policy> {
    const policy = await this.policies.findById(policyId);
    if (!policy || (policy.organizationId !== null && policy.organizationId !== organizationId)) {
      throw new ResourceNotFoundError('policy');
    }
    return policy;
  }

  list(organizationId: string, search: NameSearch): Promise<Page<Policy>> {
    return this.policies.list(organizationId, search);
  }

  isKeyUsed(organizationId: string, key: string): Promise<boolean> {
    return this.policies.isKeyUsed(organizationId, key);
  }

  async create(
    actor: Actor,
    organizationId: string,
    settings: PolicySettings,
    statements: PolicyStatement[] = [],
  ): Promise<Policy> {
    if (await this.policies.isKeyUsed(organizationId, settings.key)) {
      throw new BusinessRuleError(ERROR_CODES.keyHasBeenUsed, 'a policy with this key exists');
    }
    const now = new Date().toISOString();
    return this.store.transaction(async (tx) => {
      const policy = await tx.policies.create({
        id: randomUUID(),
        organizationId,
        name: settings.name.trim(),
        key: settings.key,
        description: settings.description ?? '',
        type: 'CustomerManaged',
        statements,
        createdAt: now,
        updatedAt: now,
      });
      await this.record(tx, actor, policy, 'Create', null, policy);
      return policy;
    });
  }

  /**
   * Copies a policy (built-in ones too) with fresh statement ids under a new key. The source is
   * named by key (FeatBit's PolicyController `clone/{key}`) or, as before, by id.
   */
  async clone(
    actor: Actor,
    organizationId: string,
    source: string,
    settings: PolicySettings,
  ): Promise<Policy> {
    const original = await this.findByIdOrKey(organizationId, source);
    const statements = original.statements.map((s) => ({ ...s, id: randomUUID() }));
    return this.create(actor, organizationId, settings, statements);
  }

  /** A policy of the organization (or a built-in one) by id, else by key; 404 when neither. */
  private async findByIdOrKey(organizationId: string, idOrKey: string): Promise<Policy> {
    if (idOrKey.length === 0 || idOrKey.length > 128) throw new ResourceNotFoundError('policy');
    if (isUuid(idOrKey)) {
      const byId = await this.policies.findById(idOrKey.toLowerCase());
      if (byId && (byId.organizationId === null || byId.organizationId === organizationId)) return byId;
    }
    // The repository has no key lookup; an organization's policies are few, so page through them.
    for (let pageIndex = 0; ; pageIndex++) {
      const page = await this.policies.list(organizationId, { pageIndex, pageSize: 500 });
      const match = page.items.find((p) => p.key === idOrKey);
      if (match) return match;
      if ((pageIndex + 1) * 500 >= page.totalCount || page.items.length === 0) break;
    }
    throw new ResourceNotFoundError('policy');
  }

  async updateSettings(
    actor: Actor,
    organizationId: string,
    policyId: string,
    settings: { name: string; description?: string },
  ): Promise<Policy> {
    const before = await this.editable(organizationId, policyId);
    return this.update(actor, before, {
      ...before,
      name: settings.name.trim(),
      description: settings.description ?? before.description,
    });
  }

  /**
   * Replaces the statements. `statements` may be a parser: it runs only once the policy is known to
   * be editable, so a built-in policy is refused whatever the body.
   */
  async updateStatements(
    actor: Actor,
    organizationId: string,
    policyId: string,
    statements: PolicyStatement[] | (() => PolicyStatement[]),
  ): Promise<Policy> {
    const before = await this.editable(organizationId, policyId);
    const parsed = typeof statements === 'function' ? statements() : statements;
    return this.update(actor, before, { ...before, statements: parsed });
  }

  /** Deletes a policy and detaches it from members and groups. */
  async delete(actor: Actor, organizationId: string, policyId: string): Promise<void> {
    const policy = await this.editable(organizationId, policyId);
    const memberIds = await this.policies.listMemberIdsWithPolicy(organizationId, policyId);
    const groupIds = await this.groups.listGroupIdsWithPolicy(policyId);
    await this.store.transaction(async (tx) => {
      for (const memberId of memberIds)
        await tx.policies.detachFromMember(organizationId, memberId, policyId);
      for (const groupId of groupIds) await tx.groups.detachPolicy(groupId, policyId);
      await tx.policies.delete(policyId);
      await this.record(tx, actor, policy, 'Remove', policy, null);
    });
  }

  /** Groups of the organization the policy is attached to. */
  async groupsOf(organizationId: string, policyId: string): Promise<Group[]> {
    await this.find(organizationId, policyId);
    const groups = await Promise.all(
      (await this.groups.listGroupIdsWithPolicy(policyId)).map((id) => this.groups.findById(id)),
    );
    return groups.filter((g): g is Group => g !== null && g.organizationId === organizationId);
  }

  /** Members the policy is attached to directly. */
  async membersOf(organizationId: string, policyId: string): Promise<UserAccount[]> {
    await this.find(organizationId, policyId);
    return this.users.findByIds(await this.policies.listMemberIdsWithPolicy(organizationId, policyId));
  }

  private async editable(organizationId: string, policyId: string): Promise<Policy> {
    const policy = await this.find(organizationId, policyId);
    if (policy.type === 'SysManaged') {
      throw new BusinessRuleError(
        ERROR_CODES.cannotModifySysManagedPolicy,
        'built-in policies are read-only',
      );
    }
    return policy;
  }

  private update(actor: Actor, before: Policy, changed: Policy): Promise<Policy> {
    return this.store.transaction(async (tx) => {
      const after = await tx.policies.update({ ...changed, updatedAt: new Date().toISOString() });
      await this.record(tx, actor, after, 'Update', before, after);
      return after;
    });
  }

  private record(
    tx: DataStore,
    actor: Actor,
    policy: Policy,
    operation: 'Create' | 'Update' | 'Remove',
    previous: unknown,
    current: unknown,
  ): Promise<void> {
    return this.audit.recordInOrganization(tx, actor, policy.organizationId ?? '', {
      refType: 'Policy',
      refId: policy.id,
      keywords: [policy.key, policy.name],
      operation,
      previous,
      current,
    });
  }
}
