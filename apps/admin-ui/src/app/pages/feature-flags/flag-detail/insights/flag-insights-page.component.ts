import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { catchError, EMPTY, exhaustMap, fromEvent, map, startWith, switchMap, tap, timer } from 'rxjs';
import { type FlagInsights, InsightsApi } from '../../../../api/insights.api';
import { ContextStore } from '../../../../core/context/context.store';
import { describeError } from '../../../../core/feedback/error-messages';
import { downloadCsv } from '../../../../shared/csv';
import {
  browserTimeZone,
  INSIGHT_PERIODS,
  insightPeriod,
  insightRange,
  INTERVAL_LABELS,
  type InsightInterval,
} from '../../../../shared/insight-periods';
import { chartCsv, insightChart, type InsightMetric, summaryLine } from '../../../../shared/insight-series';
import { LineChartComponent } from '../../../../ui/line-chart/line-chart.component';
import { FlagDetailStore } from '../flag-detail.store';
import { FlagEndUsersTableComponent, type InsightRangeInput } from './flag-end-users-table.component';

/** Fast enough that an SDK evaluation shows within 5 s (the range ends with the current minute). */
const REFRESH_MS = 3000;

interface Loaded {
  insights: FlagInsights;
  interval: InsightInterval;
}

/** The flag's evaluations per variation over a period, refreshed while visible, and who evaluated it. */
@Component({
  selector: 'ff-flag-insights-page',
  imports: [
    FormsModule,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatButton,
    MatIcon,
    MatProgressBar,
    LineChartComponent,
    FlagEndUsersTableComponent,
  ],
  template: `
    <section class="ff-card" aria-label="Evaluations over time" i18n-aria-label>
      <div class="ff-toolbar">
        <mat-form-field class="period">
          <mat-label i18n>Period</mat-label>
          <mat-select
            [ngModel]="periodId()"
            (ngModelChange)="choosePeriod($event)"
            data-testid="insights-period"
          >
            @for (p of periods; track p.id) {
              <mat-option [value]="p.id">{{ p.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-button-toggle-group
          [value]="interval()"
          (change)="interval.set($event.value)"
          aria-label="Interval"
          i18n-aria-label
          data-testid="insights-interval"
        >
          @for (i of period().intervals; track i) {
            <mat-button-toggle [value]="i">{{ intervalLabels[i] }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
        <span class="ff-spacer"></span>
        <mat-button-toggle-group
          [value]="metric()"
          (change)="metric.set($event.value)"
          aria-label="Metric"
          i18n-aria-label
          data-testid="insights-metric"
        >
          <mat-button-toggle i18n value="count">Evaluations</mat-button-toggle>
          <mat-button-toggle i18n value="users">Unique users</mat-button-toggle>
        </mat-button-toggle-group>
        <button
          mat-stroked-button
          type="button"
          (click)="downloadChart()"
          [disabled]="!chart()"
          data-testid="insights-download-chart"
        >
          <mat-icon>download</mat-icon> <ng-container i18n>Download CSV</ng-container>
        </button>
      </div>
      @if (error(); as message) {
        <p i18n class="ff-error-text" role="alert">The insights could not be loaded: {{ message }}</p>
      }
      @if (loaded(); as data) {
        <p class="summary" data-testid="insights-summary">{{ summary() }}</p>
        @if (data.insights.summary.total.count === 0) {
          <p i18n class="ff-empty" data-testid="insights-empty">
            No evaluations of this flag in this period. They show here within seconds of an SDK evaluating it.
          </p>
        } @else if (chart(); as c) {
          <ff-line-chart
            [labels]="c.labels"
            [series]="c.series"
            [ariaLabel]="metric() === 'count' ? countChartLabel : usersChartLabel"
            data-testid="insights-chart"
          />
        }
      } @else if (!error()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </section>
    @if (tableRange(); as range) {
      <ff-flag-end-users-table [range]="range" [variations]="variations()" [timeZone]="timeZone" />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .period {
      width: 200px;
    }
    .summary {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagInsightsPageComponent {
  private readonly store = inject(FlagDetailStore);
  private readonly api = inject(InsightsApi);
  private readonly context = inject(ContextStore);
  private readonly document = inject(DOCUMENT);

  readonly periods = INSIGHT_PERIODS;
  readonly intervalLabels = INTERVAL_LABELS;
  readonly timeZone = browserTimeZone();
  readonly countChartLabel = $localize`Evaluations per variation`;
  readonly usersChartLabel = $localize`Unique users per variation`;

  readonly periodId = signal(INSIGHT_PERIODS[0].id);
  readonly period = computed(() => insightPeriod(this.periodId()));
  readonly interval = signal<InsightInterval>(INSIGHT_PERIODS[0].intervals[0]);
  readonly metric = signal<InsightMetric>('count');
  readonly loaded = signal<Loaded | null>(null);
  readonly error = signal<string | null>(null);
  readonly tableRange = signal<InsightRangeInput | null>(null);

  readonly variations = computed(
    () => this.store.flag()?.variations.map((v) => ({ id: v.id, name: v.name })) ?? [],
  );
  readonly chart = computed(() => {
    const data = this.loaded();
    return data ? insightChart(data.insights, this.metric(), data.interval, this.timeZone) : null;
  });
  readonly summary = computed(() => {
    const data = this.loaded();
    return data ? summaryLine(data.insights, this.metric()) : '';
  });

  private readonly visible = toSignal(
    fromEvent(this.document, 'visibilitychange').pipe(
      startWith(null),
      map(() => this.document.visibilityState === 'visible'),
    ),
    { initialValue: true },
  );
  private readonly query = computed(() => ({
    envId: this.context.envId(),
    key: this.store.key(),
    period: this.period(),
    interval: this.interval(),
    visible: this.visible(),
  }));

  constructor() {
    // Polls while the tab is visible; a hidden tab or a left page stops the timer (switchMap, destroy).
    toObservable(this.query)
      .pipe(
        switchMap(({ envId, key, period, interval, visible }) => {
          if (!envId || !key || !visible) return EMPTY;
          return timer(0, REFRESH_MS).pipe(
            exhaustMap(() => {
              const range = insightRange(period, Date.now());
              const query = { ...range, intervalType: interval, timezone: this.timeZone };
              return this.api.flagInsights(envId, key, query).pipe(
                tap((insights) => {
                  this.loaded.set({ insights, interval });
                  this.error.set(null);
                  this.tableRange.set({ envId, flagKey: key, ...range });
                }),
                catchError((err: unknown) => {
                  this.error.set(describeError(err));
                  return EMPTY;
                }),
              );
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  choosePeriod(id: string): void {
    this.periodId.set(id);
    this.interval.set(this.period().intervals[0]);
    this.loaded.set(null);
  }

  downloadChart(): void {
    const chart = this.chart();
    if (chart) downloadCsv(`${this.store.key() ?? 'flag'}-insights.csv`, chartCsv(chart));
  }
}
