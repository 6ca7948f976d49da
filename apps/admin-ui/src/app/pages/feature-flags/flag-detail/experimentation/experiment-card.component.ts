import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSelect } from '@angular/material/select';
import { catchError, EMPTY, exhaustMap, filter, type Observable, switchMap, tap, timer } from 'rxjs';
import { ExperimentsApi, type ExperimentView, type IterationResults } from '../../../../api/experiments.api';
import { ContextStore } from '../../../../core/context/context.store';
import { describeError } from '../../../../core/feedback/error-messages';
import { Notifier } from '../../../../core/feedback/notifier.service';
import {
  confidenceLabel,
  isConversionMetric,
  liftChart,
  METHOD_LABELS,
  metricTypeTag,
  readAnalysis,
  readHistory,
  resultRows,
  STATUS_LABELS,
} from '../../../../shared/experiment-results';
import { confirmAction } from '../../../../ui/confirm-dialog/confirm-dialog.component';
import { LineChartComponent } from '../../../../ui/line-chart/line-chart.component';
import { ExperimentResultsTableComponent, type ResultsView } from './experiment-results-table.component';

/** While an iteration records, its results are recomputed this often. */
const REFRESH_MS = 10_000;

/** One experiment of the flag: its iterations, start/stop, and the selected iteration's results. */
@Component({
  selector: 'ff-experiment-card',
  imports: [
    DatePipe,
    FormsModule,
    MatButton,
    MatIconButton,
    MatIcon,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButtonToggleGroup,
    MatButtonToggle,
    LineChartComponent,
    ExperimentResultsTableComponent,
  ],
  template: `
    @let e = experiment();
    <section class="ff-card" [attr.aria-label]="cardLabel(e.metricName)" data-testid="experiment-card">
      <header class="head">
        <div>
          <h2 class="title">{{ e.metricName }}</h2>
          <div class="meta">
            <span class="ff-badge">{{ tag() }}</span>
            <span class="ff-badge">{{ methodLabels[e.method] }}</span>
            <span i18n class="ff-muted ff-small">Confidence {{ confidence() }}</span>
            <span
              class="ff-badge"
              [class.ff-badge-on]="e.status === 'Recording'"
              data-testid="experiment-status"
              >{{ statusLabels[e.status] }}</span
            >
          </div>
        </div>
        <span class="ff-spacer"></span>
        @if (e.status === 'Recording') {
          <button mat-stroked-button type="button" (click)="stop()" data-testid="experiment-stop">
            <mat-icon>stop</mat-icon> <ng-container i18n>Stop</ng-container>
          </button>
        } @else {
          <button mat-flat-button type="button" (click)="start()" data-testid="experiment-start">
            <mat-icon>play_arrow</mat-icon> <ng-container i18n>Start</ng-container>
          </button>
        }
        <button
          mat-icon-button
          type="button"
          [matMenuTriggerFor]="menu"
          aria-label="More actions"
          i18n-aria-label
        >
          <mat-icon>more_vert</mat-icon>
        </button>
        <mat-menu #menu="matMenu" xPosition="before">
          <button mat-menu-item type="button" (click)="removeData()">
            <mat-icon>delete_sweep</mat-icon><span i18n>Remove data</span>
          </button>
          <button mat-menu-item type="button" (click)="archive()">
            <mat-icon>archive</mat-icon><span i18n>Archive</span>
          </button>
        </mat-menu>
      </header>

      @if (iterations().length === 0) {
        <p i18n class="ff-empty">Not started yet. Start it to record exposures and metric events.</p>
      } @else {
        <div class="ff-toolbar">
          <mat-form-field class="period">
            <mat-label i18n>Iteration</mat-label>
            <mat-select [ngModel]="iterationId()" (ngModelChange)="chooseIteration($event)">
              @for (it of iterations(); track it.id) {
                <mat-option [value]="it.id">
                  {{ it.startTime | date: 'MMM d, HH:mm' }} –
                  {{ it.endTime ? (it.endTime | date: 'MMM d, HH:mm') : nowLabel }}
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-button-toggle-group
            [value]="view()"
            (change)="view.set($event.value)"
            aria-label="Statistics"
            i18n-aria-label
            data-testid="results-view"
          >
            <mat-button-toggle i18n value="frequentist">Frequentist</mat-button-toggle>
            <mat-button-toggle i18n value="bayesian">Bayesian</mat-button-toggle>
          </mat-button-toggle-group>
          <span class="ff-spacer"></span>
          @if (results()?.updatedAt; as at) {
            <span i18n class="ff-muted ff-small" data-testid="results-updated"
              >Last updated {{ at | date: 'HH:mm:ss' }}</span
            >
          }
        </div>
        @if (error(); as message) {
          <p i18n class="ff-error-text" role="alert">The results could not be loaded: {{ message }}</p>
        }
        @if (srm(); as check) {
          <div class="srm" role="alert" data-testid="srm-warning">
            <mat-icon>warning</mat-icon>
            <span i18n>
              Sample ratio mismatch (p = {{ check.pValue.toPrecision(3) }}): the users exposed to each
              variation do not match the configured split, so no winner is declared. Check the rollout and
              that every exposure is tracked before trusting these numbers.
            </span>
          </div>
        }
        @if (results()) {
          <ff-experiment-results-table [rows]="rows()" [conversion]="conversion()" [view]="view()" />
          @if (correction(); as c) {
            <p i18n class="ff-muted ff-small">
              Comparisons with the baseline are corrected for several variations ({{ c }}).
            </p>
          }
          @if (chart().labels.length > 0) {
            <h3 i18n class="chart-title">Lift over time</h3>
            <ff-line-chart
              [labels]="chart().labels"
              [series]="chart().series"
              ariaLabel="Lift over the baseline and its interval, in percent"
              i18n-ariaLabel
              data-testid="lift-chart"
            />
          }
        }
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin-bottom: 12px;
    }
    .title {
      margin: 0;
    }
    .meta {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      margin-top: 6px;
    }
    .period {
      width: 280px;
    }
    .srm {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 10px 16px;
      border-radius: 12px;
      background: var(--ff-warning-container);
      color: var(--ff-on-warning-container);
      margin-bottom: 12px;
    }
    .chart-title {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExperimentCardComponent {
  private readonly api = inject(ExperimentsApi);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly experiment = input.required<ExperimentView>();
  /** The flag's variations in the flag's order. */
  readonly variations = input.required<{ id: string; name: string }[]>();
  /** The experiment changed (started, stopped, archived...): the page reloads the list. */
  readonly changed = output();

  readonly statusLabels = STATUS_LABELS;
  /** The open end of a running iteration. */
  readonly nowLabel = $localize`:end of a running iteration:now`;
  readonly methodLabels = METHOD_LABELS;
  readonly view = signal<ResultsView>('frequentist');
  readonly results = signal<IterationResults | null>(null);
  readonly error = signal<string | null>(null);

  readonly iterations = computed(() =>
    [...this.experiment().iterations].sort((a, b) => b.startTime.localeCompare(a.startTime)),
  );
  readonly iterationId = linkedSignal(() => this.iterations()[0]?.id ?? null);
  readonly tag = computed(() =>
    metricTypeTag(this.experiment().metricEventType, this.experiment().metricCustomEventTrackOption),
  );
  readonly conversion = computed(() =>
    isConversionMetric(this.experiment().metricEventType, this.experiment().metricCustomEventTrackOption),
  );
  readonly confidence = computed(() => confidenceLabel(this.experiment().alpha));
  readonly analysis = computed(() => readAnalysis(this.results()?.analysis));
  readonly srm = computed(() => {
    const srm = this.analysis()?.srm;
    return srm?.mismatch ? srm : null;
  });
  readonly correction = computed(() => {
    const c = this.analysis()?.correction;
    return c && c !== 'none' ? c : null;
  });
  readonly rows = computed(() =>
    resultRows(
      this.variations(),
      this.results()?.results ?? [],
      this.conversion(),
      this.experiment().metricCustomEventUnit,
    ),
  );
  readonly chart = computed(() =>
    liftChart(readHistory(this.results()?.history), this.variations(), this.experiment().baselineVariationId),
  );

  private readonly query = computed(() => {
    const iterationId = this.iterationId();
    const iteration = this.iterations().find((i) => i.id === iterationId);
    return {
      envId: this.context.envId(),
      exptId: this.experiment().id,
      iterationId,
      // Only the running iteration of a recording experiment changes.
      live: this.experiment().status === 'Recording' && iteration?.endTime === null,
    };
  });

  constructor() {
    toObservable(this.query)
      .pipe(
        switchMap(({ envId, exptId, iterationId, live }) => {
          if (!envId || !iterationId) return EMPTY;
          return (live ? timer(0, REFRESH_MS) : timer(0)).pipe(
            exhaustMap(() =>
              this.api.iterationResults(envId, exptId, iterationId).pipe(
                tap((list) => {
                  this.results.set(list[0] ?? null);
                  this.error.set(null);
                }),
                catchError((err: unknown) => {
                  this.error.set(describeError(err));
                  return EMPTY;
                }),
              ),
            ),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  cardLabel(metricName: string): string {
    return $localize`Experiment on ${metricName}:metric:`;
  }

  chooseIteration(id: string): void {
    this.results.set(null);
    this.iterationId.set(id);
  }

  start(): void {
    this.act((envId, id) => this.api.start(envId, id), $localize`Experiment started`);
  }

  stop(): void {
    this.act((envId, id) => this.api.stop(envId, id), $localize`Experiment stopped`);
  }

  removeData(): void {
    this.confirmThen(
      $localize`Remove the data?`,
      $localize`Every iteration and its results are deleted; the experiment stays.`,
      $localize`Remove data`,
      (envId, id) => this.api.removeData(envId, id),
      $localize`Data removed`,
    );
  }

  archive(): void {
    this.confirmThen(
      $localize`Archive this experiment?`,
      $localize`It stops recording and leaves this tab and the experiments list.`,
      $localize`Archive`,
      (envId, id) => this.api.archive(envId, id),
      $localize`Experiment archived`,
    );
  }

  private confirmThen(
    title: string,
    message: string,
    confirmLabel: string,
    call: (envId: string, id: string) => Observable<unknown>,
    done: string,
  ): void {
    confirmAction(this.dialog, { title, message, confirmLabel, danger: true })
      .pipe(filter((r) => r !== undefined))
      .subscribe(() => this.act(call, done));
  }

  private act(call: (envId: string, id: string) => Observable<unknown>, done: string): void {
    const envId = this.context.envId();
    if (!envId) return;
    call(envId, this.experiment().id).subscribe({
      next: () => {
        this.notifier.success(done);
        this.results.set(null);
        this.changed.emit();
      },
      error: (err: unknown) => this.notifier.error(err),
    });
  }
}
