import { EntitySchema } from 'typeorm';
import type { Project } from '../../../../core/tenancy/tenancy';
import { primaryId, stamps, text } from './column-types';
import type { EntityDefinition } from './entity-definition';

export const PROJECT_ENTITY: EntityDefinition<Project> = {
  schema: new EntitySchema<Project>({
    name: 'Project',
    tableName: 'projects',
    columns: {
      id: primaryId,
      organizationId: text('organization_id'),
      name: text(),
      key: text(),
      ...stamps,
    },
    indices: [{ name: 'uq_projects_organization_key', columns: ['organizationId', 'key'], unique: true }],
  }),
  mongo: {
    collection: 'Projects',
    indexes: [
      [
        { organizationId: 1, key: 1 },
        { unique: true, name: 'uq_projects_organization_key' },
      ],
    ],
  },
};
