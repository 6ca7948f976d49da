import { EntitySchema } from 'typeorm';
import type { Segment } from '../../../../core/segments/segment';
import { bool, jsonb, nullableText, primaryId, stamps, text, textArray } from './column-types';
import type { EntityDefinition } from './entity-definition';

// Shared segments reach environments through scopes: PostgreSQL stores their env_id NULL,
// Mongo stores envId "" (the model carries "").
export const SEGMENT_ENTITY: EntityDefinition<Segment> = {
  schema: new EntitySchema<Segment>({
    name: 'Segment',
    tableName: 'segments',
    columns: {
      id: primaryId,
      workspaceId: text('workspace_id'),
      envId: nullableText('env_id'),
      name: text(),
      key: text(),
      type: text(),
      scopes: textArray(),
      description: text(),
      included: textArray(),
      excluded: textArray(),
      rules: jsonb(),
      tags: textArray(),
      isArchived: bool('is_archived'),
      ...stamps,
    },
    indices: [
      {
        name: 'uq_segments_env_key',
        columns: ['envId', 'key'],
        unique: true,
        where: `type = 'environment-specific'`,
      },
      {
        name: 'uq_segments_workspace_key',
        columns: ['workspaceId', 'key'],
        unique: true,
        where: `type = 'shared'`,
      },
      { name: 'ix_segments_env_updated', columns: ['envId', 'updatedAt'] },
      { name: 'ix_segments_shared_scopes', columns: ['scopes'], where: `type = 'shared'` },
    ],
  }),
  mongo: {
    collection: 'Segments',
    indexes: [
      // One plain unique index instead of two partial ones (FerretDB has no partialFilterExpression):
      // shared segments all have envId "", so this is unique per workspace for them and, as an
      // environment belongs to one workspace, unique per environment for the others.
      [
        { workspaceId: 1, envId: 1, key: 1 },
        { unique: true, name: 'uq_segments_scope_key' },
      ],
      [{ envId: 1, updatedAt: 1 }, { name: 'ix_segments_env_updated' }],
      [{ workspaceId: 1, scopes: 1 }, { name: 'ix_segments_workspace_scopes' }],
    ],
  },
};
