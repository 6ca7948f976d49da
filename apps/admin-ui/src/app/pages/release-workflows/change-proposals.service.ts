import { computed, inject, Injectable } from '@angular/core';
import { catchError, map, type Observable, of, shareReplay } from 'rxjs';
import type { EnvironmentSettings, TargetingUpdate } from '../../api/api.models';
import { ReleaseWorkflowsApi } from '../../api/release-workflows.api';
import { SessionStore } from '../../core/auth/session.store';
import { ContextStore } from '../../core/context/context.store';
import { reviewerPool } from '../../shared/release-workflow';
import type {
  ChangeReviewResult,
  ReviewerOption,
} from '../../ui/change-review-dialog/change-review-dialog.component';

/** What a proposal changes: the flag's targeting, its on/off state, or both. */
export interface ProposedChange {
  targeting?: TargetingUpdate;
  isEnabled?: boolean;
}

/**
 * Turns the change-review dialog's choice into a schedule or a change request, and knows the current
 * environment's approval setting and who may be asked to review.
 */
@Injectable({ providedIn: 'root' })
export class ChangeProposals {
  private readonly api = inject(ReleaseWorkflowsApi);
  private readonly context = inject(ContextStore);
  private readonly session = inject(SessionStore);

  readonly approval = computed<EnvironmentSettings['changeApproval'] | null>(
    () => this.context.environment()?.settings?.changeApproval ?? null,
  );
  readonly approvalRequired = computed(() => this.approval()?.required === true);
  readonly memberId = computed(() => this.session.profile()?.id ?? '');

  /** The members the current environment lets review, without the signed-in one. */
  reviewerOptions(): Observable<ReviewerOption[]> {
    const approval = this.approval();
    const me = this.memberId();
    return this.api.members().pipe(
      map((page) => reviewerPool(page.items, approval, me)),
      map((people) => people.map((p) => ({ id: p.id, name: p.name, email: p.email }))),
      catchError(() => of([])),
      shareReplay(1),
    );
  }

  /** Sends a "schedule" or "request" choice; `now` is the caller's own save. */
  propose(
    key: string,
    revision: string,
    change: ProposedChange,
    choice: Exclude<ChangeReviewResult, { mode: 'now' }>,
  ): Observable<unknown> {
    const envId = this.context.envId() ?? '';
    if (choice.mode === 'request') {
      return this.api.requestChange(envId, key, {
        revision,
        ...change,
        reason: choice.reason,
        reviewers: choice.reviewers,
      });
    }
    return this.api.schedule(envId, key, {
      revision,
      ...change,
      title: choice.title,
      scheduledTime: choice.scheduledTime,
      withChangeRequest: choice.withChangeRequest,
      ...(choice.withChangeRequest ? { reason: choice.reason, reviewers: choice.reviewers } : {}),
    });
  }
}
