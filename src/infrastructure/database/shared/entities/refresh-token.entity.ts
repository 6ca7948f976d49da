import { EntitySchema } from 'typeorm';
import type { RefreshToken } from '../../../../core/iam/iam';
import { bool, nullable, nullableText, primaryId, text, timestamptz } from './column-types';
import type { EntityDefinition } from './entity-definition';

// Every refresh token of one console sign-in shares sessionId (null on rows from before sessions).
export const REFRESH_TOKEN_ENTITY: EntityDefinition<RefreshToken> = {
  schema: new EntitySchema<RefreshToken>({
    name: 'RefreshToken',
    tableName: 'refresh_tokens',
    columns: {
      id: primaryId,
      tokenHash: text('token_hash'),
      userId: text('user_id'),
      sessionId: nullableText('session_id'),
      isRevoked: bool('is_revoked'),
      replacedByTokenHash: nullableText('replaced_by_token_hash'),
      createdByIp: nullableText('created_by_ip'),
      revokedByIp: nullableText('revoked_by_ip'),
      expiresAt: timestamptz('expires_at'),
      revokedAt: nullable(timestamptz('revoked_at')),
      lastUsedAt: nullable(timestamptz('last_used_at')),
      createdAt: timestamptz('created_at'),
    },
    indices: [
      { name: 'uq_refresh_tokens_token_hash', columns: ['tokenHash'], unique: true },
      { name: 'ix_refresh_tokens_user', columns: ['userId'] },
      { name: 'ix_refresh_tokens_session', columns: ['sessionId'], where: 'NOT is_revoked' },
    ],
  }),
  mongo: {
    collection: 'RefreshTokens',
    indexes: [
      [{ tokenHash: 1 }, { unique: true, name: 'uq_refresh_tokens_token_hash' }],
      [{ userId: 1 }, { name: 'ix_refresh_tokens_user' }],
      [{ sessionId: 1 }, { name: 'ix_refresh_tokens_session', sparse: true }],
    ],
  },
};
