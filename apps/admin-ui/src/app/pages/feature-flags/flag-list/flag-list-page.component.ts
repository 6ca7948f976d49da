import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap } from 'rxjs';
import type { FlagListItem, PagedResult } from '../../../api/api.models';
import { FlagsApi } from '../../../api/flags.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { ContextStore } from '../../../core/context/context.store';
import { describeError } from '../../../core/feedback/error-messages';
import type { PermissionAction } from '../../../shared/permissions';
import { relativeTime } from '../../../shared/relative-time';
import type { FlagLifecycleStatus } from '../../../api/flag-lifecycle.api';
import { FlagActions } from '../flag-actions.service';
import { LIFECYCLE_OPTIONS, LifecycleBadgeComponent } from '../lifecycle-badge.component';
import { CloneFlagDialogComponent } from './clone-flag-dialog.component';
import { CopyToEnvDialogComponent } from './copy-to-env-dialog.component';
import { FlagCreateDrawerComponent } from './flag-create-drawer.component';

type StatusFilter = 'all' | 'on' | 'off';

const EMPTY_PAGE: PagedResult<FlagListItem> = { totalCount: 0, items: [] };

@Component({
  selector: 'ff-flag-list-page',
  imports: [
    FormsModule,
    RouterLink,
    MatTableModule,
    MatPaginator,
    MatSlideToggle,
    MatButton,
    MatIconButton,
    MatIcon,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    MatTooltip,
    MatCheckbox,
    LifecycleBadgeComponent,
  ],
  templateUrl: './flag-list-page.component.html',
  styleUrl: './flag-list-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagListPageComponent {
  private readonly api = inject(FlagsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  readonly actions = inject(FlagActions);
  readonly context = inject(ContextStore);
  readonly perm = inject(PermissionsStore);

  readonly search = signal('');
  readonly tags = signal<string[]>([]);
  readonly status = signal<StatusFilter>('all');
  readonly lifecycle = signal<FlagLifecycleStatus[]>([]);
  readonly lifecycleOptions = LIFECYCLE_OPTIONS;
  readonly archived = signal(false);
  readonly pageIndex = signal(0);
  readonly pageSize = signal(20);
  private readonly reloadTick = signal(0);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  /** Keys whose toggle is in flight (the switch is disabled meanwhile). */
  readonly busy = signal<ReadonlySet<string>>(new Set());

  readonly columns = computed(() =>
    this.archived()
      ? ['name', 'tags', 'updated', 'actions']
      : ['select', 'name', 'status', 'tags', 'serving', 'evaluated', 'updated', 'actions'],
  );

  private readonly debouncedSearch = toSignal(
    toObservable(this.search).pipe(debounceTime(250), distinctUntilChanged()),
    { initialValue: '' },
  );

  readonly allTags = toSignal(
    toObservable(this.context.envId).pipe(
      switchMap((envId) =>
        envId ? this.api.allTags(envId).pipe(catchError(() => of([] as string[]))) : of([]),
      ),
    ),
    { initialValue: [] as string[] },
  );

  private readonly query = computed(() => ({
    envId: this.context.envId(),
    name: this.debouncedSearch(),
    tags: this.tags(),
    status: this.status(),
    lifecycle: this.lifecycle(),
    archived: this.archived(),
    pageIndex: this.pageIndex(),
    pageSize: this.pageSize(),
    tick: this.reloadTick(),
  }));

  readonly page = toSignal(
    toObservable(this.query).pipe(
      switchMap((q) => {
        if (!q.envId) return of(EMPTY_PAGE);
        this.loading.set(true);
        return this.api
          .list(q.envId, {
            name: q.name.trim() || undefined,
            tags: q.tags,
            isEnabled: q.status === 'all' ? null : q.status === 'on',
            isArchived: q.archived,
            lifecycle: q.lifecycle.join(',') || undefined,
            pageIndex: q.pageIndex,
            pageSize: q.pageSize,
          })
          .pipe(
            tap(() => this.error.set(null)),
            catchError((err: unknown) => {
              this.error.set(describeError(err));
              return of(EMPTY_PAGE);
            }),
          );
      }),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: null },
  );
  readonly items = computed(() => this.page()?.items ?? []);
  /** Flags picked for a batch copy, by id; kept across pages (FeatBit's "Batch Copy To"). */
  readonly selected = signal<ReadonlyMap<string, FlagListItem>>(new Map());
  readonly allOnPageSelected = computed(
    () => this.items().length > 0 && this.items().every((f) => this.selected().has(f.id)),
  );
  readonly someOnPageSelected = computed(
    () => !this.allOnPageSelected() && this.items().some((f) => this.selected().has(f.id)),
  );

  constructor() {
    // Any filter change starts again at the first page.
    effect(() => {
      this.debouncedSearch();
      this.tags();
      this.status();
      this.lifecycle();
      this.archived();
      this.context.envId();
      this.pageIndex.set(0);
    });
  }

  relative = relativeTime;
  /** Rows survive reloads, so an open row menu is not torn down by a refresh. */
  readonly trackByKey = (_: number, flag: FlagListItem) => flag.key;

  /** Why the signed-in user may not take `action` on the flag (null when they may). */
  denied(action: PermissionAction, flag?: FlagListItem): string | null {
    return this.perm.flag(action, flag?.key ?? '*', flag?.tags ?? []);
  }

  selectLabel(flag: FlagListItem): string {
    return $localize`Select ${flag.name}:flagName:`;
  }

  toggleLabel(flag: FlagListItem): string {
    return flag.isEnabled
      ? $localize`Turn ${flag.name}:flagName: off`
      : $localize`Turn ${flag.name}:flagName: on`;
  }

  actionsLabel(flag: FlagListItem): string {
    return $localize`Actions for ${flag.name}:flagName:`;
  }

  reload(): void {
    this.reloadTick.update((n) => n + 1);
  }

  onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  /** Variation names the flag serves now (the default rule's when on, the off variation when off). */
  serving(flag: FlagListItem): string {
    return flag.isEnabled ? flag.serves.enabledVariations.join(', ') : flag.serves.disabledVariation;
  }

  toggle(flag: FlagListItem, on: boolean): void {
    this.setBusy(flag.key, true);
    this.actions.toggle(flag, on).subscribe({
      complete: () => {
        this.setBusy(flag.key, false);
        this.reload();
      },
      error: () => {
        this.setBusy(flag.key, false);
        this.reload();
      },
    });
  }

  create(): void {
    this.dialog
      .open(FlagCreateDrawerComponent, drawerConfig())
      .afterClosed()
      .subscribe((key?: string) => {
        if (key) void this.router.navigate(['/feature-flags', key, 'targeting']);
      });
  }

  clone(flag: FlagListItem): void {
    this.dialog
      .open(CloneFlagDialogComponent, { data: flag, width: '520px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((key?: string) => key && this.reload());
  }

  select(flag: FlagListItem, on: boolean): void {
    const next = new Map(this.selected());
    if (on) next.set(flag.id, flag);
    else next.delete(flag.id);
    this.selected.set(next);
  }

  selectPage(on: boolean): void {
    const next = new Map(this.selected());
    for (const flag of this.items()) {
      if (on) next.set(flag.id, flag);
      else next.delete(flag.id);
    }
    this.selected.set(next);
  }

  copySelected(): void {
    const flags = [...this.selected().values()];
    if (flags.length === 0) return;
    this.dialog
      .open(CopyToEnvDialogComponent, { data: flags, width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((copied) => {
        if (copied) this.selected.set(new Map());
      });
  }

  copyToEnv(flag: FlagListItem): void {
    this.dialog.open(CopyToEnvDialogComponent, { data: flag, width: '600px', maxWidth: '95vw' });
  }

  archive(flag: FlagListItem): void {
    this.actions.archive(flag).subscribe(() => this.reload());
  }

  restore(flag: FlagListItem): void {
    this.actions.restore(flag).subscribe(() => this.reload());
  }

  remove(flag: FlagListItem): void {
    this.actions.remove(flag).subscribe(() => this.reload());
  }

  clearFilters(): void {
    this.search.set('');
    this.tags.set([]);
    this.status.set('all');
    this.lifecycle.set([]);
  }

  private setBusy(key: string, busy: boolean): void {
    const next = new Set(this.busy());
    if (busy) next.add(key);
    else next.delete(key);
    this.busy.set(next);
  }
}

export function drawerConfig() {
  return {
    position: { right: '0', top: '0' },
    height: '100vh',
    width: '600px',
    maxWidth: '100vw',
    maxHeight: '100vh',
    panelClass: 'ff-drawer-panel',
    autoFocus: 'first-tabbable',
    enterAnimationDuration: '150ms',
  } as const;
}
