import { EntitySchema } from 'typeorm';
import type { Policy } from '../../../../core/iam/iam';
import { jsonb, nullableText, primaryId, primaryText, stamps, text, timestamptz } from './column-types';
import { type EntityDefinition, linkId } from './entity-definition';

// Built-in policies have no organization (organizationId null).
export const POLICY_ENTITY: EntityDefinition<Policy> = {
  schema: new EntitySchema<Policy>({
    name: 'Policy',
    tableName: 'policies',
    columns: {
      id: primaryId,
      organizationId: nullableText('organization_id'),
      name: text(),
      key: text(),
      description: text(),
      type: text(),
      statements: jsonb(),
      ...stamps,
    },
    // On (coalesce(organization_id, ''), key): built-in keys are unique among themselves.
    indices: [{ name: 'uq_policies_organization_key', columns: ['organizationId', 'key'], unique: true }],
  }),
  mongo: {
    collection: 'Policies',
    // null is a value for a unique index, as the coalesce makes it in PostgreSQL.
    indexes: [
      [
        { organizationId: 1, key: 1 },
        { unique: true, name: 'uq_policies_organization_key' },
      ],
    ],
  },
};

/** A policy attached to an organization member. */
export interface MemberPolicy {
  organizationId: string;
  memberId: string;
  policyId: string;
  createdAt: string;
}

export const MEMBER_POLICY_ENTITY: EntityDefinition<MemberPolicy> = {
  schema: new EntitySchema<MemberPolicy>({
    name: 'MemberPolicy',
    tableName: 'member_policies',
    columns: {
      organizationId: primaryText('organization_id'),
      memberId: primaryText('member_id'),
      policyId: primaryText('policy_id'),
      createdAt: timestamptz('created_at'),
    },
    indices: [{ name: 'ix_member_policies_policy', columns: ['organizationId', 'policyId'] }],
  }),
  mongo: {
    collection: 'MemberPolicies',
    id: (link) => linkId(link.organizationId, link.memberId, link.policyId),
    indexes: [
      [{ organizationId: 1, memberId: 1 }, { name: 'ix_member_policies_member' }],
      [{ organizationId: 1, policyId: 1 }, { name: 'ix_member_policies_policy' }],
    ],
  },
};
