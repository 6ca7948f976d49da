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
      title: `Archive “${segment.name}”?`,
      message: 'An archived segment can no longer be used in rules. You can restore it later.',
      confirmLabel: 'Archive',
      danger: true,
      comment: this.context.requireChangeComment() ? 'required' : 'optional',
    }).pipe(
      switchMap((r) => (r ? this.api.archive(this.envId, segment.id, r.comment || undefined) : EMPTY)),
      tap({
        next: () => this.notifier.success(`Archived “${segment.name}”`),
        error: (err: unknown) => this.refused(err, segment, 'archived'),
      }),
      map(() => undefined),
    );
  }

  restore(segment: SegmentRef): Observable<void> {
    const ask: Observable<string | undefined> = this.context.requireChangeComment()
      ? confirmAction(this.dialog, {
          title: `Restore “${segment.name}”?`,
          message: 'The segment can be used in rules again.',
          confirmLabel: 'Restore',
          comment: 'required',
        }).pipe(map((r) => r?.comment))
      : of('');
    return ask.pipe(
      switchMap((comment) =>
        comment === undefined ? EMPTY : this.api.restore(this.envId, segment.id, comment || undefined),
      ),
      tap({
        next: () => this.notifier.success(`Restored “${segment.name}”`),
        error: (err: unknown) => this.notifier.error(err, 'Could not restore the segment'),
      }),
      map(() => undefined),
    );
  }

  remove(segment: SegmentRef): Observable<void> {
    return confirmAction(this.dialog, {
      title: `Delete “${segment.name}” permanently?`,
      message: 'This cannot be undone.',
      confirmLabel: 'Delete',
      danger: true,
      comment: this.context.requireChangeComment() ? 'required' : 'none',
    }).pipe(
      switchMap((r) => (r ? this.api.remove(this.envId, segment.id, r.comment || undefined) : EMPTY)),
      tap({
        next: () => this.notifier.success(`Deleted “${segment.name}”`),
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
          title: `“${segment.name}” cannot be ${what}`,
          reason: 'Feature flags still use this segment in their rules. Remove it from these flags first:',
          flags,
          segmentId: segment.id,
        },
        width: '520px',
        maxWidth: '95vw',
      });
      return;
    }
    this.notifier.error(err, `Could not ${what === 'archived' ? 'archive' : 'delete'} the segment`);
  }
}
