import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { catchError, combineLatest, EMPTY, map, of, switchMap } from 'rxjs';
import { ExperimentsApi, type ExperimentView } from '../../../../api/experiments.api';
import { ContextStore } from '../../../../core/context/context.store';
import { describeError } from '../../../../core/feedback/error-messages';
import { FlagDetailStore } from '../flag-detail.store';
import { ExperimentCardComponent } from './experiment-card.component';

interface Loaded {
  items: ExperimentView[];
  error: string | null;
}

/** The flag's experiments, one card each (FeatBit's Experimentation tab). */
@Component({
  selector: 'ff-flag-experimentation-page',
  imports: [RouterLink, MatProgressBar, ExperimentCardComponent],
  template: `
    @if (loaded(); as data) {
      @if (data.error) {
        <p i18n class="ff-error-text" role="alert">The experiments could not be loaded: {{ data.error }}</p>
      } @else {
        @for (e of data.items; track e.id) {
          <ff-experiment-card [experiment]="e" [variations]="variations()" (changed)="reload()" />
        } @empty {
          <section class="ff-card">
            <p i18n class="ff-empty" data-testid="experimentation-empty">
              No experiment uses this flag yet.
              <a routerLink="/experiments">Add one on the Experiments page</a>
              to compare its variations on a metric.
            </p>
          </section>
        }
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagExperimentationPageComponent {
  private readonly store = inject(FlagDetailStore);
  private readonly api = inject(ExperimentsApi);
  private readonly context = inject(ContextStore);
  private readonly version = signal(0);

  readonly variations = computed(
    () => this.store.flag()?.variations.map((v) => ({ id: v.id, name: v.name })) ?? [],
  );
  private readonly flagId = computed(() => this.store.flag()?.id ?? null);

  readonly loaded = toSignal(
    combineLatest([
      toObservable(this.context.envId),
      toObservable(this.flagId),
      toObservable(this.version),
    ]).pipe(
      switchMap(([envId, featureFlagId]) => {
        if (!envId || !featureFlagId) return EMPTY;
        return this.api.list(envId, { featureFlagId, pageIndex: 0, pageSize: -1 }).pipe(
          map((page): Loaded => ({ items: page.items, error: null })),
          catchError((err: unknown) => of<Loaded>({ items: [], error: describeError(err) })),
        );
      }),
    ),
    { initialValue: null },
  );

  reload(): void {
    this.version.update((v) => v + 1);
  }
}
