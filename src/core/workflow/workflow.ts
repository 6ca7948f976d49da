// Scheduled changes and change requests (docs/release-workflows.md, docs/reference/data-model.md#workflow-records).
import type { AuditDataChange } from '../audit/audit-log';

export interface FlagDraft {
  id: string;
  envId: string;
  flagId: string;
  status: 'Pending' | 'Applied';
  comment: string;
  /** The flag before (`previous`) and after (`current`) the proposed change, as JSON text. */
  dataChange: AuditDataChange;
  /** The flag's revision the change was proposed on. */
  baseRevision: string;
  creatorId: string;
  updatorId: string;
  createdAt: string;
  updatedAt: string;
}

export interface ChangeRequestReviewer {
  memberId: string;
  action: 'Empty' | 'Approve' | 'Decline';
  timestamp: string | null;
  /** The reviewer's comment with the decision (not in FeatBit). */
  comment?: string;
}

export interface FlagChangeRequest {
  id: string;
  organizationId: string;
  envId: string;
  flagDraftId: string;
  flagId: string;
  status: 'PendingReview' | 'Approved' | 'Declined' | 'Applied';
  reason: string;
  reviewers: ChangeRequestReviewer[];
  scheduleId: string | null;
  creatorId: string;
  updatorId: string;
  createdAt: string;
  updatedAt: string;
}

export interface FlagSchedule {
  id: string;
  organizationId: string;
  envId: string;
  flagDraftId: string;
  flagId: string;
  /** `Failed`: the change could not be applied at its time (`error` says why); never retried. */
  status: 'PendingReview' | 'PendingExecution' | 'Applied' | 'Declined' | 'Failed';
  title: string;
  scheduledTime: string;
  changeRequestId: string | null;
  error: string | null;
  creatorId: string;
  updatorId: string;
  createdAt: string;
  updatedAt: string;
}
