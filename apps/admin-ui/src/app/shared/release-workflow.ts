import type { PendingPart } from '@domain/workflow/pending-change';
import type { ChangeApprovalDto, PendingChangeDto } from '../api/generated/models';

// The console's rules for schedules and change requests (docs/release-workflows.md): which save
// modes the change-review dialog offers, who is asked to review, and what each person may do with a
// pending change. The server decides; these only keep the console from offering what it refuses.

export type ReviewMode = 'now' | 'schedule' | 'request';

export interface ModeChoice {
  modes: ReviewMode[];
  /** Why a mode is missing, shown in the dialog; null when every mode is offered. */
  note: string | null;
}

/**
 * `approvalRequired`: the environment refuses direct changes. `proposable`: the change only touches
 * what a proposal carries (targeting, on/off); variations and the off variation are saved directly.
 */
export function reviewModes(approvalRequired: boolean, proposable: boolean): ModeChoice {
  if (!proposable) {
    return {
      modes: approvalRequired ? [] : ['now'],
      note: approvalRequired
        ? $localize`This environment requires approval, and changes to variations or the off variation cannot be proposed for review: discard them and save them separately, or ask an administrator.`
        : $localize`Changes to variations or the off variation are saved at once: they cannot be scheduled or reviewed.`,
    };
  }
  if (approvalRequired) {
    return {
      modes: ['schedule', 'request'],
      note: $localize`This environment requires approval for changes: schedule them with a change request, or request approval.`,
    };
  }
  return { modes: ['now', 'schedule', 'request'], note: null };
}

/** Why a scheduled time cannot be used, or null. `local`: the value of a datetime-local input. */
export function scheduleTimeProblem(local: string, now: Date): string | null {
  if (!local) return $localize`Choose a date and time.`;
  const at = new Date(local);
  if (Number.isNaN(at.getTime())) return $localize`Choose a date and time.`;
  return at.getTime() <= now.getTime() ? $localize`Choose a time in the future.` : null;
}

/** A datetime-local input value (local time, to the second). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

export interface Person {
  id: string;
  name: string;
  email: string;
  groups: { id: string }[];
}

/**
 * Who can be asked to review: the environment's reviewers (members, and members of its groups) or,
 * when it names none, every member; never the requester.
 */
export function reviewerPool<P extends Person>(
  members: P[],
  approval: ChangeApprovalDto | null,
  me: string,
): P[] {
  const memberIds = new Set(approval?.reviewerMemberIds ?? []);
  const groupIds = new Set(approval?.reviewerGroupIds ?? []);
  const open = memberIds.size === 0 && groupIds.size === 0;
  return members.filter(
    (m) => m.id !== me && (open || memberIds.has(m.id) || m.groups.some((g) => groupIds.has(g.id))),
  );
}

/** The change request's state, whether on its own or attached to a schedule. */
function requestStatus(change: PendingChangeDto): PendingChangeDto['changeRequestStatus'] | null {
  return change.changeRequestId ? (change.changeRequestStatus ?? null) : null;
}

/** The signed-in member is a reviewer who has not decided yet, and the request still waits. */
export function waitingFor(change: PendingChangeDto, memberId: string): boolean {
  if (requestStatus(change) !== 'PendingReview') return false;
  return change.reviewers.some((r) => r.memberId === memberId && r.action === 'Empty');
}

export interface PendingActions {
  approve: boolean;
  decline: boolean;
  apply: boolean;
  remove: boolean;
}

/** What the signed-in member may do with a pending change (the server's rules, change-request-rules.ts). */
export function pendingActions(change: PendingChangeDto, memberId: string): PendingActions {
  const status = requestStatus(change);
  const reviewer = change.reviewers.some((r) => r.memberId === memberId);
  const requester = change.creatorId === memberId;
  const open = status !== null && status !== 'Applied';
  // A schedule with an approved request applies at its time; only a plain request is applied by hand.
  const applicable = change.type === 'change-request' && status === 'Approved';
  return {
    approve: open && reviewer && !requester,
    decline: open && reviewer && !requester,
    apply: applicable && (requester || reviewer),
    remove: change.scheduleStatus !== 'Applied',
  };
}

/** The headline status of a pending change. */
export function statusLabel(change: PendingChangeDto): string {
  if (change.type === 'schedule') {
    switch (change.scheduleStatus) {
      case 'PendingReview':
        return $localize`:pending change status:Waiting for approval`;
      case 'PendingExecution':
        return $localize`:pending change status:Scheduled`;
      case 'Failed':
        return $localize`:pending change status:Failed`;
      case 'Declined':
        return $localize`:pending change status:Declined`;
      default:
        return change.scheduleStatus ?? $localize`:pending change status:Scheduled`;
    }
  }
  switch (change.changeRequestStatus) {
    case 'PendingReview':
      return $localize`:pending change status:Waiting for review`;
    case 'Approved':
      return $localize`:pending change status:Approved`;
    case 'Declined':
      return $localize`:pending change status:Declined`;
    default:
      return change.changeRequestStatus ?? $localize`:pending change status:Pending`;
  }
}

/** The core's parts of a flag (PART_LABEL, English) in the console's language: one label per part. */
const PART_TEXT: Readonly<Record<PendingPart, string>> = {
  onOff: $localize`:part of a flag:on/off state`,
  individualTargeting: $localize`:part of a flag:individual targeting`,
  targetingRules: $localize`:part of a flag:targeting rules`,
  defaultRule: $localize`:part of a flag:default rule`,
  exptSetting: $localize`:part of a flag:experiment setting`,
};

/** The conflict warning of a pending change whose parts were changed since it was proposed. */
export function conflictText(conflicts: readonly string[]): string | null {
  if (conflicts.length === 0) return null;
  const parts = conflicts
    .map((c) => (Object.hasOwn(PART_TEXT, c) ? PART_TEXT[c as PendingPart] : c))
    .join(', ');
  return $localize`The flag's ${parts}:parts: changed since this was proposed; applying it will be refused. Remove it and propose the change again on the current flag.`;
}
