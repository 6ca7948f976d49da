import { EntitySchema } from 'typeorm';
import type { AuditLog } from '../../../../core/audit/audit-log';
import { jsonb, nullableText, primaryId, text, timestamptz } from './column-types';
import type { EntityDefinition } from './entity-definition';

// Organization-level entries (members, policies, access tokens …) have env_id NULL in PostgreSQL;
// the model carries "".
export const AUDIT_LOG_ENTITY: EntityDefinition<AuditLog> = {
  schema: new EntitySchema<AuditLog>({
    name: 'AuditLog',
    tableName: 'audit_logs',
    columns: {
      id: primaryId,
      envId: nullableText('env_id'),
      organizationId: text('organization_id'),
      refId: text('ref_id'),
      refType: text('ref_type'),
      keyword: text(),
      operation: text(),
      dataChange: jsonb('data_change'),
      comment: text(),
      creatorId: text('creator_id'),
      createdAt: timestamptz('created_at'),
    },
    indices: [
      { name: 'ix_audit_logs_env_ref', columns: ['envId', 'refId', 'createdAt'] },
      { name: 'ix_audit_logs_organization', columns: ['organizationId', 'createdAt'] },
    ],
  }),
  mongo: {
    collection: 'AuditLogs',
    indexes: [
      [{ envId: 1, refId: 1, createdAt: -1 }, { name: 'ix_audit_logs_env_ref' }],
      [{ organizationId: 1, createdAt: -1 }, { name: 'ix_audit_logs_organization' }],
    ],
  },
};
