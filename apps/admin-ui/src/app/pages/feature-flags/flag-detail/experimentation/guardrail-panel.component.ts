import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { catchError, combineLatest, EMPTY, map, of, switchMap } from 'rxjs';
import type { FeatureFlag } from '../../../../api/api.models';
import { type ExperimentMetric, ExperimentsApi } from '../../../../api/experiments.api';
import { ContextStore } from '../../../../core/context/context.store';
import { Notifier } from '../../../../core/feedback/notifier.service';
import { readGuard } from '../../../../shared/experiment-results';

/** The guard statuses the server reports, in words (an unknown one shows as it comes). */
const GUARD_STATUS_LABELS: Readonly<Record<string, string>> = {
  Watching: $localize`Watching`,
  RolledBack: $localize`Rolled back`,
  Stopped: $localize`Stopped`,
};

interface Guard {
  metricId: string;
  metricName: string;
  status: string;
  reason: string;
}

/**
 * The default rule's guarded rollout: a guardrail metric watched by the sequential test while the
 * split runs; a significant regression serves the baseline to everyone (docs/experiments.md).
 */
@Component({
  selector: 'ff-guardrail-panel',
  imports: [FormsModule, RouterLink, MatButton, MatIcon, MatFormField, MatLabel, MatSelect, MatOption],
  template: `
    @if (splits() || guards().length) {
      <div class="guardrail" data-testid="guardrail">
        <h3 class="title"><mat-icon inline>shield</mat-icon> <ng-container i18n>Guardrail</ng-container></h3>
        @for (g of guards(); track g.metricId) {
          <p class="status" data-testid="guardrail-status">
            <strong>{{ g.metricName }}</strong>: {{ statusLabel(g.status) }}
            @if (g.reason) {
              <span class="ff-muted">— {{ g.reason }}</span>
            }
            @if (g.status === 'Watching') {
              <button i18n mat-button type="button" (click)="stop(g.metricId)" data-testid="guardrail-stop">
                Stop
              </button>
            }
          </p>
        }
        <!-- Without a split (a rollback serves the baseline alone) there is nothing to watch. -->
        @if (splits() && !watching() && metrics().length === 0) {
          <p i18n class="ff-muted ff-small">
            A guardrail watches a metric while this split runs.
            <a routerLink="/experiments/metrics">Create a metric</a> to use one.
          </p>
        } @else if (splits() && !watching()) {
          <p i18n class="ff-muted ff-small">
            Watch a metric while this split runs: a significant regression serves the baseline to everyone.
          </p>
          <div class="ff-toolbar">
            <mat-form-field>
              <mat-label i18n>Guardrail metric</mat-label>
              <mat-select [(ngModel)]="metricId" data-testid="guardrail-metric">
                @for (m of metrics(); track m.id) {
                  <mat-option [value]="m.id">{{ m.name }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n>Baseline variation</mat-label>
              <mat-select [(ngModel)]="baselineId">
                @for (v of flag().variations; track v.id) {
                  <mat-option [value]="v.id">{{ v.name }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <button
              i18n
              mat-stroked-button
              type="button"
              [disabled]="!metricId || !baselineId"
              (click)="watch()"
              data-testid="guardrail-watch"
            >
              Watch
            </button>
          </div>
        }
      </div>
    }
  `,
  styles: `
    .guardrail {
      margin-top: 16px;
      padding-top: 12px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .title {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .status {
      margin: 4px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GuardrailPanelComponent {
  private readonly api = inject(ExperimentsApi);
  private readonly context = inject(ContextStore);
  private readonly notifier = inject(Notifier);

  /** The saved flag: the guard watches what SDKs serve, not the unsaved draft. */
  readonly flag = input.required<FeatureFlag>();
  metricId = '';
  baselineId = '';
  private readonly version = signal(0);

  readonly splits = computed(
    () => this.flag().fallthrough.variations.filter((v) => v.rollout[1] > v.rollout[0]).length > 1,
  );

  readonly metrics = toSignal(
    toObservable(this.context.envId).pipe(
      switchMap((envId) =>
        envId
          ? this.api.metrics(envId, { pageIndex: 0, pageSize: 100 }).pipe(
              map((page) => page.items.filter((m) => !m.isArchived)),
              catchError(() => of([] as ExperimentMetric[])),
            )
          : EMPTY,
      ),
    ),
    { initialValue: [] },
  );

  readonly guards = toSignal(
    combineLatest([
      toObservable(this.context.envId),
      toObservable(this.flag),
      toObservable(this.version),
    ]).pipe(
      switchMap(([envId, flag]) =>
        envId
          ? this.api.guardedRollouts(envId, flag.key).pipe(
              // Without a split, only a rollback is shown: it is why the rule serves one variation.
              map((views) =>
                views.flatMap((v): Guard[] => {
                  const g = readGuard(v);
                  return g && g.ruleId === null && (this.splits() || g.status === 'RolledBack')
                    ? [{ metricId: v.metricId, metricName: v.metricName, status: g.status, reason: g.reason }]
                    : [];
                }),
              ),
              catchError(() => of([] as Guard[])),
            )
          : of([] as Guard[]),
      ),
    ),
    { initialValue: [] },
  );
  readonly watching = computed(() => this.guards().some((g) => g.status === 'Watching'));

  statusLabel(status: string): string {
    return GUARD_STATUS_LABELS[status] ?? status;
  }

  watch(): void {
    const envId = this.context.envId();
    if (!envId) return;
    this.api
      .watchRollout(envId, this.flag().key, {
        metricId: this.metricId,
        baselineVariationId: this.baselineId,
        ruleId: null,
      })
      .subscribe({
        next: () => {
          this.notifier.success($localize`Guardrail watching`);
          this.version.update((v) => v + 1);
        },
        error: (err: unknown) => this.notifier.error(err, $localize`Not watched`),
      });
  }

  stop(metricId: string): void {
    const envId = this.context.envId();
    if (!envId) return;
    this.api.unwatchRollout(envId, this.flag().key, metricId).subscribe({
      next: () => {
        this.notifier.success($localize`Guardrail stopped`);
        this.version.update((v) => v + 1);
      },
      error: (err: unknown) => this.notifier.error(err, $localize`Not stopped`),
    });
  }
}
