import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { EMPTY, map, type Observable, of, switchMap, tap } from 'rxjs';
import { FlagsApi } from '../../api/flags.api';
import { ContextStore } from '../../core/context/context.store';
import { Notifier } from '../../core/feedback/notifier.service';
import { confirmAction } from '../../ui/confirm-dialog/confirm-dialog.component';

export interface FlagRef {
  key: string;
  name: string;
}

/**
 * Flag actions shared by the list and the detail page. Each asks what it must (a comment when the
 * environment requires one, a confirmation for destructive steps), reports the outcome in a
 * snackbar and completes only on success.
 */
@Injectable()
export class FlagActions {
  private readonly api = inject(FlagsApi);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  private get envId(): string {
    return this.context.envId() ?? '';
  }

  toggle(flag: FlagRef, on: boolean): Observable<void> {
    const ask: Observable<string | undefined> = this.context.requireChangeComment()
      ? confirmAction(this.dialog, {
          title: on
            ? $localize`Turn on “${flag.name}:flagName:”?`
            : $localize`Turn off “${flag.name}:flagName:”?`,
          message: on
            ? $localize`Users will get the variations of the targeting rules.`
            : $localize`Every user will get the off variation.`,
          confirmLabel: on ? $localize`Turn on` : $localize`Turn off`,
          comment: 'required',
        }).pipe(map((r) => r?.comment))
      : of('');
    return ask.pipe(
      switchMap((comment) =>
        comment === undefined ? EMPTY : this.api.toggle(this.envId, flag.key, on, comment || undefined),
      ),
      tap({
        next: () =>
          this.notifier.success(
            on
              ? $localize`“${flag.name}:flagName:” is now ON`
              : $localize`“${flag.name}:flagName:” is now OFF`,
          ),
        error: (err: unknown) =>
          this.notifier.error(
            err,
            on
              ? $localize`Could not turn “${flag.name}:flagName:” on`
              : $localize`Could not turn “${flag.name}:flagName:” off`,
          ),
      }),
      map(() => undefined),
    );
  }

  archive(flag: FlagRef): Observable<void> {
    return confirmAction(this.dialog, {
      title: $localize`Archive “${flag.name}:flagName:”?`,
      message: $localize`SDKs stop receiving this flag and evaluate it to the default value in your code. Remove its code references first. You can restore it later.`,
      confirmLabel: $localize`Archive`,
      danger: true,
      comment: this.commentMode(),
    }).pipe(
      switchMap((r) => (r ? this.api.archive(this.envId, flag.key, r.comment || undefined) : EMPTY)),
      tap({
        next: () => this.notifier.success($localize`Archived “${flag.name}:flagName:”`),
        error: (err: unknown) => this.notifier.error(err, $localize`Could not archive the flag`),
      }),
      map(() => undefined),
    );
  }

  restore(flag: FlagRef): Observable<void> {
    return confirmAction(this.dialog, {
      title: $localize`Restore “${flag.name}:flagName:”?`,
      message: $localize`The flag comes back (turned off) and SDKs receive it again.`,
      confirmLabel: $localize`Restore`,
      comment: this.commentMode(),
    }).pipe(
      switchMap((r) => (r ? this.api.restore(this.envId, flag.key, r.comment || undefined) : EMPTY)),
      tap({
        next: () => this.notifier.success($localize`Restored “${flag.name}:flagName:”`),
        error: (err: unknown) => this.notifier.error(err, $localize`Could not restore the flag`),
      }),
      map(() => undefined),
    );
  }

  remove(flag: FlagRef): Observable<void> {
    return confirmAction(this.dialog, {
      title: $localize`Delete “${flag.name}:flagName:” permanently?`,
      message: $localize`The flag and its history in this environment are deleted. This cannot be undone.`,
      confirmLabel: $localize`Delete`,
      danger: true,
      comment: this.context.requireChangeComment() ? 'required' : 'none',
    }).pipe(
      switchMap((r) => (r ? this.api.remove(this.envId, flag.key, r.comment || undefined) : EMPTY)),
      tap({
        next: () => this.notifier.success($localize`Deleted “${flag.name}:flagName:”`),
        error: (err: unknown) => this.notifier.error(err, $localize`Could not delete the flag`),
      }),
      map(() => undefined),
    );
  }

  private commentMode(): 'optional' | 'required' {
    return this.context.requireChangeComment() ? 'required' : 'optional';
  }
}
