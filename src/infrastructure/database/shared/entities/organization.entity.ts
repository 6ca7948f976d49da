import { EntitySchema } from 'typeorm';
import type { Organization, OrganizationMember } from '../../../../core/tenancy/tenancy';
import { bool, jsonb, nullableText, primaryId, primaryText, stamps, text, timestamptz } from './column-types';
import { type EntityDefinition, linkId } from './entity-definition';

export const ORGANIZATION_ENTITY: EntityDefinition<Organization> = {
  schema: new EntitySchema<Organization>({
    name: 'Organization',
    tableName: 'organizations',
    columns: {
      id: primaryId,
      workspaceId: text('workspace_id'),
      name: text(),
      key: text(),
      initialized: bool(),
      defaultPermissions: jsonb('default_permissions'),
      settings: jsonb(),
      ...stamps,
    },
    indices: [{ name: 'uq_organizations_workspace_key', columns: ['workspaceId', 'key'], unique: true }],
  }),
  mongo: {
    collection: 'Organizations',
    indexes: [
      [
        { workspaceId: 1, key: 1 },
        { unique: true, name: 'uq_organizations_workspace_key' },
      ],
    ],
  },
};

export const ORGANIZATION_MEMBER_ENTITY: EntityDefinition<OrganizationMember> = {
  schema: new EntitySchema<OrganizationMember>({
    name: 'OrganizationMember',
    tableName: 'organization_users',
    columns: {
      organizationId: primaryText('organization_id'),
      userId: primaryText('user_id'),
      invitorId: nullableText('invitor_id'),
      createdAt: timestamptz('created_at'),
    },
    indices: [{ name: 'ix_organization_users_user', columns: ['userId'] }],
  }),
  mongo: {
    collection: 'OrganizationUsers',
    id: (member) => linkId(member.organizationId, member.userId),
    indexes: [
      [{ organizationId: 1 }, { name: 'ix_organization_users_organization' }],
      [{ userId: 1 }, { name: 'ix_organization_users_user' }],
    ],
  },
};
