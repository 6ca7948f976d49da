import type { Environment } from '../tenancy/tenancy';
import type { AuditLog, AuditRefType } from './audit-log';

export const AUDIT_OPERATIONS = [
  'Create',
  'Update',
  'Archive',
  'Restore',
  'Remove',
  'ApplyFlagChangeRequest',
  'ApplyFlagSchedule',
] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

export interface AuditInput {
  id: string;
  organizationId: string;
  envId: string;
  refType: AuditRefType;
  refId: string;
  /** Searchable words, typically key and name. */
  keywords: readonly string[];
  operation: AuditOperation;
  previous: unknown;
  current: unknown;
  comment: string;
  creatorId: string;
  at: string;
}

const MAX_KEYWORD = 512;
const MAX_COMMENT = 512;

/** An audit entry whose before/after are the JSON texts of the whole objects ("" when absent). */
export function buildAuditLog(input: AuditInput): AuditLog {
  return {
    id: input.id,
    organizationId: input.organizationId,
    envId: input.envId,
    refType: input.refType,
    refId: input.refId,
    keyword: input.keywords.filter(Boolean).join(',').slice(0, MAX_KEYWORD),
    operation: input.operation,
    dataChange: {
      previous: input.previous == null ? '' : JSON.stringify(input.previous),
      current: input.current == null ? '' : JSON.stringify(input.current),
    },
    comment: input.comment.slice(0, MAX_COMMENT),
    creatorId: input.creatorId,
    createdAt: input.at,
  };
}

/** An environment as audited: secrets without their values (audit logs never hold credentials). */
export function redactEnvironment(env: Environment): Omit<Environment, 'secrets'> & {
  secrets: { id: string; name: string; type: string }[];
} {
  return { ...env, secrets: env.secrets.map(({ id, name, type }) => ({ id, name, type })) };
}
