import { Injectable } from '@nestjs/common';
import type { Policy, PolicyStatement } from '../../core/iam/iam';
import { GroupRepository, PolicyRepository } from '../../core/ports/iam.repositories';

/** A member's policies in an organization: attached directly plus inherited through groups. */
@Injectable()
export class EffectivePolicies {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly groups: GroupRepository,
  ) {}

  async policiesOf(organizationId: string, memberId: string): Promise<Policy[]> {
    // Independent reads: issued together so a request waits for one round trip, not two.
    const [direct, groupIds] = await Promise.all([
      this.policies.listMemberPolicyIds(organizationId, memberId),
      this.groups.listGroupIdsOfMember(organizationId, memberId),
    ]);
    const inherited = (await Promise.all(groupIds.map((g) => this.groups.listPolicyIds(g)))).flat();
    const ids = [...new Set([...direct, ...inherited])];
    if (ids.length === 0) return [];
    const policies = await this.policies.findByIds(ids);
    return policies.filter((p) => p.organizationId === null || p.organizationId === organizationId);
  }

  async statementsOf(organizationId: string, memberId: string): Promise<PolicyStatement[]> {
    return (await this.policiesOf(organizationId, memberId)).flatMap((p) => p.statements);
  }
}
