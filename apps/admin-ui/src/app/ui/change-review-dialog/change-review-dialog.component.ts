import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { type Observable, of } from 'rxjs';
import { errorMatcher } from '../../shared/error-state';
import type { Change } from '../../shared/audit-diff';
import {
  type ReviewMode,
  reviewModes,
  scheduleTimeProblem,
  toLocalInput,
} from '../../shared/release-workflow';
import { ChangeListComponent } from '../change-list/change-list.component';

export interface ReviewerOption {
  id: string;
  name: string;
  email: string;
}

export interface ChangeReviewData {
  title: string;
  changes: Change[];
  requireComment: boolean;
  /** The environment refuses direct changes (settings.changeApproval.required). */
  approvalRequired?: boolean;
  /** The change can be scheduled or proposed for review (targeting and on/off only). */
  proposable?: boolean;
  /** Who may be asked to review; without it only "Save now" is offered. */
  reviewers?: Observable<ReviewerOption[]>;
  /** The mode chosen when the dialog opens. */
  mode?: ReviewMode;
}

export type ChangeReviewResult =
  | { mode: 'now'; comment: string }
  | {
      mode: 'schedule';
      comment: string;
      title: string;
      scheduledTime: string;
      withChangeRequest: boolean;
      reason: string;
      reviewers: string[];
    }
  | { mode: 'request'; comment: string; reason: string; reviewers: string[] };

const MODE_LABEL: Record<ReviewMode, string> = {
  now: $localize`Save now`,
  schedule: $localize`Schedule`,
  request: $localize`Request approval`,
};

/**
 * "Review and save": the computed change list, then save now (with a comment for the audit log),
 * schedule it, or request approval (FeatBit's change-review dialog, docs/release-workflows.md).
 */
@Component({
  selector: 'ff-change-review-dialog',
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatInput,
    MatHint,
    MatError,
    MatSelect,
    MatOption,
    ChangeListComponent,
  ],
  templateUrl: './change-review-dialog.component.html',
  styleUrl: './change-review-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangeReviewDialogComponent {
  readonly data = inject<ChangeReviewData>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<ChangeReviewDialogComponent, ChangeReviewResult>>(MatDialogRef);
  readonly labels = MODE_LABEL;

  readonly choice = this.data.reviewers
    ? reviewModes(this.data.approvalRequired ?? false, this.data.proposable ?? true)
    : { modes: ['now' as const], note: null };
  readonly mode = signal<ReviewMode | null>(
    this.data.mode && this.choice.modes.includes(this.data.mode)
      ? this.data.mode
      : (this.choice.modes[0] ?? null),
  );
  readonly people = toSignal(this.data.reviewers ?? of([]), { initialValue: [] });

  readonly comment = signal('');
  readonly scheduleTitle = signal('');
  readonly scheduledTime = signal(toLocalInput(new Date(Date.now() + 60 * 60 * 1000)));
  readonly withChangeRequest = signal(this.data.approvalRequired ?? false);
  readonly reason = signal('');
  readonly reviewerIds = signal<string[]>([]);

  private readonly submitted = signal(false);
  readonly needsReview = computed(() => this.mode() === 'request' || this.withChangeRequest());
  readonly commentMatcher = computed(() =>
    errorMatcher(this.submitted() && this.commentMissing() ? 'required' : null),
  );
  readonly titleMatcher = computed(() =>
    errorMatcher(this.submitted() && !this.scheduleTitle().trim() ? 'required' : null),
  );
  readonly timeProblem = computed(() => scheduleTimeProblem(this.scheduledTime(), new Date()));
  readonly timeMatcher = computed(() =>
    errorMatcher(this.submitted() && this.timeProblem() ? 'invalid' : null),
  );
  readonly reasonMatcher = computed(() =>
    errorMatcher(this.submitted() && this.mode() === 'request' && !this.reason().trim() ? 'required' : null),
  );
  readonly confirmLabel = computed(() => {
    switch (this.mode()) {
      case 'schedule':
        return $localize`Schedule`;
      case 'request':
        return $localize`Request approval`;
      default:
        return $localize`Save changes`;
    }
  });

  private commentMissing(): boolean {
    return this.mode() === 'now' && this.data.requireComment && !this.comment().trim();
  }

  save(): void {
    this.submitted.set(true);
    const mode = this.mode();
    const comment = this.comment().trim();
    if (mode === 'now') {
      if (!this.commentMissing()) this.ref.close({ mode, comment });
      return;
    }
    const reviewers = this.reviewerIds();
    const reason = this.reason().trim();
    if (mode === 'request') {
      if (reason) this.ref.close({ mode, comment, reason, reviewers });
      return;
    }
    if (mode !== 'schedule' || !this.scheduleTitle().trim() || this.timeProblem()) return;
    this.ref.close({
      mode,
      comment,
      title: this.scheduleTitle().trim(),
      scheduledTime: new Date(this.scheduledTime()).toISOString(),
      withChangeRequest: this.withChangeRequest(),
      reason,
      reviewers: this.withChangeRequest() ? reviewers : [],
    });
  }
}
