import { Injectable } from '@nestjs/common';
import type { Policy, PolicyStatement } from '../../core/iam/iam';
import { PolicyRepository } from '../../core/ports/iam.repositories';

/** A member's policies in an organization: attached directly plus inherited through groups. */
@Injectable()
export class EffectivePolicies {
  constructor(private readonly policies: PolicyRepository) {}

  policiesOf(organizationId: string, memberId: string): Promise<Policy[]> {
    return this.policies.listEffective(organizationId, memberId);
  }

  async statementsOf(organizationId: string, memberId: string): Promise<PolicyStatement[]> {
    return (await this.policiesOf(organizationId, memberId)).flatMap((p) => p.statements);
  }
}
