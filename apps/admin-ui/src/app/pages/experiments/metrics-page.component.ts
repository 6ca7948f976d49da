import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { catchError, combineLatest, debounceTime, EMPTY, filter, map, of, startWith, switchMap } from 'rxjs';
import { type ExperimentMetric, ExperimentsApi } from '../../api/experiments.api';
import { ContextStore } from '../../core/context/context.store';
import { describeError } from '../../core/feedback/error-messages';
import { Notifier } from '../../core/feedback/notifier.service';
import { EVENT_TYPE_LABELS, metricTypeTag } from '../../shared/experiment-results';
import { confirmAction } from '../../ui/confirm-dialog/confirm-dialog.component';
import { type MetricDialogData, MetricDialogComponent } from './metric-dialog.component';

interface Loaded {
  items: ExperimentMetric[];
  error: string | null;
}
type EventTypeFilter = 0 | 1 | 2 | 3;

/** The environment's metrics: filter by name and event type, create, edit, archive. */
@Component({
  selector: 'ff-metrics-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatIconButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    MatTableModule,
    MatTooltip,
  ],
  template: `
    <div class="ff-page">
      <a class="back" routerLink="/experiments"
        ><mat-icon inline>arrow_back</mat-icon> <span i18n>Experiments</span></a
      >
      <header class="ff-page-header">
        <h1 i18n>Metrics</h1>
        <span class="ff-spacer"></span>
        <button mat-flat-button type="button" (click)="edit()" data-testid="create-metric">
          <mat-icon>add</mat-icon> <span i18n>Create metric</span>
        </button>
      </header>
      <div class="ff-toolbar">
        <mat-form-field class="search">
          <mat-label i18n>Filter by name</mat-label>
          <mat-icon matPrefix>search</mat-icon>
          <input
            matInput
            type="search"
            [ngModel]="name()"
            (ngModelChange)="name.set($event)"
            data-testid="metric-search"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Event type</mat-label>
          <mat-select [ngModel]="eventType()" (ngModelChange)="eventType.set($event)">
            <mat-option i18n [value]="0">All</mat-option>
            @for (t of types; track t) {
              <mat-option [value]="t">{{ typeLabels[t] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (loaded(); as data) {
        @if (data.error) {
          <p i18n class="ff-error-text" role="alert">The metrics could not be loaded: {{ data.error }}</p>
        } @else {
          <div class="ff-table-wrap">
            <table
              mat-table
              [dataSource]="data.items"
              aria-label="Metrics"
              i18n-aria-label
              data-testid="metrics-table"
            >
              <ng-container matColumnDef="name">
                <th i18n mat-header-cell *matHeaderCellDef>Name</th>
                <td mat-cell *matCellDef="let m">
                  {{ m.name }}
                  @if (m.description) {
                    <div class="ff-muted ff-small">{{ m.description }}</div>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="type">
                <th i18n mat-header-cell *matHeaderCellDef>Type</th>
                <td mat-cell *matCellDef="let m">
                  <span class="ff-badge">{{ tag(m) }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="event">
                <th i18n mat-header-cell *matHeaderCellDef>Event</th>
                <td mat-cell *matCellDef="let m">{{ target(m) }}</td>
              </ng-container>
              <ng-container matColumnDef="maintainer">
                <th i18n mat-header-cell *matHeaderCellDef>Maintainer</th>
                <td mat-cell *matCellDef="let m">{{ m.maintainerName ?? '--' }}</td>
              </ng-container>
              <ng-container matColumnDef="actions">
                <th mat-header-cell *matHeaderCellDef>
                  <span i18n class="cdk-visually-hidden">Actions</span>
                </th>
                <td mat-cell *matCellDef="let m" class="actions">
                  <button
                    mat-icon-button
                    type="button"
                    (click)="edit(m)"
                    matTooltip="Edit"
                    i18n-matTooltip
                    [attr.aria-label]="editLabel(m)"
                  >
                    <mat-icon>edit</mat-icon>
                  </button>
                  <button
                    mat-icon-button
                    type="button"
                    (click)="archive(m)"
                    matTooltip="Archive"
                    i18n-matTooltip
                    [attr.aria-label]="archiveLabel(m)"
                  >
                    <mat-icon>archive</mat-icon>
                  </button>
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
              <tr class="mat-row" *matNoDataRow>
                <td i18n class="ff-empty" [attr.colspan]="columns.length">
                  No metric yet. A metric names the event your code sends when a user converts.
                </td>
              </tr>
            </table>
          </div>
        }
      } @else {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      text-decoration: none;
      margin-bottom: 8px;
    }
    .search {
      width: 320px;
    }
    .actions {
      text-align: right;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MetricsPageComponent {
  private readonly api = inject(ExperimentsApi);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly columns = ['name', 'type', 'event', 'maintainer', 'actions'];
  readonly types = [1, 2, 3] as const;
  readonly typeLabels = EVENT_TYPE_LABELS;
  readonly name = signal('');
  readonly eventType = signal<EventTypeFilter>(0);
  private readonly version = signal(0);

  readonly loaded = toSignal(
    combineLatest([
      toObservable(this.context.envId),
      toObservable(this.name).pipe(debounceTime(200), startWith('')),
      toObservable(this.eventType),
      toObservable(this.version),
    ]).pipe(
      switchMap(([envId, metricName, eventType]) => {
        if (!envId) return EMPTY;
        return this.api
          .metrics(envId, { metricName, eventType: eventType || undefined, pageIndex: 0, pageSize: 100 })
          .pipe(
            map((page): Loaded => ({ items: page.items.filter((m) => !m.isArchived), error: null })),
            catchError((err: unknown) => of<Loaded>({ items: [], error: describeError(err) })),
          );
      }),
    ),
    { initialValue: null },
  );

  tag(m: ExperimentMetric): string {
    return metricTypeTag(m.eventType, m.customEventTrackOption);
  }

  target(m: ExperimentMetric): string {
    if (m.eventType === 1) return m.eventName;
    const urls = m.targetUrls.map((t) => t.url).join(', ');
    if (m.eventType !== 3) return urls;
    return urls
      ? $localize`${m.elementTargets}:selectors: on ${urls}:urls:`
      : $localize`${m.elementTargets}:selectors: on any page`;
  }

  editLabel(m: ExperimentMetric): string {
    return $localize`Edit ${m.name}:name:`;
  }

  archiveLabel(m: ExperimentMetric): string {
    return $localize`Archive ${m.name}:name:`;
  }

  edit(metric?: ExperimentMetric): void {
    const envId = this.context.envId();
    if (!envId) return;
    this.dialog
      .open<MetricDialogComponent, MetricDialogData, boolean>(MetricDialogComponent, {
        data: { envId, metric },
        width: '520px',
        maxWidth: '100vw',
        height: '100vh',
        maxHeight: '100vh',
        position: { right: '0', top: '0' },
        panelClass: 'ff-drawer-panel',
      })
      .afterClosed()
      .subscribe((saved) => saved && this.version.update((v) => v + 1));
  }

  archive(metric: ExperimentMetric): void {
    const envId = this.context.envId();
    if (!envId) return;
    confirmAction(this.dialog, {
      title: $localize`Archive ${metric.name}:name:?`,
      message: $localize`An archived metric can no longer be chosen for an experiment.`,
      confirmLabel: $localize`Archive`,
      danger: true,
    })
      .pipe(
        filter((r) => r !== undefined),
        switchMap(() => this.api.archiveMetric(envId, metric.id)),
      )
      .subscribe({
        next: () => {
          this.notifier.success($localize`Metric archived`);
          this.version.update((v) => v + 1);
        },
        // 422 while an experiment uses it: the server's reason says which.
        error: (err: unknown) => this.notifier.error(err, $localize`Not archived`),
      });
  }
}
