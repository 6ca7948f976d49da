import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { EMPTY, map, type Observable, of, switchMap, tap } from 'rxjs';
import { ApiError } from '../../api/api-envelope';
import type { FlagReference } from '../../api/api.models';
import { SegmentsApi } from '../../api/segments.api';
import { ContextStore } from '../../core/context/context.store';
import { Notifier } from '../../core/feedback/notifier.service';
import { confirmAction } from '../../ui/confirm-dialog/confirm-dialog.component';
import { RefusalDialogComponent, type RefusalData } from './refusal-dialog.component';

export interface SegmentRef {
  id: string;
  name: string;
}

/** Archive / restore / delete, with the server's refusal reason (flags still using it) in words. */
@Injectable()
export class SegmentActions {
  private readonly api = inject(SegmentsApi);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  private get envId(): string {
    return this.context.envId() ?? '';
  }

  archive(segment: SegmentRef): Observable<void> {
    return confirmAction(this.dialog, {
      title: $localize`Archive “${segment.name}:name:”?`,
      message: $localize`An archived segment can no longer be used in rules. You can restore it later.`,
      confirmLabel: $localize`Archive`,
      danger: true,
      comment: this.context.requireChangeComment() ? 'required' : 'optional',
    }).pipe(
      switchMap((r) => (r ? this.api.archive(this.envId, segment.id, r.comment || undefined) : EMPTY)),
      tap({
        next: () => this.notifier.success($localize`Archived “${segment.name}:name:”`),
        error: (err: unknown) => this.refused(err, segment, 'archived'),
      }),
      map(() => undefined),
    );
  }

  restore(segment: SegmentRef): Observable<void> {
    const ask: Observable<string | undefined> = this.context.requireChangeComment()
      ? confirmAction(this.dialog, {
          title: $localize`Restore “${segment.name}:name:”?`,
          message: $localize`The segment can be used in rules again.`,
          confirmLabel: $localize`Restore`,
          comment: 'required',
        }).pipe(map((r) => r?.comment))
      : of('');
    return ask.pipe(
      switchMap((comment) =>
        comment === undefined ? EMPTY : this.api.restore(this.envId, segment.id, comment || undefined),
      ),
      tap({
        next: () => this.notifier.success($localize`Restored “${segment.name}:name:”`),
        error: (err: unknown) => this.notifier.error(err, $localize`Could not restore the segment`),
      }),
      map(() => undefined),
    );
  }

  remove(segment: SegmentRef): Observable<void> {
    return confirmAction(this.dialog, {
      title: $localize`Delete “${segment.name}:name:” permanently?`,
      message: $localize`This cannot be undone.`,
      confirmLabel: $localize`Delete`,
      danger: true,
      comment: this.context.requireChangeComment() ? 'required' : 'none',
    }).pipe(
      switchMap((r) => (r ? this.api.remove(this.envId, segment.id, r.comment || undefined) : EMPTY)),
      tap({
        next: () => this.notifier.success($localize`Deleted “${segment.name}:name:”`),
        error: (err: unknown) => this.refused(err, segment, 'deleted'),
      }),
      map(() => undefined),
    );
  }

  private refused(err: unknown, segment: SegmentRef, what: 'archived' | 'deleted'): void {
    const apiError = ApiError.from(err);
    if (apiError.has('SegmentIsBeingUsed')) {
      const flags = Array.isArray(apiError.data) ? (apiError.data as FlagReference[]) : [];
      this.dialog.open<RefusalDialogComponent, RefusalData>(RefusalDialogComponent, {
        data: {
          title:
            what === 'archived'
              ? $localize`“${segment.name}:name:” cannot be archived`
              : $localize`“${segment.name}:name:” cannot be deleted`,
          reason: $localize`Feature flags still use this segment in their rules. Remove it from these flags first:`,
          flags,
          segmentId: segment.id,
        },
        width: '520px',
        maxWidth: '95vw',
      });
      return;
    }
    this.notifier.error(
      err,
      what === 'archived'
        ? $localize`Could not archive the segment`
        : $localize`Could not delete the segment`,
    );
  }
}
