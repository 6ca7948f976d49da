import { EntitySchema } from 'typeorm';
import type { Workspace } from '../../../../core/tenancy/tenancy';
import {
  jsonb,
  nullable,
  nullableText,
  primaryId,
  primaryText,
  stamps,
  text,
  timestamptz,
} from './column-types';
import { type EntityDefinition, linkId } from './entity-definition';

export const WORKSPACE_ENTITY: EntityDefinition<Workspace> = {
  schema: new EntitySchema<Workspace>({
    name: 'Workspace',
    tableName: 'workspaces',
    columns: {
      id: primaryId,
      name: text(),
      key: text(),
      license: nullableText(),
      sso: nullable(jsonb()),
      ...stamps,
    },
    indices: [{ name: 'uq_workspaces_key', columns: ['key'], unique: true }],
  }),
  mongo: {
    collection: 'Workspaces',
    indexes: [[{ key: 1 }, { unique: true, name: 'uq_workspaces_key' }]],
  },
};

/** A user's membership of a workspace. */
export interface WorkspaceUser {
  workspaceId: string;
  userId: string;
  createdAt: string;
}

export const WORKSPACE_USER_ENTITY: EntityDefinition<WorkspaceUser> = {
  schema: new EntitySchema<WorkspaceUser>({
    name: 'WorkspaceUser',
    tableName: 'workspace_users',
    columns: {
      workspaceId: primaryText('workspace_id'),
      userId: primaryText('user_id'),
      createdAt: timestamptz('created_at'),
    },
    indices: [{ name: 'ix_workspace_users_user', columns: ['userId'] }],
  }),
  mongo: {
    collection: 'WorkspaceUsers',
    id: (link) => linkId(link.workspaceId, link.userId),
    indexes: [[{ userId: 1 }, { name: 'ix_workspace_users_user' }]],
  },
};
