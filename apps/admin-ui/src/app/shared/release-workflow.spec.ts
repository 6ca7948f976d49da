import type { PendingChangeDto } from '../api/generated/models';
import {
  conflictText,
  pendingActions,
  reviewerPool,
  reviewModes,
  scheduleTimeProblem,
  statusLabel,
  toLocalInput,
  waitingFor,
} from './release-workflow';

const ME = 'me';
const OTHER = 'other';

function change(patch: Partial<PendingChangeDto>): PendingChangeDto {
  return {
    id: 'c1',
    flagId: 'f1',
    flagKey: 'checkout',
    flagName: 'Checkout',
    dataChange: {},
    creatorId: OTHER,
    creatorName: 'Other',
    createdAt: '2026-01-01T00:00:00.000Z',
    instructions: [],
    type: 'change-request',
    changeRequestId: 'c1',
    changeRequestStatus: 'PendingReview',
    reviewers: [{ memberId: ME, memberName: 'Me', action: 'Empty', timestamp: null, comment: '' }],
    baseRevision: 'r1',
    conflicts: [],
    ...patch,
  };
}

describe('release workflow rules', () => {
  it('offers every mode, or no "save now" where approval is required', () => {
    expect(reviewModes(false, true)).toEqual({ modes: ['now', 'schedule', 'request'], note: null });
    const required = reviewModes(true, true);
    expect(required.modes).toEqual(['schedule', 'request']);
    expect(required.note).toContain('requires approval');
  });

  it('saves variation changes only at once, and not at all where approval is required', () => {
    expect(reviewModes(false, false).modes).toEqual(['now']);
    expect(reviewModes(true, false).modes).toEqual([]);
    expect(reviewModes(true, false).note).toContain('cannot be proposed');
  });

  it('wants a scheduled time in the future', () => {
    const now = new Date(2026, 0, 1, 12, 0, 0);
    expect(scheduleTimeProblem('', now)).toBe('Choose a date and time.');
    expect(scheduleTimeProblem(toLocalInput(new Date(2026, 0, 1, 11, 59, 59)), now)).toBe(
      'Choose a time in the future.',
    );
    expect(scheduleTimeProblem(toLocalInput(new Date(2026, 0, 1, 12, 0, 5)), now)).toBeNull();
    expect(toLocalInput(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02T03:04:05');
  });

  it('is waiting for a reviewer who has not decided on a request that still waits', () => {
    expect(waitingFor(change({}), ME)).toBe(true);
    expect(waitingFor(change({}), OTHER)).toBe(false);
    const decided = change({
      reviewers: [{ memberId: ME, memberName: 'Me', action: 'Approve', timestamp: 'x', comment: 'ok' }],
      changeRequestStatus: 'Approved',
    });
    expect(waitingFor(decided, ME)).toBe(false);
    expect(waitingFor(change({ type: 'schedule', changeRequestId: null, reviewers: [] }), ME)).toBe(false);
  });

  it("lets reviewers decide, the requester or a reviewer apply an approved request, never one's own review", () => {
    expect(pendingActions(change({}), ME)).toEqual({
      approve: true,
      decline: true,
      apply: false,
      remove: true,
    });
    expect(pendingActions(change({ creatorId: ME }), ME)).toMatchObject({ approve: false, apply: false });
    const approved = change({ changeRequestStatus: 'Approved' });
    expect(pendingActions(approved, OTHER).apply).toBe(true);
    expect(pendingActions(approved, ME).apply).toBe(true);
    expect(pendingActions(approved, 'stranger')).toMatchObject({ approve: false, apply: false });
    const scheduled = change({
      type: 'schedule',
      changeRequestStatus: 'Approved',
      scheduleStatus: 'PendingExecution',
    });
    expect(pendingActions(scheduled, OTHER).apply).toBe(false);
  });

  it("asks the environment's reviewers (members and groups), or everyone, never the requester", () => {
    const people = [
      { id: ME, name: 'Me', email: 'me@x', groups: [] },
      { id: 'a', name: 'A', email: 'a@x', groups: [{ id: 'g1' }] },
      { id: 'b', name: 'B', email: 'b@x', groups: [] },
    ];
    expect(reviewerPool(people, null, ME).map((p) => p.id)).toEqual(['a', 'b']);
    const approval = {
      required: true,
      reviewerMemberIds: ['b'],
      reviewerGroupIds: [],
      applyOnApproval: false,
    };
    expect(reviewerPool(people, approval, ME).map((p) => p.id)).toEqual(['b']);
    expect(
      reviewerPool(people, { ...approval, reviewerMemberIds: [ME], reviewerGroupIds: ['g1'] }, ME).map(
        (p) => p.id,
      ),
    ).toEqual(['a']);
  });

  it('names statuses and explains conflicts', () => {
    expect(statusLabel(change({}))).toBe('Waiting for review');
    expect(statusLabel(change({ type: 'schedule', scheduleStatus: 'PendingExecution' }))).toBe('Scheduled');
    expect(statusLabel(change({ type: 'schedule', scheduleStatus: 'Failed' }))).toBe('Failed');
    expect(conflictText([])).toBeNull();
    expect(conflictText(['targetingRules'])).toContain(
      "The flag's targeting rules changed since this was proposed; applying it will be refused",
    );
  });
});
