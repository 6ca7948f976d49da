import { EntitySchema } from 'typeorm';
import type { Group } from '../../../../core/iam/iam';
import { primaryId, primaryText, stamps, text, timestamptz } from './column-types';
import { type EntityDefinition, linkId } from './entity-definition';

export const GROUP_ENTITY: EntityDefinition<Group> = {
  schema: new EntitySchema<Group>({
    name: 'Group',
    tableName: 'groups',
    columns: {
      id: primaryId,
      organizationId: text('organization_id'),
      name: text(),
      description: text(),
      ...stamps,
    },
    indices: [{ name: 'uq_groups_organization_name', columns: ['organizationId', 'name'], unique: true }],
  }),
  mongo: {
    collection: 'Groups',
    indexes: [
      [
        { organizationId: 1, name: 1 },
        { unique: true, name: 'uq_groups_organization_name' },
      ],
    ],
  },
};

/** An organization member in a group. */
export interface GroupMember {
  groupId: string;
  organizationId: string;
  memberId: string;
  createdAt: string;
}

export const GROUP_MEMBER_ENTITY: EntityDefinition<GroupMember> = {
  schema: new EntitySchema<GroupMember>({
    name: 'GroupMember',
    tableName: 'group_members',
    columns: {
      groupId: primaryText('group_id'),
      organizationId: text('organization_id'),
      memberId: primaryText('member_id'),
      createdAt: timestamptz('created_at'),
    },
    indices: [{ name: 'ix_group_members_member', columns: ['organizationId', 'memberId'] }],
  }),
  mongo: {
    collection: 'GroupMembers',
    id: (link) => linkId(link.groupId, link.organizationId, link.memberId),
    indexes: [
      [{ groupId: 1 }, { name: 'ix_group_members_group' }],
      [{ organizationId: 1, memberId: 1 }, { name: 'ix_group_members_member' }],
    ],
  },
};

/** A policy attached to a group. */
export interface GroupPolicy {
  groupId: string;
  policyId: string;
  createdAt: string;
}

export const GROUP_POLICY_ENTITY: EntityDefinition<GroupPolicy> = {
  schema: new EntitySchema<GroupPolicy>({
    name: 'GroupPolicy',
    tableName: 'group_policies',
    columns: {
      groupId: primaryText('group_id'),
      policyId: primaryText('policy_id'),
      createdAt: timestamptz('created_at'),
    },
    indices: [{ name: 'ix_group_policies_policy', columns: ['policyId'] }],
  }),
  mongo: {
    collection: 'GroupPolicies',
    id: (link) => linkId(link.groupId, link.policyId),
    indexes: [
      [{ groupId: 1 }, { name: 'ix_group_policies_group' }],
      [{ policyId: 1 }, { name: 'ix_group_policies_policy' }],
    ],
  },
};
