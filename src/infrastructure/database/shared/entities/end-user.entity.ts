import { EntitySchema } from 'typeorm';
import type { EndUserPropertyDefinition, StoredEndUser } from '../../../../core/end-users/end-user';
import { bool, jsonb, nullableText, primaryId, stamps, text } from './column-types';
import type { EntityDefinition } from './entity-definition';

// envId null: a workspace-wide (global) user (docs/reference/data-model.md#end-user).
export const END_USER_ENTITY: EntityDefinition<StoredEndUser> = {
  schema: new EntitySchema<StoredEndUser>({
    name: 'EndUser',
    tableName: 'end_users',
    columns: {
      id: primaryId,
      envId: nullableText('env_id'),
      workspaceId: nullableText('workspace_id'),
      keyId: text('key_id'),
      name: nullableText(),
      customizedProperties: jsonb('customized_properties'),
      ...stamps,
    },
    indices: [
      {
        name: 'uq_end_users_env_key_id',
        columns: ['envId', 'keyId'],
        unique: true,
        where: 'env_id IS NOT NULL',
      },
      {
        name: 'uq_end_users_workspace_key_id',
        columns: ['workspaceId', 'keyId'],
        unique: true,
        where: 'env_id IS NULL',
      },
      // Cursor paging: (updated_at desc, id desc) within an environment.
      { name: 'ix_end_users_env_updated', columns: ['envId', 'updatedAt', 'id'] },
      { name: 'ix_end_users_key_id_trgm', columns: ['keyId'] },
      { name: 'ix_end_users_name_trgm', columns: ['name'] },
    ],
  }),
  mongo: {
    collection: 'EndUsers',
    indexes: [
      // One index for both kinds: env users have workspaceId null, global users envId null.
      [
        { envId: 1, keyId: 1, workspaceId: 1 },
        { unique: true, name: 'uq_end_users_env_key_id' },
      ],
      // Cursor paging: (updatedAt desc, _id desc) within an environment.
      [{ envId: 1, updatedAt: -1, _id: -1 }, { name: 'ix_end_users_env_updated' }],
    ],
  },
};

export const END_USER_PROPERTY_ENTITY: EntityDefinition<EndUserPropertyDefinition> = {
  schema: new EntitySchema<EndUserPropertyDefinition>({
    name: 'EndUserProperty',
    tableName: 'end_user_properties',
    columns: {
      id: primaryId,
      envId: text('env_id'),
      name: text(),
      presetValues: jsonb('preset_values'),
      usePresetValuesOnly: bool('use_preset_values_only'),
      isBuiltIn: bool('is_built_in'),
      isDigestField: bool('is_digest_field'),
      remark: text(),
      ...stamps,
    },
    indices: [{ name: 'uq_end_user_properties_env_name', columns: ['envId', 'name'], unique: true }],
  }),
  mongo: {
    collection: 'EndUserProperties',
    indexes: [
      [
        { envId: 1, name: 1 },
        { unique: true, name: 'uq_end_user_properties_env_name' },
      ],
    ],
  },
};
