import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap } from 'rxjs';
import type { PagedResult, SegmentListItem } from '../../../api/api.models';
import { SegmentsApi } from '../../../api/segments.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { ContextStore } from '../../../core/context/context.store';
import type { PermissionAction } from '../../../shared/permissions';
import { describeError } from '../../../core/feedback/error-messages';
import { relativeTime } from '../../../shared/relative-time';
import { SegmentActions } from '../segment-actions.service';
import { SegmentCreateDialogComponent } from './segment-create-dialog.component';

const EMPTY_PAGE: PagedResult<SegmentListItem> = { totalCount: 0, items: [] };

@Component({
  selector: 'ff-segment-list-page',
  imports: [
    DatePipe,
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
    MatProgressBar,
    MatTooltip,
  ],
  template: `
    <div class="ff-page">
      <header class="ff-page-header">
        <h1 i18n>Segments</h1>
        <span class="ff-spacer"></span>
        <button
          mat-flat-button
          type="button"
          (click)="create()"
          [disabled]="!!denied('CreateSegment')"
          [disabledInteractive]="true"
          [matTooltip]="denied('CreateSegment') ?? ''"
          data-testid="create-segment"
        >
          <mat-icon>add</mat-icon> <span i18n>Create segment</span>
        </button>
      </header>
      <p i18n class="ff-muted intro">
        Reusable groups of users: list them by key, describe them with rules, and target them from any flag.
      </p>
      <div class="ff-toolbar">
        <mat-form-field class="search">
          <mat-label i18n>Search by name</mat-label>
          <mat-icon matPrefix>search</mat-icon>
          <input matInput type="search" [ngModel]="search()" (ngModelChange)="search.set($event)" />
        </mat-form-field>
        <mat-slide-toggle i18n [checked]="archived()" (change)="archived.set($event.checked)"
          >Show archived</mat-slide-toggle
        >
      </div>
      @if (error(); as message) {
        <p i18n class="ff-error-text" role="alert">The segments could not be loaded: {{ message }}</p>
      }
      <div class="ff-table-wrap">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <table
          mat-table
          [dataSource]="page()?.items ?? []"
          [trackBy]="trackById"
          aria-label="Segments"
          i18n-aria-label
        >
          <ng-container matColumnDef="name">
            <th i18n mat-header-cell *matHeaderCellDef>Name</th>
            <td mat-cell *matCellDef="let s">
              <a class="name" [routerLink]="['/segments', s.id]">{{ s.name }}</a>
              @if (s.key) {
                <div>
                  <span class="ff-chip-key">{{ s.key }}</span>
                </div>
              }
              @if (s.description) {
                <div class="ff-muted ff-small">{{ s.description }}</div>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="type">
            <th i18n mat-header-cell *matHeaderCellDef>Type</th>
            <td mat-cell *matCellDef="let s">
              <span i18n class="ff-badge">{s.type, select, shared {Shared} other {This environment}}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="updated">
            <th i18n mat-header-cell *matHeaderCellDef>Last updated</th>
            <td mat-cell *matCellDef="let s">
              <span [matTooltip]="(s.updatedAt | date: 'medium') ?? ''">{{ relative(s.updatedAt) }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef><span i18n class="cdk-visually-hidden">Actions</span></th>
            <td mat-cell *matCellDef="let s" class="actions">
              <button
                mat-icon-button
                type="button"
                [matMenuTriggerFor]="menu"
                [attr.aria-label]="actionsLabel(s)"
              >
                <mat-icon>more_vert</mat-icon>
              </button>
              <mat-menu #menu="matMenu" xPosition="before">
                @if (s.isArchived) {
                  <div [matTooltip]="denied('RestoreSegment', s) ?? ''" matTooltipPosition="left">
                    <button
                      mat-menu-item
                      type="button"
                      (click)="restore(s)"
                      [disabled]="!!denied('RestoreSegment', s)"
                    >
                      <mat-icon>unarchive</mat-icon><span i18n>Restore</span>
                    </button>
                  </div>
                  <div [matTooltip]="denied('DeleteSegment', s) ?? ''" matTooltipPosition="left">
                    <button
                      mat-menu-item
                      type="button"
                      (click)="remove(s)"
                      [disabled]="!!denied('DeleteSegment', s)"
                    >
                      <mat-icon>delete_forever</mat-icon><span i18n>Delete</span>
                    </button>
                  </div>
                } @else {
                  <a mat-menu-item [routerLink]="['/segments', s.id]"
                    ><mat-icon>tune</mat-icon><span i18n>Details</span></a
                  >
                  <div [matTooltip]="denied('ArchiveSegment', s) ?? ''" matTooltipPosition="left">
                    <button
                      mat-menu-item
                      type="button"
                      (click)="archive(s)"
                      [disabled]="!!denied('ArchiveSegment', s)"
                    >
                      <mat-icon>archive</mat-icon><span i18n>Archive</span>
                    </button>
                  </div>
                }
              </mat-menu>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
          <tr class="mat-row" *matNoDataRow>
            <td class="ff-empty" [attr.colspan]="columns.length">
              @if (loading() || page() === null) {
                <ng-container i18n>Loading…</ng-container>
              } @else if (search()) {
                <ng-container i18n>No segment matches “{{ search() }}”.</ng-container>
              } @else if (archived()) {
                <ng-container i18n>No archived segments.</ng-container>
              } @else {
                <ng-container i18n>No segments yet.</ng-container>
                <button i18n mat-button type="button" (click)="create()">Create a segment</button>
              }
            </td>
          </tr>
        </table>
        <mat-paginator
          [length]="page()?.totalCount ?? 0"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize()"
          [pageSizeOptions]="[10, 20, 50]"
          (page)="onPage($event)"
          aria-label="Segment pages"
          i18n-aria-label
        />
      </div>
    </div>
  `,
  styles: `
    .intro {
      margin-top: -8px;
    }
    .search {
      flex: 1 1 260px;
      max-width: 420px;
    }
    .name {
      font-weight: 500;
      text-decoration: none;
    }
    .actions {
      width: 48px;
      text-align: right;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentListPageComponent {
  private readonly api = inject(SegmentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly actions = inject(SegmentActions);
  private readonly context = inject(ContextStore);
  private readonly perm = inject(PermissionsStore);

  /** Why the signed-in user may not take `action` on the segment (null when they may). */
  denied(action: PermissionAction, segment?: { key: string; tags: string[] }): string | null {
    return this.perm.segment(action, segment?.key ?? '*', segment?.tags ?? []);
  }

  readonly columns = ['name', 'type', 'updated', 'actions'];
  readonly search = signal('');
  readonly archived = signal(false);
  readonly pageIndex = signal(0);
  readonly pageSize = signal(20);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  private readonly tick = signal(0);
  relative = relativeTime;
  readonly trackById = (_: number, s: SegmentListItem) => s.id;

  private readonly name = toSignal(
    toObservable(this.search).pipe(debounceTime(250), distinctUntilChanged()),
    {
      initialValue: '',
    },
  );
  private readonly query = computed(() => ({
    envId: this.context.envId(),
    name: this.name().trim(),
    isArchived: this.archived(),
    pageIndex: this.pageIndex(),
    pageSize: this.pageSize(),
    tick: this.tick(),
  }));

  readonly page = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ envId, tick: _tick, ...filter }) => {
        if (!envId) return of(EMPTY_PAGE);
        this.loading.set(true);
        return this.api.list(envId, { ...filter, name: filter.name || undefined }).pipe(
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

  constructor() {
    effect(() => {
      this.name();
      this.archived();
      this.context.envId();
      this.pageIndex.set(0);
    });
  }

  onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  actionsLabel(s: SegmentListItem): string {
    return $localize`Actions for ${s.name}:name:`;
  }

  reload(): void {
    this.tick.update((n) => n + 1);
  }

  create(): void {
    this.dialog
      .open(SegmentCreateDialogComponent, { width: '520px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((id?: string) => id && void this.router.navigate(['/segments', id]));
  }

  archive(s: SegmentListItem): void {
    this.actions.archive(s).subscribe(() => this.reload());
  }

  restore(s: SegmentListItem): void {
    this.actions.restore(s).subscribe(() => this.reload());
  }

  remove(s: SegmentListItem): void {
    this.actions.remove(s).subscribe(() => this.reload());
  }
}
