import type { AuditLogFilter } from '../api/audit-logs.api';
import type { AuditLogEntry } from '../api/api.models';

// The audit log page's filters (FeatBit's audit log: resource type, member, date range, text) turned
// into the listing's query, and an entry's subject in words.

export type AuditRefType = AuditLogEntry['refType'];

/** Resource types in the order the filter offers them, with their names in the console's words. */
export const AUDIT_REF_TYPES: readonly { value: AuditRefType; label: string }[] = [
  { value: 'FeatureFlag', label: $localize`:audit resource type:Feature flag` },
  { value: 'Segment', label: $localize`:audit resource type:Segment` },
  { value: 'FlagSchedule', label: $localize`:audit resource type:Flag schedule` },
  { value: 'FlagChangeRequest', label: $localize`:audit resource type:Change request` },
  { value: 'FlagTrigger', label: $localize`:audit resource type:Flag trigger` },
  { value: 'Experiment', label: $localize`:audit resource type:Experiment` },
  { value: 'ExperimentMetric', label: $localize`:audit resource type:Metric` },
  { value: 'Environment', label: $localize`:audit resource type:Environment` },
  { value: 'EnvironmentSecret', label: $localize`:audit resource type:Environment secret` },
  { value: 'Project', label: $localize`:audit resource type:Project` },
  { value: 'Organization', label: $localize`:audit resource type:Organization` },
  { value: 'Workspace', label: $localize`:audit resource type:Workspace` },
  { value: 'Member', label: $localize`:audit resource type:Member` },
  { value: 'Group', label: $localize`:audit resource type:Group` },
  { value: 'Policy', label: $localize`:audit resource type:Policy` },
  { value: 'AccessToken', label: $localize`:audit resource type:Access token` },
  { value: 'Webhook', label: $localize`:audit resource type:Webhook` },
];

/** What the filter bar holds; dates are `yyyy-mm-dd` from date inputs, empty when not set. */
export interface AuditLogForm {
  refType: AuditRefType | '';
  creatorId: string;
  from: string;
  to: string;
  query: string;
}

export const EMPTY_AUDIT_FORM: AuditLogForm = { refType: '', creatorId: '', from: '', to: '', query: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day of the user's calendar as an instant: its first or its last millisecond, in local time. */
function dayBound(day: string, end: boolean): string | undefined {
  if (!DAY.test(day)) return undefined;
  const at = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** Why the form cannot be searched, or null. */
export function auditFormProblem(form: AuditLogForm): string | null {
  const from = dayBound(form.from, false);
  const to = dayBound(form.to, true);
  if (from && to && from > to) return $localize`The start date is after the end date.`;
  return null;
}

/** The listing's query for one page; both dates are inclusive whole days. */
export function toAuditFilter(form: AuditLogForm, pageIndex: number, pageSize: number): AuditLogFilter {
  const filter: AuditLogFilter = { pageIndex, pageSize };
  if (form.refType) filter.refType = form.refType;
  if (form.creatorId) filter.creatorId = form.creatorId;
  const query = form.query.trim();
  if (query) filter.query = query;
  const from = dayBound(form.from, false);
  const to = dayBound(form.to, true);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

/**
 * "Feature flag “New checkout” (checkout)": what the entry changed. The keyword is the subject's key
 * and name joined by a comma (keys have none, names may), or a single word.
 */
export function auditSubject(entry: Pick<AuditLogEntry, 'refType' | 'keyword'>): string {
  const label = AUDIT_REF_TYPES.find((t) => t.value === entry.refType)?.label ?? entry.refType;
  if (!entry.keyword) return label;
  const comma = entry.keyword.indexOf(',');
  if (comma < 0)
    return $localize`:audit subject, e.g. Feature flag “checkout”:${label}:type: “${entry.keyword}:name:”`;
  const key = entry.keyword.slice(0, comma);
  const name = entry.keyword.slice(comma + 1).trim();
  return name && name !== key
    ? $localize`:audit subject, e.g. Feature flag “New checkout” (checkout):${label}:type: “${name}:name:” (${key}:key:)`
    : $localize`:audit subject, e.g. Feature flag “checkout”:${label}:type: “${key}:name:”`;
}
