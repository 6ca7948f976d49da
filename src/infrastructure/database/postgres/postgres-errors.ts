import {
  DuplicateKeyError,
  NotFoundError,
  RevisionConflictError,
  StoreUnavailableError,
} from '../../../core/shared/errors';
import { uniqueIndexField } from '../shared/unique-indexes';

// Entity names used in DuplicateKeyError, by table.
const TABLE_ENTITIES: Readonly<Record<string, string>> = {
  workspaces: 'Workspace',
  users: 'User',
  organizations: 'Organization',
  projects: 'Project',
  environments: 'Environment',
  policies: 'Policy',
  groups: 'Group',
  access_tokens: 'AccessToken',
  refresh_tokens: 'RefreshToken',
  feature_flags: 'FeatureFlag',
  flag_revisions: 'FlagRevision',
  flag_drafts: 'FlagDraft',
  flag_change_requests: 'FlagChangeRequest',
  flag_schedules: 'FlagSchedule',
  triggers: 'Trigger',
  segments: 'Segment',
  end_users: 'EndUser',
  end_user_properties: 'EndUserProperty',
  audit_logs: 'AuditLog',
  events: 'InsightEvent',
  webhooks: 'Webhook',
  webhook_deliveries: 'WebhookDelivery',
  relay_proxies: 'RelayProxy',
  experiments: 'Experiment',
  experiment_metrics: 'ExperimentMetric',
  outbox: 'OutboxMessage',
  system_settings: 'SystemSetting',
};

interface PgErrorFields {
  code?: string;
  table?: string;
  constraint?: string;
  message?: string;
  detail?: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

function driverError(error: unknown): PgErrorFields & Error {
  const inner = (error as { driverError?: unknown }).driverError;
  return (inner ?? error) as PgErrorFields & Error;
}

/** Connection lost or refused, server shutting down, pool exhausted by a dead server… */
export function isPgConnectionError(error: unknown): boolean {
  const e = driverError(error);
  if (!e || typeof e !== 'object') return false;
  const code = e.code ?? '';
  if (NETWORK_CODES.has(code)) return true;
  // SQLSTATE 08xxx: connection exceptions; 57P01-57P03: admin shutdown, crash, cannot connect now.
  if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|not queryable|Cannot use a pool after calling end/i.test(
    message,
  );
}

/** Translates driver errors into the typed errors of src/core/shared/errors.ts. */
export function mapPgError(error: unknown, service: string): unknown {
  if (error instanceof DuplicateKeyError || error instanceof StoreUnavailableError) return error;
  const e = driverError(error);
  if (e && e.code === '23505') {
    const entity = (e.table && TABLE_ENTITIES[e.table]) || e.table || 'Record';
    return new DuplicateKeyError(entity, uniqueIndexField(e.constraint));
  }
  // Raised by featbit_expect_updated (migration 1763700000017): MESSAGE is the entity, DETAIL the id.
  if (e && (e.code === 'FB409' || e.code === 'FB404')) {
    const [entity, id] = [String(e.message), String(e.detail)];
    return e.code === 'FB409' ? new RevisionConflictError(entity, id) : new NotFoundError(entity, id);
  }
  if (isPgConnectionError(error)) return new StoreUnavailableError(service, e);
  return error;
}

/** A deadlock (40P01) or serialization failure (40001): the whole transaction may simply run again. */
export function isPgRetryableConflict(error: unknown): boolean {
  const e = driverError(error);
  return !!e && typeof e === 'object' && (e.code === '40P01' || e.code === '40001');
}
