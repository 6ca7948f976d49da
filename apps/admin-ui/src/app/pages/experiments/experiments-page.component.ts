import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { catchError, combineLatest, debounceTime, EMPTY, map, of, startWith, switchMap } from 'rxjs';
import { ExperimentsApi, type ExperimentStatusCount, type ExperimentView } from '../../api/experiments.api';
import { ContextStore } from '../../core/context/context.store';
import { describeError } from '../../core/feedback/error-messages';
import { METHOD_LABELS, metricTypeTag, STATUS_LABELS } from '../../shared/experiment-results';
import {
  type ExperimentCreateData,
  ExperimentCreateDialogComponent,
} from './experiment-create-dialog.component';

interface Loaded {
  items: ExperimentView[];
  counts: ExperimentStatusCount[];
  error: string | null;
}

const COUNTERS: readonly { status: ExperimentStatusCount['status']; label: string }[] = [
  { status: 'Recording', label: $localize`In progress` },
  { status: 'Paused', label: $localize`Paused` },
  { status: 'NotStarted', label: $localize`Not started` },
];

/** Every experiment of the environment: counts by status, a flag-name filter, and "Add". */
@Component({
  selector: 'ff-experiments-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatProgressBar,
    MatTableModule,
  ],
  template: `
    <div class="ff-page">
      <header class="ff-page-header">
        <h1 i18n>Experiments</h1>
        <span class="ff-spacer"></span>
        <a mat-stroked-button routerLink="/experiments/metrics" data-testid="metrics-link">
          <mat-icon>query_stats</mat-icon> <span i18n>Metrics</span>
        </a>
        <button mat-flat-button type="button" (click)="add()" data-testid="add-experiment">
          <mat-icon>add</mat-icon> <span i18n>Add</span>
        </button>
      </header>
      <div class="counters">
        @for (c of counters(); track c.status) {
          <section
            class="ff-card counter"
            [attr.data-testid]="'count-' + c.status"
            [attr.aria-label]="c.label"
          >
            <span class="ff-muted">{{ c.label }}</span>
            <strong class="value">{{ c.count }}</strong>
          </section>
        }
      </div>
      <div class="ff-toolbar">
        <mat-form-field class="search">
          <mat-label i18n>Filter by flag name</mat-label>
          <mat-icon matPrefix>search</mat-icon>
          <input
            matInput
            type="search"
            [ngModel]="flagName()"
            (ngModelChange)="flagName.set($event)"
            data-testid="experiment-search"
          />
        </mat-form-field>
      </div>
      @if (loaded(); as data) {
        @if (data.error) {
          <p i18n class="ff-error-text" role="alert">The experiments could not be loaded: {{ data.error }}</p>
        } @else {
          <div class="ff-table-wrap">
            <table
              mat-table
              [dataSource]="data.items"
              aria-label="Experiments"
              i18n-aria-label
              data-testid="experiments-table"
            >
              <ng-container matColumnDef="flag">
                <th i18n mat-header-cell *matHeaderCellDef>Feature flag</th>
                <td mat-cell *matCellDef="let e">
                  <a [routerLink]="['/feature-flags', e.featureFlagKey, 'experimentation']">{{
                    e.featureFlagName
                  }}</a>
                </td>
              </ng-container>
              <ng-container matColumnDef="metric">
                <th i18n mat-header-cell *matHeaderCellDef>Metric</th>
                <td mat-cell *matCellDef="let e">{{ e.metricName }}</td>
              </ng-container>
              <ng-container matColumnDef="event">
                <th i18n mat-header-cell *matHeaderCellDef>Event name</th>
                <td mat-cell *matCellDef="let e">
                  <span class="ff-chip-key">{{ e.metricEventName || '--' }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="type">
                <th i18n mat-header-cell *matHeaderCellDef>Type</th>
                <td mat-cell *matCellDef="let e">
                  <span class="ff-badge">{{ tag(e) }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="baseline">
                <th i18n mat-header-cell *matHeaderCellDef>Baseline</th>
                <td mat-cell *matCellDef="let e">{{ e.baselineVariation?.name ?? '--' }}</td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th i18n mat-header-cell *matHeaderCellDef>Status</th>
                <td mat-cell *matCellDef="let e">
                  <span class="ff-badge" [class.ff-badge-on]="e.status === 'Recording'">{{
                    statusLabels[e.status]
                  }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="method">
                <th i18n mat-header-cell *matHeaderCellDef>Method</th>
                <td mat-cell *matCellDef="let e">{{ methodLabels[e.method] }}</td>
              </ng-container>
              <ng-container matColumnDef="open">
                <th mat-header-cell *matHeaderCellDef><span i18n class="cdk-visually-hidden">Open</span></th>
                <td mat-cell *matCellDef="let e">
                  <a
                    i18n
                    mat-button
                    [routerLink]="['/feature-flags', e.featureFlagKey, 'experimentation']"
                    [attr.aria-label]="resultsLabel(e)"
                    >Results</a
                  >
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
              <tr class="mat-row" *matNoDataRow>
                <td i18n class="ff-empty" [attr.colspan]="columns.length">
                  No experiment yet. Add one to compare a flag's variations on a metric.
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
    .counters {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
      gap: 16px;
      margin-bottom: 16px;
    }
    .counter {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .value {
      font: var(--mat-sys-headline-medium);
    }
    .search {
      width: 320px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExperimentsPageComponent {
  private readonly api = inject(ExperimentsApi);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);

  readonly columns = ['flag', 'metric', 'event', 'type', 'baseline', 'status', 'method', 'open'];
  readonly statusLabels = STATUS_LABELS;
  readonly methodLabels = METHOD_LABELS;
  readonly flagName = signal('');
  private readonly version = signal(0);

  readonly loaded = toSignal(
    combineLatest([
      toObservable(this.context.envId),
      toObservable(this.flagName).pipe(debounceTime(200), startWith('')),
      toObservable(this.version),
    ]).pipe(
      switchMap(([envId, featureFlagName]) => {
        if (!envId) return EMPTY;
        return combineLatest([
          this.api.list(envId, { featureFlagName, pageIndex: 0, pageSize: -1 }),
          this.api.statusCount(envId),
        ]).pipe(
          map(([page, counts]): Loaded => ({ items: page.items, counts, error: null })),
          catchError((err: unknown) => of<Loaded>({ items: [], counts: [], error: describeError(err) })),
        );
      }),
    ),
    { initialValue: null },
  );

  readonly counters = computed(() => {
    const data = this.loaded();
    const counts = data?.counts ?? [];
    return COUNTERS.map((c) => ({ ...c, count: counts.find((x) => x.status === c.status)?.count ?? 0 }));
  });

  tag(e: ExperimentView): string {
    return metricTypeTag(e.metricEventType, e.metricCustomEventTrackOption);
  }

  resultsLabel(e: ExperimentView): string {
    return $localize`Results of ${e.featureFlagName}:flag:`;
  }

  add(): void {
    const envId = this.context.envId();
    if (!envId) return;
    this.dialog
      .open<ExperimentCreateDialogComponent, ExperimentCreateData, boolean>(ExperimentCreateDialogComponent, {
        data: { envId },
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
}
