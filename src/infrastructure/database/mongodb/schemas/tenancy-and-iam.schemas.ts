import { ACCESS_TOKEN_ENTITY } from '../../shared/entities/access-token.entity';
import { ENVIRONMENT_ENTITY } from '../../shared/entities/environment.entity';
import { GROUP_ENTITY, GROUP_MEMBER_ENTITY, GROUP_POLICY_ENTITY } from '../../shared/entities/group.entity';
import { ORGANIZATION_ENTITY, ORGANIZATION_MEMBER_ENTITY } from '../../shared/entities/organization.entity';
import { MEMBER_POLICY_ENTITY, POLICY_ENTITY } from '../../shared/entities/policy.entity';
import { PROJECT_ENTITY } from '../../shared/entities/project.entity';
import { REFRESH_TOKEN_ENTITY } from '../../shared/entities/refresh-token.entity';
import { USER_ENTITY } from '../../shared/entities/user.entity';
import { WORKSPACE_ENTITY, WORKSPACE_USER_ENTITY } from '../../shared/entities/workspace.entity';
import { type CollectionDef, collectionDef } from './mongo-schema';

export const TENANCY_AND_IAM_COLLECTIONS = {
  workspaces: collectionDef(WORKSPACE_ENTITY),
  users: collectionDef(USER_ENTITY),
  workspaceUsers: collectionDef(WORKSPACE_USER_ENTITY),
  refreshTokens: collectionDef(REFRESH_TOKEN_ENTITY),
  organizations: collectionDef(ORGANIZATION_ENTITY),
  organizationUsers: collectionDef(ORGANIZATION_MEMBER_ENTITY),
  projects: collectionDef(PROJECT_ENTITY),
  environments: collectionDef(ENVIRONMENT_ENTITY),
  policies: collectionDef(POLICY_ENTITY),
  groups: collectionDef(GROUP_ENTITY),
  groupMembers: collectionDef(GROUP_MEMBER_ENTITY),
  groupPolicies: collectionDef(GROUP_POLICY_ENTITY),
  memberPolicies: collectionDef(MEMBER_POLICY_ENTITY),
  accessTokens: collectionDef(ACCESS_TOKEN_ENTITY),
} satisfies Record<string, CollectionDef>;
