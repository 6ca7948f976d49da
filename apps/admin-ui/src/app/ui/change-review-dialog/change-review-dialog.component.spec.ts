import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { of } from 'rxjs';
import { toLocalInput } from '../../shared/release-workflow';
import {
  type ChangeReviewData,
  ChangeReviewDialogComponent,
  type ChangeReviewResult,
} from './change-review-dialog.component';

async function render(data: Partial<ChangeReviewData>) {
  const closed: (ChangeReviewResult | undefined)[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: MAT_DIALOG_DATA,
        useValue: {
          title: 'Save',
          changes: [{ kind: 'update', text: 'Turned the flag ON' }],
          requireComment: false,
          ...data,
        },
      },
      { provide: MatDialogRef, useValue: { close: (r?: ChangeReviewResult) => closed.push(r) } },
    ],
  });
  const fixture = TestBed.createComponent(ChangeReviewDialogComponent);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const has = (id: string) => el.querySelector(`[data-testid="${id}"]`) !== null;
  return { fixture, el, has, closed, dialog: fixture.componentInstance };
}

const people = of([{ id: 'm2', name: 'Reviewer', email: 'r@example.com' }]);

describe('ChangeReviewDialogComponent (save modes)', () => {
  it('only saves now where nothing can be proposed (segments)', async () => {
    const { has, dialog } = await render({});
    expect(has('review-mode-now')).toBe(false);
    expect(dialog.mode()).toBe('now');
    expect(has('change-comment')).toBe(true);
  });

  it('offers save now, schedule and request approval', async () => {
    const { has } = await render({ reviewers: people });
    expect(['now', 'schedule', 'request'].map((m) => has(`review-mode-${m}`))).toEqual([true, true, true]);
  });

  it('where approval is required, says why and offers no "save now"; the switch opens "request approval"', async () => {
    const { has, el, dialog, fixture, closed } = await render({
      reviewers: people,
      approvalRequired: true,
      mode: 'request',
    });
    expect(has('review-mode-now')).toBe(false);
    expect(el.querySelector('[data-testid="review-mode-note"]')?.textContent).toContain('requires approval');
    expect(dialog.mode()).toBe('request');
    dialog.save();
    expect(closed).toEqual([]); // a reason is needed
    dialog.reason.set('launch');
    dialog.reviewerIds.set(['m2']);
    dialog.save();
    await fixture.whenStable();
    expect(closed).toEqual([{ mode: 'request', comment: '', reason: 'launch', reviewers: ['m2'] }]);
  });

  it('schedules only in the future, behind a change request where approval is required', async () => {
    const { dialog, closed } = await render({ reviewers: people, approvalRequired: true, mode: 'schedule' });
    dialog.scheduleTitle.set('Launch');
    dialog.scheduledTime.set('2020-01-01T10:00:00');
    dialog.save();
    expect(closed).toEqual([]);
    expect(dialog.timeProblem()).toBe('Choose a time in the future.');
    dialog.scheduledTime.set(toLocalInput(new Date(Date.now() + 3_600_000)));
    dialog.save();
    expect(closed[0]).toMatchObject({ mode: 'schedule', title: 'Launch', withChangeRequest: true });
  });
});
