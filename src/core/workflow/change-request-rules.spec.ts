import {
  applyProblem,
  approvalOf,
  chooseReviewers,
  directChangeRefusal,
  review,
} from './change-request-rules';
import type { FlagChangeRequest } from './workflow';

const request = (
  reviewers: string[],
  status: FlagChangeRequest['status'] = 'PendingReview',
): FlagChangeRequest => ({
  id: 'cr',
  organizationId: 'o',
  envId: 'e',
  flagDraftId: 'd',
  flagId: 'f',
  status,
  reason: '',
  reviewers: reviewers.map((memberId) => ({ memberId, action: 'Empty', timestamp: null, comment: '' })),
  scheduleId: null,
  creatorId: 'alice',
  updatorId: 'alice',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('change request rules', () => {
  it('chooses reviewers: never the requester, only from the pool, the whole pool when none is asked', () => {
    expect(chooseReviewers(['alice'], 'alice', null)).toEqual({
      problem: 'you cannot review your own change request',
    });
    expect(chooseReviewers(['carol'], 'alice', new Set(['bob']))).toMatchObject({
      problem: expect.stringContaining('carol'),
    });
    const pool = chooseReviewers([], 'alice', new Set(['alice', 'bob']));
    expect('ok' in pool && pool.ok.map((r) => r.memberId)).toEqual(['bob']);
    expect(chooseReviewers([], 'alice', null)).toMatchObject({
      problem: expect.stringContaining('at least one'),
    });
  });

  it("follows FeatBit's status rule: any decline declines, otherwise any approval approves", () => {
    const two = request(['bob', 'carol']);
    const approved = review(two, 'bob', 'Approve', 'ok', 't1');
    expect('ok' in approved && approved.ok.status).toBe('Approved');
    if (!('ok' in approved)) throw new Error('expected approval');
    const declined = review(approved.ok, 'carol', 'Decline', 'no', 't2');
    expect('ok' in declined && declined.ok.status).toBe('Declined');
    expect('ok' in declined && declined.ok.reviewers[1]).toEqual({
      memberId: 'carol',
      action: 'Decline',
      timestamp: 't2',
      comment: 'no',
    });
  });

  it('refuses reviews by the requester, by non-reviewers and after the change was applied', () => {
    expect(review(request(['bob']), 'alice', 'Approve', '', 't')).toHaveProperty('problem');
    expect(review(request(['bob']), 'dave', 'Approve', '', 't')).toHaveProperty('problem');
    expect(review(request(['bob'], 'Applied'), 'bob', 'Approve', '', 't')).toHaveProperty('problem');
  });

  it('lets the requester or a reviewer apply an approved request only', () => {
    expect(applyProblem(request(['bob'], 'Approved'), 'alice')).toBeNull();
    expect(applyProblem(request(['bob'], 'Approved'), 'bob')).toBeNull();
    expect(applyProblem(request(['bob'], 'Approved'), 'dave')).toContain('only the requester');
    expect(applyProblem(request(['bob'], 'PendingReview'), 'alice')).toContain('not approved');
  });

  it('refuses direct user changes of what a flag serves where approval is required, not the system', () => {
    const required = approvalOf({
      changeApproval: { required: true, reviewerMemberIds: [], reviewerGroupIds: [], applyOnApproval: false },
    });
    expect(directChangeRefusal(required, 'user', ['isEnabled'])).toContain('change request');
    expect(directChangeRefusal(required, 'access-token', ['rules', 'name'])).toContain('rules');
    expect(directChangeRefusal(required, 'user', ['name', 'tags'])).toBeNull();
    expect(directChangeRefusal(required, 'system', ['isEnabled'])).toBeNull();
    expect(directChangeRefusal(approvalOf({}), 'user', ['isEnabled'])).toBeNull();
  });
});
