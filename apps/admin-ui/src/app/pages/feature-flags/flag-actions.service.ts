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
          title: `Turn ${on ? 'on' : 'off'} “${flag.name}”?`,
          message: on
            ? 'Users will get the variations of the targeting rules.'
            : 'Every user will get the off variation.',
          confirmLabel: on ? 'Turn on' : 'Turn off',
          comment: 'required',
        }).pipe(map((r) => r?.comment))
      : of('');
    return ask.pipe(
      switchMap((comment) =>
        comment === undefined ? EMPTY : this.api.toggle(this.envId, flag.key, on, comment || undefined),
      ),
      tap({
        next: () => this.notifier.success(`“${flag.name}” is now ${on ? 'ON' : 'OFF'}`),
        error: (err: unknown) =>
          this.notifier.error(err, `Could not turn “${flag.name}” ${on ? 'on' : 'off'}`),
      }),
      map(() => undefined),
    );
  }

  archive(flag: FlagRef): Observable<void> {
    return confirmAction(this.dialog, {
      title: `Archive “${flag.name}”?`,
      message:
        'SDKs stop receiving this flag and evaluate it to the default value in your code. Remove its code references first. You can restore it later.',
      confirmLabel: 'Archive',
      danger: true,
      comment: this.commentMode(),
    }).pipe(
      switchMap((r) => (r ? this.api.archive(this.envId, flag.key, r.comment || undefined) : EMPTY)),
      tap({
        next: () => this.notifier.success(`Archived “${flag.name}”`),
        error: (err: unknown) => this.notifier.error(err, 'Could not archive the flag'),
      }),
      map(() => undefined),
    );
  }

  restore(flag: FlagRef): Observable<void> {
    return confirmAction(this.dialog, {
      title: `Restore “${flag.name}”?`,
      message: 'The flag comes back (turned off) and SDKs receive it again.',
      confirmLabel: 'Restore',
      comment: this.commentMode(),
    }).pipe(
      switchMap((r) => (r ? this.api.restore(this.envId, flag.key, r.comment || undefined) : EMPTY)),
      tap({
        next: () => this.notifier.success(`Restored “${flag.name}”`),
        error: (err: unknown) => this.notifier.error(err, 'Could not restore the flag'),
      }),
      map(() => undefined),
    );
  }

  remove(flag: FlagRef): Observable<void> {
    return confirmAction(this.dialog, {
      title: `Delete “${flag.name}” permanently?`,
      message: 'The flag and its history in this environment are deleted. This cannot be undone.',
      confirmLabel: 'Delete',
      danger: true,
      comment: this.context.requireChangeComment() ? 'required' : 'none',
    }).pipe(
      switchMap((r) => (r ? this.api.remove(this.envId, flag.key, r.comment || undefined) : EMPTY)),
      tap({
        next: () => this.notifier.success(`Deleted “${flag.name}”`),
        error: (err: unknown) => this.notifier.error(err, 'Could not delete the flag'),
      }),
      map(() => undefined),
    );
  }

  private commentMode(): 'optional' | 'required' {
    return this.context.requireChangeComment() ? 'required' : 'optional';
  }
}
