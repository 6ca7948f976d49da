import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, LOCALE_ID, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { InsightsApi, type WorkspaceUsage } from '../../../api/insights.api';
import { ContextStore } from '../../../core/context/context.store';
import { describeError } from '../../../core/feedback/error-messages';
import {
  everyDay,
  formatChange,
  percentChange,
  USAGE_PERIODS,
  usageRange,
} from '../../../shared/usage-periods';
import { type ChartSeries, LineChartComponent } from '../../../ui/line-chart/line-chart.component';

type TrendMetric = 'flagEvaluations' | 'newUsers' | 'customMetrics';

const TREND_LABELS: Readonly<Record<TrendMetric, string>> = {
  flagEvaluations: $localize`Flag evaluations`,
  newUsers: $localize`Unique users`,
  customMetrics: $localize`Custom metrics`,
};

type Result = { usage: WorkspaceUsage; error: null } | { usage: null; error: string };

/** The workspace's usage in a period against the one before it: totals, a daily trend, per environment. */
@Component({
  selector: 'ff-usage-page',
  imports: [
    DecimalPipe,
    FormsModule,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatProgressBar,
    MatTableModule,
    LineChartComponent,
  ],
  template: `
    <div class="ff-toolbar">
      <mat-form-field class="period">
        <mat-label i18n>Period</mat-label>
        <mat-select [ngModel]="periodId()" (ngModelChange)="periodId.set($event)" data-testid="usage-period">
          @for (p of periods; track p.id) {
            <mat-option [value]="p.id">{{ p.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span i18n class="ff-muted ff-small" data-testid="usage-range">
        {{ range().startDate }} – {{ range().endDate }}, compared with {{ range().prevStartDate }} –
        {{ range().prevEndDate }} (UTC)
      </span>
    </div>
    @if (result(); as r) {
      @if (r.error) {
        <p i18n class="ff-error-text" role="alert">The usage could not be loaded: {{ r.error }}</p>
      } @else if (r.usage; as usage) {
        <div class="kpis">
          @for (k of kpis(); track k.id) {
            <section class="ff-card kpi" [attr.data-testid]="'kpi-' + k.id" [attr.aria-label]="k.label">
              <span class="ff-muted">{{ k.label }}</span>
              <strong class="value" data-testid="kpi-value">{{ k.value | number }}</strong>
              <span class="ff-small" [class.up]="k.up" [class.down]="k.down" data-testid="kpi-change">
                {{ k.change }}
                <span i18n class="ff-muted">vs. previous period ({{ k.previous | number }})</span>
              </span>
            </section>
          }
        </div>
        <section class="ff-card" aria-label="Daily trend" i18n-aria-label>
          <div class="ff-toolbar">
            <h2 i18n class="title">Daily trend</h2>
            <span class="ff-spacer"></span>
            <mat-button-toggle-group
              [value]="trend()"
              (change)="trend.set($event.value)"
              aria-label="Trend metric"
              i18n-aria-label
            >
              @for (m of trendMetrics; track m) {
                <mat-button-toggle [value]="m">{{ trendLabels[m] }}</mat-button-toggle>
              }
            </mat-button-toggle-group>
          </div>
          @if (trendChart(); as chart) {
            <ff-line-chart
              [labels]="chart.labels"
              [series]="chart.series"
              [ariaLabel]="perDay(trendLabels[trend()])"
            />
          }
        </section>
        <div class="ff-table-wrap">
          <table
            mat-table
            [dataSource]="usage.environmentUsages"
            aria-label="Usage per environment"
            i18n-aria-label
            data-testid="usage-envs"
          >
            <ng-container matColumnDef="org">
              <th i18n mat-header-cell *matHeaderCellDef>Organization</th>
              <td mat-cell *matCellDef="let e">{{ e.orgName }}</td>
            </ng-container>
            <ng-container matColumnDef="project">
              <th i18n mat-header-cell *matHeaderCellDef>Project</th>
              <td mat-cell *matCellDef="let e">{{ e.projectName }}</td>
            </ng-container>
            <ng-container matColumnDef="env">
              <th i18n mat-header-cell *matHeaderCellDef>Environment</th>
              <td mat-cell *matCellDef="let e">{{ e.envName }}</td>
            </ng-container>
            <ng-container matColumnDef="users">
              <th i18n mat-header-cell *matHeaderCellDef>Unique users</th>
              <td mat-cell *matCellDef="let e">{{ e.uniqueUsers | number }}</td>
            </ng-container>
            <ng-container matColumnDef="evaluations">
              <th i18n mat-header-cell *matHeaderCellDef>Flag evaluations</th>
              <td mat-cell *matCellDef="let e">{{ e.flagEvaluations | number }}</td>
            </ng-container>
            <ng-container matColumnDef="metrics">
              <th i18n mat-header-cell *matHeaderCellDef>Custom metrics</th>
              <td mat-cell *matCellDef="let e">{{ e.customMetrics | number }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
            <tr class="mat-row" *matNoDataRow>
              <td i18n class="ff-empty" [attr.colspan]="columns.length">No environment yet.</td>
            </tr>
          </table>
        </div>
      }
    } @else {
      <mat-progress-bar mode="indeterminate" />
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
    .kpis {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 16px;
    }
    .kpi {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .value {
      font: var(--mat-sys-headline-medium);
    }
    .up {
      color: var(--ff-success);
    }
    .down {
      color: var(--mat-sys-error);
    }
    .title {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsagePageComponent {
  private readonly api = inject(InsightsApi);
  private readonly context = inject(ContextStore);

  readonly periods = USAGE_PERIODS;
  readonly trendMetrics = Object.keys(TREND_LABELS) as TrendMetric[];
  readonly trendLabels = TREND_LABELS;
  /** Chart day labels ("Jan 5") in the console's language. */
  private readonly dayLabel = new Intl.DateTimeFormat(inject(LOCALE_ID), {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  readonly columns = ['org', 'project', 'env', 'users', 'evaluations', 'metrics'];

  readonly periodId = signal(USAGE_PERIODS[0].id);
  readonly trend = signal<TrendMetric>('flagEvaluations');
  readonly range = computed(() => usageRange(this.periodId(), Date.now()));

  readonly result = toSignal(
    toObservable(computed(() => ({ range: this.range(), ws: this.context.workspaceId() }))).pipe(
      switchMap(({ range }) =>
        this.api.workspaceUsage(range).pipe(
          map((usage): Result | null => ({ usage, error: null })),
          catchError((err: unknown) => of<Result>({ usage: null, error: describeError(err) })),
          startWith(null),
        ),
      ),
    ),
    { initialValue: null },
  );

  readonly kpis = computed(() => {
    const s = this.result()?.usage?.summary;
    if (!s) return [];
    return [
      { id: 'users', label: TREND_LABELS.newUsers, value: s.uniqueUsers, previous: s.prevUniqueUsers },
      {
        id: 'evaluations',
        label: TREND_LABELS.flagEvaluations,
        value: s.totalFlagEvaluations,
        previous: s.prevFlagEvaluations,
      },
      {
        id: 'metrics',
        label: TREND_LABELS.customMetrics,
        value: s.totalCustomMetrics,
        previous: s.prevCustomMetrics,
      },
    ].map((k) => {
      const change = percentChange(k.value, k.previous);
      return {
        ...k,
        change: formatChange(change),
        up: change === null || change > 0,
        down: (change ?? 0) < 0,
      };
    });
  });

  perDay(metric: string): string {
    return $localize`${metric}:metric: per day`;
  }

  readonly trendChart = computed(() => {
    const usage = this.result()?.usage;
    if (!usage) return null;
    const metric = this.trend();
    const days = everyDay(this.range(), usage.dailyTrend, (date) => ({
      date,
      newUsers: 0,
      flagEvaluations: 0,
      customMetrics: 0,
    }));
    const series: ChartSeries[] = [{ label: TREND_LABELS[metric], data: days.map((d) => d[metric]) }];
    return { labels: days.map((d) => this.dayLabel.format(Date.parse(d.date))), series };
  });
}
