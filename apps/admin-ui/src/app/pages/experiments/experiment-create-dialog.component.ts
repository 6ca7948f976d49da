import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatSelect } from '@angular/material/select';
import { catchError, debounceTime, map, of, switchMap } from 'rxjs';
import type { FlagListItem } from '../../api/api.models';
import { ExperimentsApi, type ExperimentMetric } from '../../api/experiments.api';
import { FlagsApi } from '../../api/flags.api';
import { describeError } from '../../core/feedback/error-messages';
import { Notifier } from '../../core/feedback/notifier.service';
import {
  alphaOf,
  type AnalysisMethod,
  CONFIDENCE_LEVELS,
  metricTypeTag,
} from '../../shared/experiment-results';

export interface ExperimentCreateData {
  envId: string;
}

/** The "Add experiment" drawer: flag, metric, baseline, confidence level and method. */
@Component({
  selector: 'ff-experiment-create-dialog',
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatRadioGroup,
    MatRadioButton,
  ],
  template: `
    <form class="ff-drawer" (ngSubmit)="save()">
      <h2 i18n mat-dialog-title>Add experiment</h2>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Feature flag</mat-label>
          <input
            matInput
            name="flagSearch"
            [ngModel]="flagSearch()"
            (ngModelChange)="searchFlag($event)"
            [matAutocomplete]="flagAuto"
            data-testid="experiment-flag"
          />
          <mat-autocomplete
            #flagAuto="matAutocomplete"
            [displayWith]="flagName"
            (optionSelected)="chooseFlag($event.option.value)"
          >
            @for (f of flags(); track f.id) {
              <mat-option [value]="f"
                >{{ f.name }} <span class="ff-muted">({{ f.key }})</span></mat-option
              >
            }
          </mat-autocomplete>
          <mat-hint i18n>Search by name or key</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Metric</mat-label>
          <mat-select name="metric" [(ngModel)]="metricId" data-testid="experiment-metric">
            @for (m of metrics(); track m.id) {
              <mat-option [value]="m.id">{{ m.name }} · {{ tag(m) }}</mat-option>
            } @empty {
              <mat-option i18n disabled>No metric yet: create one on the Metrics page</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Baseline variation</mat-label>
          <mat-select
            name="baseline"
            [(ngModel)]="baselineId"
            [disabled]="!flag()"
            data-testid="experiment-baseline"
          >
            @for (v of flag()?.variations ?? []; track v.id) {
              <mat-option [value]="v.id">{{ v.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Confidence level</mat-label>
          <mat-select name="level" [(ngModel)]="level" data-testid="experiment-confidence">
            @for (l of levels; track l) {
              <mat-option [value]="l">{{ l }}%</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-radio-group
          name="method"
          [(ngModel)]="method"
          class="methods"
          aria-label="Analysis method"
          i18n-aria-label
          data-testid="experiment-method"
        >
          <mat-radio-button value="sequential">
            <strong i18n>Sequential</strong>
            <span i18n class="ff-muted ff-small block"
              >Safe to check any time: the intervals stay valid however often you look.</span
            >
          </mat-radio-button>
          <mat-radio-button value="fixed">
            <strong i18n>Fixed horizon</strong>
            <span i18n class="ff-muted ff-small block"
              >FeatBit's t-test: read it once, after the planned sample size is reached.</span
            >
          </mat-radio-button>
        </mat-radio-group>
        @if (error(); as message) {
          <p class="ff-error-text" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" (click)="ref.close()">Cancel</button>
        <button
          i18n
          mat-flat-button
          type="submit"
          [disabled]="saving() || !flag() || !metricId || !baselineId"
          data-testid="experiment-save"
        >
          Add
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .methods {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .block {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExperimentCreateDialogComponent {
  private readonly data = inject<ExperimentCreateData>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<ExperimentCreateDialogComponent, boolean>>(MatDialogRef);
  private readonly api = inject(ExperimentsApi);
  private readonly flagsApi = inject(FlagsApi);
  private readonly notifier = inject(Notifier);

  readonly levels = CONFIDENCE_LEVELS;
  readonly flagSearch = signal('');
  readonly flag = signal<FlagListItem | null>(null);
  metricId = '';
  baselineId = '';
  level = 95;
  method: AnalysisMethod = 'sequential';
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);

  readonly flags = toSignal(
    toObservable(this.flagSearch).pipe(
      debounceTime(200),
      switchMap((name) =>
        this.flagsApi.list(this.data.envId, { name, pageIndex: 0, pageSize: 20 }).pipe(
          map((page) => page.items),
          catchError(() => of([] as FlagListItem[])),
        ),
      ),
    ),
    { initialValue: [] },
  );
  readonly metrics = toSignal(
    this.api.metrics(this.data.envId, { pageIndex: 0, pageSize: 100 }).pipe(
      map((page) => page.items.filter((m) => !m.isArchived)),
      catchError(() => of([] as ExperimentMetric[])),
    ),
    { initialValue: [] },
  );
  readonly flagName = (f: FlagListItem | string | null): string =>
    typeof f === 'string' ? f : (f?.name ?? '');

  tag(m: ExperimentMetric): string {
    return metricTypeTag(m.eventType, m.customEventTrackOption);
  }

  searchFlag(value: unknown): void {
    // The autocomplete writes the chosen flag object into the input's model.
    if (typeof value === 'string') {
      this.flagSearch.set(value);
      if (this.flag() && value !== this.flag()?.name) this.flag.set(null);
    }
  }

  chooseFlag(flag: FlagListItem): void {
    this.flag.set(flag);
    this.flagSearch.set(flag.name);
    this.baselineId = flag.variations[0]?.id ?? '';
  }

  save(): void {
    const flag = this.flag();
    if (!flag || !this.metricId || !this.baselineId) return;
    this.saving.set(true);
    this.api
      .create(this.data.envId, {
        featureFlagId: flag.id,
        metricId: this.metricId,
        baseLineVariationId: this.baselineId,
        alpha: alphaOf(this.level),
        method: this.method,
      })
      .subscribe({
        next: () => {
          this.notifier.success($localize`Experiment added`);
          this.ref.close(true);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.error.set(describeError(err));
        },
      });
  }
}
