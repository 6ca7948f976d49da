import { EntitySchema } from 'typeorm';
import type { Environment } from '../../../../core/tenancy/tenancy';
import { jsonb, primaryId, stamps, text } from './column-types';
import type { EntityDefinition } from './entity-definition';

export const ENVIRONMENT_ENTITY: EntityDefinition<Environment> = {
  schema: new EntitySchema<Environment>({
    name: 'Environment',
    tableName: 'environments',
    columns: {
      id: primaryId,
      projectId: text('project_id'),
      name: text(),
      key: text(),
      description: text(),
      secrets: jsonb(),
      settings: jsonb(),
      ...stamps,
    },
    indices: [
      { name: 'uq_environments_project_key', columns: ['projectId', 'key'], unique: true },
      // SDK secret lookup: GIN (jsonb_path_ops) for secrets @> '[{"value": "..."}]'.
      { name: 'ix_environments_secrets', columns: ['secrets'] },
    ],
  }),
  mongo: {
    collection: 'Environments',
    indexes: [
      [
        { projectId: 1, key: 1 },
        { unique: true, name: 'uq_environments_project_key' },
      ],
      // SDK secret lookup.
      [{ 'secrets.value': 1 }, { name: 'ix_environments_secret_value' }],
    ],
  },
};
