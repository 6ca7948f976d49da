import { type CollectionDef, Mixed } from './mongo-schema';

const stamps = { createdAt: Date, updatedAt: Date };

export const TENANCY_AND_IAM_COLLECTIONS = {
  workspaces: {
    collection: 'Workspaces',
    entity: 'Workspace',
    fields: { name: String, key: String, license: String, sso: Mixed, ...stamps },
    indexes: [[{ key: 1 }, { unique: true, name: 'uq_workspaces_key' }]],
  },
  users: {
    collection: 'Users',
    entity: 'User',
    // emailLower carries the case-insensitive uniqueness (PostgreSQL: unique index on lower(email)).
    fields: {
      email: String,
      emailLower: String,
      name: String,
      passwordHash: String,
      origin: String,
      ...stamps,
    },
    indexes: [[{ emailLower: 1 }, { unique: true, name: 'uq_users_email' }]],
  },
  workspaceUsers: {
    collection: 'WorkspaceUsers',
    entity: 'WorkspaceUser',
    fields: { workspaceId: String, userId: String, createdAt: Date },
    indexes: [[{ userId: 1 }, { name: 'ix_workspace_users_user' }]],
  },
  refreshTokens: {
    collection: 'RefreshTokens',
    entity: 'RefreshToken',
    fields: {
      tokenHash: String,
      userId: String,
      sessionId: String,
      isRevoked: Boolean,
      replacedByTokenHash: String,
      createdByIp: String,
      revokedByIp: String,
      expiresAt: Date,
      revokedAt: Date,
      lastUsedAt: Date,
      createdAt: Date,
    },
    indexes: [
      [{ tokenHash: 1 }, { unique: true, name: 'uq_refresh_tokens_token_hash' }],
      [{ userId: 1 }, { name: 'ix_refresh_tokens_user' }],
      [{ sessionId: 1 }, { name: 'ix_refresh_tokens_session', sparse: true }],
    ],
  },
  organizations: {
    collection: 'Organizations',
    entity: 'Organization',
    fields: {
      workspaceId: String,
      name: String,
      key: String,
      initialized: Boolean,
      defaultPermissions: Mixed,
      settings: Mixed,
      ...stamps,
    },
    indexes: [
      [
        { workspaceId: 1, key: 1 },
        { unique: true, name: 'uq_organizations_workspace_key' },
      ],
    ],
  },
  organizationUsers: {
    collection: 'OrganizationUsers',
    entity: 'OrganizationMember',
    fields: { organizationId: String, userId: String, invitorId: String, createdAt: Date },
    indexes: [
      [{ organizationId: 1 }, { name: 'ix_organization_users_organization' }],
      [{ userId: 1 }, { name: 'ix_organization_users_user' }],
    ],
  },
  projects: {
    collection: 'Projects',
    entity: 'Project',
    fields: { organizationId: String, name: String, key: String, ...stamps },
    indexes: [
      [
        { organizationId: 1, key: 1 },
        { unique: true, name: 'uq_projects_organization_key' },
      ],
    ],
  },
  environments: {
    collection: 'Environments',
    entity: 'Environment',
    fields: {
      projectId: String,
      name: String,
      key: String,
      description: String,
      secrets: Mixed,
      settings: Mixed,
      ...stamps,
    },
    indexes: [
      [
        { projectId: 1, key: 1 },
        { unique: true, name: 'uq_environments_project_key' },
      ],
      // SDK secret lookup.
      [{ 'secrets.value': 1 }, { name: 'ix_environments_secret_value' }],
    ],
  },
  policies: {
    collection: 'Policies',
    entity: 'Policy',
    fields: {
      organizationId: String,
      name: String,
      key: String,
      description: String,
      type: String,
      statements: Mixed,
      ...stamps,
    },
    // Built-in policies have organizationId null; null is a value for a unique index, as in PostgreSQL.
    indexes: [
      [
        { organizationId: 1, key: 1 },
        { unique: true, name: 'uq_policies_organization_key' },
      ],
    ],
  },
  groups: {
    collection: 'Groups',
    entity: 'Group',
    fields: { organizationId: String, name: String, description: String, ...stamps },
    indexes: [
      [
        { organizationId: 1, name: 1 },
        { unique: true, name: 'uq_groups_organization_name' },
      ],
    ],
  },
  groupMembers: {
    collection: 'GroupMembers',
    entity: 'GroupMember',
    fields: { groupId: String, organizationId: String, memberId: String, createdAt: Date },
    indexes: [
      [{ groupId: 1 }, { name: 'ix_group_members_group' }],
      [{ organizationId: 1, memberId: 1 }, { name: 'ix_group_members_member' }],
    ],
  },
  groupPolicies: {
    collection: 'GroupPolicies',
    entity: 'GroupPolicy',
    fields: { groupId: String, policyId: String, createdAt: Date },
    indexes: [
      [{ groupId: 1 }, { name: 'ix_group_policies_group' }],
      [{ policyId: 1 }, { name: 'ix_group_policies_policy' }],
    ],
  },
  memberPolicies: {
    collection: 'MemberPolicies',
    entity: 'MemberPolicy',
    fields: { organizationId: String, memberId: String, policyId: String, createdAt: Date },
    indexes: [
      [{ organizationId: 1, memberId: 1 }, { name: 'ix_member_policies_member' }],
      [{ organizationId: 1, policyId: 1 }, { name: 'ix_member_policies_policy' }],
    ],
  },
  accessTokens: {
    collection: 'AccessTokens',
    entity: 'AccessToken',
    fields: {
      organizationId: String,
      name: String,
      type: String,
      status: String,
      tokenHash: String,
      tokenPrefix: String,
      creatorId: String,
      permissions: Mixed,
      lastUsedAt: Date,
      ...stamps,
    },
    indexes: [
      [
        { organizationId: 1, name: 1 },
        { unique: true, name: 'uq_access_tokens_organization_name' },
      ],
      [{ tokenHash: 1 }, { unique: true, name: 'uq_access_tokens_token_hash' }],
    ],
  },
} satisfies Record<string, CollectionDef>;
