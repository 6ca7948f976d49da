export const AUDIT_REF_TYPES = [
  'FeatureFlag',
  'Workspace',
  'Organization',
  'Segment',
  'Environment',
  'EnvironmentSecret',
  'Project',
  'Member',
  'Group',
  'Policy',
  'AccessToken',
  'ExperimentMetric',
  'Experiment',
  'Webhook',
  'FlagSchedule',
  'FlagChangeRequest',
  'FlagTrigger',
  'RelayProxy',
] as const;
export type AuditRefType = (typeof AUDIT_REF_TYPES)[number];

export interface AuditDataChange {
  /** JSON text of the object before the change ("" on create). */
  previous: string;
  /** JSON text of the object after the change ("" on delete). */
  current: string;
}

export interface AuditLog {
  id: string;
  /** Environment the change belongs to; empty for organization-level resources. */
  envId: string;
  organizationId: string;
  refId: string;
  refType: AuditRefType;
  /** Searchable text such as "key,name". */
  keyword: string;
  operation: string;
  dataChange: AuditDataChange;
  comment: string;
  /** A user id, an access-token id, or the empty GUID for the system. */
  creatorId: string;
  createdAt: string;
}
