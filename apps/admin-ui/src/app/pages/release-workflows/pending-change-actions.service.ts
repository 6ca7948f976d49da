import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { catchError, map, type Observable, of, switchMap } from 'rxjs';
import type { PendingChangeDto } from '../../api/generated/models';
import { ReleaseWorkflowsApi } from '../../api/release-workflows.api';
import { ContextStore } from '../../core/context/context.store';
import { Notifier } from '../../core/feedback/notifier.service';
import { confirmAction } from '../../ui/confirm-dialog/confirm-dialog.component';
import type { PendingAction } from '../../ui/pending-change-card/pending-change-card.component';

/**
 * Approve, decline, apply and remove a pending change, shared by the flag's pending-changes drawer
 * and the Change requests page. Answers true once the server accepted it.
 */
@Injectable({ providedIn: 'root' })
export class PendingChangeActions {
  private readonly api = inject(ReleaseWorkflowsApi);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  run(change: PendingChangeDto, action: PendingAction): Observable<boolean> {
    const envId = this.context.envId() ?? '';
    const requestId = change.changeRequestId ?? change.id;
    switch (action) {
      case 'approve':
      case 'decline':
        return this.ask(change, action).pipe(
          switchMap((comment) => {
            if (comment === undefined) return of(false);
            const call =
              action === 'approve'
                ? this.api.approve(envId, requestId, comment)
                : this.api.decline(envId, requestId, comment);
            return this.done(
              call,
              action === 'approve' ? $localize`Approved the change` : $localize`Declined the change`,
            );
          }),
        );
      case 'apply':
        return this.done(
          this.api.apply(envId, requestId),
          $localize`Applied the change to “${change.flagName}:flag:”`,
        );
      case 'remove':
        return confirmAction(this.dialog, {
          title:
            change.type === 'schedule'
              ? $localize`Cancel this schedule?`
              : $localize`Remove this change request?`,
          message: $localize`The proposed change is dropped; the flag stays as it is.`,
          confirmLabel: change.type === 'schedule' ? $localize`Cancel schedule` : $localize`Remove`,
          danger: true,
        }).pipe(
          switchMap((ok) => {
            if (!ok) return of(false);
            const call =
              change.type === 'schedule'
                ? this.api.removeSchedule(envId, change.id)
                : this.api.removeChangeRequest(envId, change.id);
            return this.done(
              call,
              change.type === 'schedule' ? $localize`Schedule cancelled` : $localize`Change request removed`,
            );
          }),
        );
    }
  }

  private ask(change: PendingChangeDto, action: 'approve' | 'decline'): Observable<string | undefined> {
    return confirmAction(this.dialog, {
      title:
        action === 'approve'
          ? $localize`Approve the change to “${change.flagName}:flag:”?`
          : $localize`Decline the change to “${change.flagName}:flag:”?`,
      message:
        action === 'approve'
          ? $localize`The requester can then apply it (or it applies at once or at its time, as the environment and schedule say).`
          : $localize`The change will not be applied.`,
      confirmLabel: action === 'approve' ? $localize`Approve` : $localize`Decline`,
      danger: action === 'decline',
      comment: 'optional',
    }).pipe(map((r) => r?.comment));
  }

  private done(call: Observable<unknown>, message: string): Observable<boolean> {
    return call.pipe(
      map(() => {
        this.notifier.success(message);
        return true;
      }),
      catchError((err: unknown) => {
        this.notifier.error(err, $localize`The server refused it`);
        return of(false);
      }),
    );
  }
}
