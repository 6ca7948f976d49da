// Scheduled changes and change requests (docs/reference/data-model.md#workflow-records).
// Schemas now; features later.
import type { AuditDataChange } from '../audit/audit-log';

export interface FlagDraft {
  id: string;
  envId: string;
  flagId: string;
  status: 'Pending' | 'Applied';
  comment: string;
  dataChange: AuditDataChange;
  creatorId: string;
  updatorId: string;
  createdAt: string;
  updatedAt: string;
}

export interface ChangeRequestReviewer {
  memberId: string;
  action: 'Empty' | 'Approve' | 'Decline';
  timestamp: string | null;
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
  createdAt: string;
  updatedAt: string;
}

export interface FlagSchedule {
  id: string;
  organizationId: string;
  envId: string;
  flagDraftId: string;
  flagId: string;
  status: 'PendingReview' | 'PendingExecution' | 'Applied' | 'Declined';
  title: string;
  scheduledTime: string;
  changeRequestId: string | null;
  createdAt: string;
  updatedAt: string;
}
