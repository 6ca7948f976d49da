import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOptgroup, MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { catchError, debounceTime, of, switchMap, tap } from 'rxjs';
import {
  type CompareFlagOverview,
  FlagCompareApi,
  type FlagDiffOverview,
} from '../../../api/flag-compare.api';
import { FlagsApi } from '../../../api/flags.api';
import { ContextStore } from '../../../core/context/context.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { drawerConfig } from '../flag-list/flag-list-page.component';
import { type CompareDrawerData, CompareFlagDrawerComponent } from './compare-flag-drawer.component';

/** The parts a comparison reports, with their labels. */
export const DIFF_PARTS = [
  ['onOffState', $localize`On/off`],
  ['individualTargeting', $localize`Individual targeting`],
  ['targetingRule', $localize`Rules`],
  ['defaultRule', $localize`Default rule`],
  ['offVariation', $localize`Off variation`],
] as const satisfies readonly (readonly [keyof Omit<FlagDiffOverview, 'targetEnvId'>, string])[];

interface Loaded {
  totalCount: number;
  items: CompareFlagOverview[];
}

/**
 * The flags of the current environment compared with other environments (FeatBit's
 * /feature-flags/compare): per flag and target, which parts differ or that the flag is not there;
 * a drawer compares one flag side by side and copies chosen parts; selected flags are copied at once.
 */
@Component({
  selector: 'ff-flag-compare-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatCheckbox,
    MatIcon,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatOptgroup,
    MatPaginator,
    MatProgressBar,
  ],
  templateUrl: './flag-compare-page.component.html',
  styleUrl: './flag-compare-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagComparePageComponent {
  private readonly api = inject(FlagCompareApi);
  private readonly flags = inject(FlagsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  readonly context = inject(ContextStore);
  readonly parts = DIFF_PARTS;

  readonly targetEnvIds = signal<string[]>([]);
  readonly search = signal('');
  readonly pageIndex = signal(0);
  readonly pageSize = signal(20);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  /** Flag ids chosen for a batch copy. */
  readonly selected = signal<ReadonlySet<string>>(new Set());
  readonly batchTarget = signal<string | null>(null);
  readonly copying = signal(false);
  private readonly tick = signal(0);

  /** Every environment except the current one, grouped by project. */
  readonly otherEnvs = computed(() =>
    this.context
      .projects()
      .map((p) => ({ project: p, envs: p.environments.filter((e) => e.id !== this.context.envId()) }))
      .filter((g) => g.envs.length > 0),
  );
  readonly targets = computed(() =>
    this.context.allEnvironments().filter((e) => this.targetEnvIds().includes(e.env.id)),
  );

  private readonly query = computed(() => ({
    envId: this.context.envId(),
    targets: this.targetEnvIds(),
    name: this.search().trim(),
    pageIndex: this.pageIndex(),
    pageSize: this.pageSize(),
    tick: this.tick(),
  }));

  readonly page = toSignal(
    toObservable(this.query).pipe(
      debounceTime(200),
      switchMap((q) => {
        if (!q.envId || q.targets.length === 0) return of<Loaded | null>(null);
        this.loading.set(true);
        return this.api
          .overview(q.envId, q.targets, { name: q.name, pageIndex: q.pageIndex, pageSize: q.pageSize })
          .pipe(
            tap(() => this.error.set(null)),
            catchError((err: unknown) => {
              this.error.set(describeError(err));
              return of<Loaded | null>(null);
            }),
          );
      }),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: null },
  );

  diffOf(flag: CompareFlagOverview, envId: string): FlagDiffOverview | null {
    return flag.diffs.find((d) => d.targetEnvId === envId) ?? null;
  }

  differing(diff: FlagDiffOverview): string[] {
    return this.parts.filter(([part]) => diff[part]).map(([, label]) => label);
  }

  selectLabel(name: string): string {
    return $localize`Select ${name}:flagName:`;
  }

  chooseTargets(ids: string[]): void {
    this.targetEnvIds.set(ids);
    this.pageIndex.set(0);
  }

  onSearch(text: string): void {
    this.search.set(text);
    this.pageIndex.set(0);
  }

  onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  toggleSelected(id: string, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  open(
    flag: CompareFlagOverview,
    target: { env: { id: string; name: string }; project: { name: string } },
  ): void {
    const data: CompareDrawerData = {
      envId: this.context.envId() ?? '',
      key: flag.key,
      name: flag.name,
      targetEnvId: target.env.id,
      targetName: `${target.project.name} / ${target.env.name}`,
    };
    this.dialog
      .open(CompareFlagDrawerComponent, { ...drawerConfig(), width: '880px', data })
      .afterClosed()
      .subscribe((copied?: boolean) => copied && this.tick.update((n) => n + 1));
  }

  /** Copies the selected flags to the chosen environment (flags already there are skipped). */
  copySelected(): void {
    const target = this.batchTarget();
    const ids = [...this.selected()];
    if (!target || ids.length === 0) return;
    this.copying.set(true);
    this.flags.copyToEnv(this.context.envId() ?? '', target, ids, []).subscribe({
      next: (result) => {
        this.copying.set(false);
        const skipped = result.ignored.length
          ? $localize`; already there: ${result.ignored.join(', ')}:keys:`
          : '';
        this.notifier.success($localize`Copied ${result.copiedCount}:count: flag(s)${skipped}:skipped:`);
        this.selected.set(new Set());
        this.tick.update((n) => n + 1);
      },
      error: (err: unknown) => {
        this.copying.set(false);
        this.notifier.error(err, $localize`Could not copy the flags`);
      },
    });
  }
}
