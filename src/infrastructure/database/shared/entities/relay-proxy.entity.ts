import { EntitySchema } from 'typeorm';
import type { RelayProxy } from '../../../../core/integrations/integrations';
import { bool, jsonb, primaryId, stamps, text } from './column-types';
import type { EntityDefinition } from './entity-definition';

export const RELAY_PROXY_ENTITY: EntityDefinition<RelayProxy> = {
  schema: new EntitySchema<RelayProxy>({
    name: 'RelayProxy',
    tableName: 'relay_proxies',
    columns: {
      id: primaryId,
      organizationId: text('organization_id'),
      name: text(),
      keyHash: text('key_hash'),
      description: text(),
      isAllEnvs: bool('is_all_envs'),
      scopes: jsonb(),
      agents: jsonb(),
      autoAgents: jsonb('auto_agents'),
      ...stamps,
    },
    indices: [
      { name: 'uq_relay_proxies_key_hash', columns: ['keyHash'], unique: true },
      { name: 'ix_relay_proxies_organization', columns: ['organizationId', 'createdAt'] },
    ],
  }),
  mongo: {
    collection: 'RelayProxies',
    indexes: [
      [{ keyHash: 1 }, { unique: true, name: 'uq_relay_proxies_key_hash' }],
      [{ organizationId: 1, createdAt: -1 }, { name: 'ix_relay_proxies_organization' }],
    ],
  },
};
