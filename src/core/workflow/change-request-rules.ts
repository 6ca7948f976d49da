import type { Actor } from '../iam/actor';
import type { EnvironmentSettings } from '../tenancy/tenancy';
import type { ChangeRequestReviewer, FlagChangeRequest } from './workflow';

// Change requests (docs/release-workflows.md#change-requests): FeatBit's review rules (any decline
// declines, otherwise any approval approves; reviewers may change their mind until the change is
// applied), plus what FeatBit leaves out: nobody reviews their own request, and an environment that
// requires approval names who may review.

export interface ApprovalSetting {
  /** Direct changes of the serving configuration are refused; they go through a change request. */
  required: boolean;
  /** Who may review (members, and members of groups); empty: any member but the requester. */
  reviewerMemberIds: string[];
  reviewerGroupIds: string[];
  /** An approved request applies at once (a scheduled one waits for its time). */
  applyOnApproval: boolean;
}

const NO_APPROVAL: ApprovalSetting = {
  required: false,
  reviewerMemberIds: [],
  reviewerGroupIds: [],
  applyOnApproval: false,
};

/** The environment's approval setting, defaults filled in (environments from before have none). */
export function approvalOf(settings: EnvironmentSettings): ApprovalSetting {
  return { ...NO_APPROVAL, ...settings.changeApproval };
}

/**
 * The flag fields whose change alters what users are served: with approval required, users change
 * them only through a change request. Name, description, tags and archiving stay direct.
 */
const REVIEWED_FIELDS: ReadonlySet<string> = new Set([
  'isEnabled',
  'targetUsers',
  'rules',
  'fallthrough',
  'exptIncludeAllTargets',
  'variations',
  'disabledVariationId',
]);

/**
 * Why a direct change is refused, or null. The system's own changes (flag triggers, guarded
 * rollbacks) are not user changes: they are the safety net that approval must not hold up.
 */
export function directChangeRefusal(
  setting: ApprovalSetting,
  actorKind: Actor['kind'],
  changedFields: readonly string[],
): string | null {
  if (!setting.required || actorKind === 'system') return null;
  const reviewed = changedFields.filter((f) => REVIEWED_FIELDS.has(f));
  if (reviewed.length === 0) return null;
  return `this environment requires approval for changes to what a flag serves (${reviewed.join(', ')}): propose them in a change request`;
}

export type Outcome<T> = { ok: T } | { problem: string };

/**
 * The reviewers of a new request. `pool`: who the environment lets review (null: anyone); with no
 * reviewer asked for, the whole pool is asked.
 */
export function chooseReviewers(
  requested: readonly string[],
  requesterId: string,
  pool: ReadonlySet<string> | null,
): Outcome<ChangeRequestReviewer[]> {
  const asked = [...new Set(requested)];
  if (asked.includes(requesterId)) return { problem: 'you cannot review your own change request' };
  const outside = pool ? asked.filter((id) => !pool.has(id)) : [];
  if (outside.length > 0) {
    return { problem: `not allowed to review changes in this environment: ${outside.join(', ')}` };
  }
  const chosen = asked.length > 0 ? asked : pool ? [...pool].filter((id) => id !== requesterId) : [];
  if (chosen.length === 0) return { problem: 'a change request needs at least one reviewer other than you' };
  return { ok: chosen.map((memberId) => ({ memberId, action: 'Empty', timestamp: null, comment: '' })) };
}

function statusOf(reviewers: readonly ChangeRequestReviewer[]): FlagChangeRequest['status'] {
  if (reviewers.some((r) => r.action === 'Decline')) return 'Declined';
  if (reviewers.some((r) => r.action === 'Approve')) return 'Approved';
  return 'PendingReview';
}

/** A reviewer's decision. */
export function review(
  request: FlagChangeRequest,
  memberId: string,
  action: 'Approve' | 'Decline',
  comment: string,
  at: string,
): Outcome<FlagChangeRequest> {
  if (request.status === 'Applied') return { problem: 'this change request was already applied' };
  if (memberId === request.creatorId) return { problem: 'you cannot review your own change request' };
  if (!request.reviewers.some((r) => r.memberId === memberId)) {
    return { problem: 'you are not a reviewer of this change request' };
  }
  const reviewers = request.reviewers.map((r) =>
    r.memberId === memberId ? { ...r, action, timestamp: at, comment } : r,
  );
  return {
    ok: { ...request, reviewers, status: statusOf(reviewers), updatorId: memberId, updatedAt: at },
  };
}

/** Who may apply an approved request: its requester or one of its reviewers (FeatBit's rule). */
export function applyProblem(request: FlagChangeRequest, memberId: string): string | null {
  if (request.status === 'Applied') return 'this change request was already applied';
  if (request.status !== 'Approved') return 'this change request is not approved';
  const involved = request.creatorId === memberId || request.reviewers.some((r) => r.memberId === memberId);
  return involved ? null : 'only the requester or a reviewer may apply this change request';
}
