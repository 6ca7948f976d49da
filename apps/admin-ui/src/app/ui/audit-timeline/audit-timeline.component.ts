import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTooltip } from '@angular/material/tooltip';
import type { AuditLogEntry } from '../../api/api.models';
import { describeAuditEntry, operationLabel, type SegmentNames } from '../../shared/audit-diff';
import { relativeTime } from '../../shared/relative-time';
import { ChangeListComponent } from '../change-list/change-list.component';

// The audit log's operation names (English in the API) as shown on the badge; others show as sent.

/** Audit entries, newest first, each as who / when / comment and a readable change list. */
@Component({
  selector: 'ff-audit-timeline',
  imports: [DatePipe, MatButton, MatIcon, MatProgressBar, MatTooltip, ChangeListComponent],
  template: `
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The history could not be loaded: {{ message }}</p>
    }
    @if (loading() && rows().length === 0) {
      <mat-progress-bar mode="indeterminate" />
    }
    <ol class="timeline" aria-label="History" i18n-aria-label data-testid="history-list">
      @for (row of rows(); track row.entry.id) {
        <li class="entry ff-card">
          <div class="meta">
            <mat-icon class="op-icon" aria-hidden="true">{{ icon(row.entry.operation) }}</mat-icon>
            <strong>{{ row.entry.creatorName || row.entry.creatorEmail || systemName }}</strong>
            <span class="ff-badge">{{ operationLabel(row.entry.operation) }}</span>
            <span class="ff-spacer"></span>
            <span class="ff-muted ff-small" [matTooltip]="(row.entry.createdAt | date: 'medium') ?? ''">
              {{ relative(row.entry.createdAt) }}
            </span>
          </div>
          @if (row.entry.comment) {
            <p class="comment">“{{ row.entry.comment }}”</p>
          }
          <ff-change-list [changes]="row.changes" />
        </li>
      } @empty {
        @if (!loading() && !error()) {
          <li i18n class="ff-empty">No changes recorded yet.</li>
        }
      }
    </ol>
    @if (hasMore()) {
      <button i18n mat-stroked-button type="button" (click)="loadMore.emit()" [disabled]="loading()">
        Load more
      </button>
    }
  `,
  styles: `
    .timeline {
      list-style: none;
      padding: 0;
      margin: 0 0 12px;
    }
    .entry {
      margin-bottom: 10px;
    }
    .meta {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 6px;
      flex-wrap: wrap;
    }
    .op-icon {
      color: var(--mat-sys-primary);
    }
    .comment {
      margin: 0 0 6px;
      font-style: italic;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditTimelineComponent {
  readonly entries = input.required<readonly AuditLogEntry[]>();
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  readonly hasMore = input(false);
  readonly segmentName = input<SegmentNames>((id) => id);
  readonly loadMore = output<void>();

  readonly rows = computed(() =>
    this.entries().map((entry) => ({ entry, changes: describeAuditEntry(entry, this.segmentName()) })),
  );
  relative = relativeTime;
  readonly systemName = $localize`:audit author|author of an automatic change:System`;

  readonly operationLabel = operationLabel;

  icon(operation: string): string {
    switch (operation) {
      case 'Create':
        return 'add_circle';
      case 'Archive':
        return 'archive';
      case 'Restore':
        return 'unarchive';
      case 'Remove':
      case 'Delete':
        return 'delete';
      default:
        return 'edit';
    }
  }
}
