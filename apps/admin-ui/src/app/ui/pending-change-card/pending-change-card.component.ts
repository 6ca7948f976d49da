import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import type { PendingChangeDto } from '../../api/generated/models';
import type { Change } from '../../shared/audit-diff';
import { conflictText, pendingActions, statusLabel, waitingFor } from '../../shared/release-workflow';
import { ChangeListComponent } from '../change-list/change-list.component';

export type PendingAction = 'approve' | 'decline' | 'apply' | 'remove';

const DECISION_ICON: Record<string, string> = {
  Approve: 'check_circle',
  Decline: 'cancel',
  Empty: 'schedule',
};
const DECISION_LABEL: Record<string, string> = {
  Approve: $localize`Approved`,
  Decline: $localize`Declined`,
  Empty: $localize`Not decided`,
};
/** The decision after a reviewer's name ("Ada approved"). */
const DECISION_VERB: Record<string, string> = {
  Approve: $localize`:after a reviewer's name:approved`,
  Decline: $localize`:after a reviewer's name:declined`,
  Empty: $localize`:after a reviewer's name:not decided`,
};

/** One schedule or change request: what it changes, who decided what, and what you may do with it. */
@Component({
  selector: 'ff-pending-change-card',
  imports: [DatePipe, MatButton, MatIcon, ChangeListComponent],
  templateUrl: './pending-change-card.component.html',
  styleUrl: './pending-change-card.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PendingChangeCardComponent {
  readonly change = input.required<PendingChangeDto>();
  /** The signed-in member. */
  readonly memberId = input.required<string>();
  /** Show which flag it is for (the environment-wide list). */
  readonly showFlag = input(false);
  readonly busy = input(false);
  readonly act = output<PendingAction>();

  readonly decisionIcon = DECISION_ICON;
  readonly decisionLabel = DECISION_LABEL;
  readonly decisionVerb = DECISION_VERB;
  readonly status = computed(() => statusLabel(this.change()));
  readonly actions = computed(() => pendingActions(this.change(), this.memberId()));
  readonly waiting = computed(() => waitingFor(this.change(), this.memberId()));
  readonly conflict = computed(() => conflictText(this.change().conflicts));
  readonly lines = computed<Change[]>(() =>
    this.change().instructions.map((i) => ({
      kind: /^(Add|Create)/.test(i.kind) ? 'add' : i.kind.startsWith('Remove') ? 'remove' : 'update',
      text: i.text,
    })),
  );
  readonly heading = computed(() => {
    const c = this.change();
    return c.type === 'schedule'
      ? c.scheduleTitle || $localize`Scheduled change`
      : c.changeRequestReason || $localize`Change request`;
  });
}
