import { EntitySchema } from 'typeorm';
import type { AccessToken } from '../../../../core/iam/iam';
import { jsonb, nullable, primaryId, stamps, text, timestamptz } from './column-types';
import type { EntityDefinition } from './entity-definition';

// Only a hash of an API token is kept; the prefix helps people recognise it.
export const ACCESS_TOKEN_ENTITY: EntityDefinition<AccessToken> = {
  schema: new EntitySchema<AccessToken>({
    name: 'AccessToken',
    tableName: 'access_tokens',
    columns: {
      id: primaryId,
      organizationId: text('organization_id'),
      name: text(),
      type: text(),
      status: text(),
      tokenHash: text('token_hash'),
      tokenPrefix: text('token_prefix'),
      creatorId: text('creator_id'),
      permissions: jsonb(),
      lastUsedAt: nullable(timestamptz('last_used_at')),
      ...stamps,
    },
    indices: [
      { name: 'uq_access_tokens_organization_name', columns: ['organizationId', 'name'], unique: true },
      { name: 'uq_access_tokens_token_hash', columns: ['tokenHash'], unique: true },
    ],
  }),
  mongo: {
    collection: 'AccessTokens',
    indexes: [
      [
        { organizationId: 1, name: 1 },
        { unique: true, name: 'uq_access_tokens_organization_name' },
      ],
      [{ tokenHash: 1 }, { unique: true, name: 'uq_access_tokens_token_hash' }],
    ],
  },
};
