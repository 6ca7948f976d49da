import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap } from 'rxjs';
import type { EndUserCursor, EndUserPage } from '../../../api/api.models';
import { EndUsersApi } from '../../../api/end-users.api';
import { EndUserFilesApi } from '../../../api/end-user-files.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { ContextStore } from '../../../core/context/context.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { importSummary, saveFile } from './end-user-transfer';
import { relativeTime } from '../../../shared/relative-time';

const EMPTY: EndUserPage = { items: [], previousCursor: null, nextCursor: null };

@Component({
  selector: 'ff-user-list-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatTableModule,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatIcon,
    MatButton,
    MatIconButton,
    MatProgressBar,
    MatTooltip,
  ],
  template: `
    <div class="ff-page">
      <header class="ff-page-header">
        <h1 i18n>End users</h1>
        <span class="ff-spacer"></span>
        <a mat-stroked-button routerLink="/end-users/properties"
          ><mat-icon>list_alt</mat-icon> <span i18n>Properties</span></a
        >
        <a mat-stroked-button routerLink="/end-users/global"
          ><mat-icon>public</mat-icon> <span i18n>Global users</span></a
        >
        <button mat-stroked-button type="button" (click)="exportUsers()" data-testid="users-export">
          <mat-icon>download</mat-icon> <span i18n>Export</span>
        </button>
        <button
          mat-stroked-button
          type="button"
          (click)="fileInput.click()"
          [disabled]="!!importDenied() || importing()"
          [disabledInteractive]="true"
          [matTooltip]="importDenied() ?? importHint"
          data-testid="users-import"
        >
          <mat-icon>upload</mat-icon> <span i18n>Import</span>
        </button>
        <input
          #fileInput
          type="file"
          accept="application/json,.json"
          hidden
          (change)="importUsers(fileInput)"
          data-testid="users-import-file"
        />
      </header>
      <p i18n class="ff-muted intro">Users your SDKs have evaluated flags for in this environment.</p>
      <div class="ff-toolbar">
        <mat-form-field class="search">
          <mat-label i18n>Search by key or name</mat-label>
          <mat-icon matPrefix>search</mat-icon>
          <input
            matInput
            type="search"
            [ngModel]="search()"
            (ngModelChange)="search.set($event)"
            data-testid="user-search"
          />
        </mat-form-field>
      </div>
      @if (error(); as message) {
        <p i18n class="ff-error-text" role="alert">The users could not be loaded: {{ message }}</p>
      }
      <div class="ff-table-wrap">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <table mat-table [dataSource]="page().items" aria-label="End users" i18n-aria-label>
          <ng-container matColumnDef="keyId">
            <th i18n mat-header-cell *matHeaderCellDef>Key</th>
            <td mat-cell *matCellDef="let u">
              <a [routerLink]="['/end-users', u.id]" class="key">{{ u.keyId }}</a>
            </td>
          </ng-container>
          <ng-container matColumnDef="name">
            <th i18n mat-header-cell *matHeaderCellDef>Name</th>
            <td mat-cell *matCellDef="let u">{{ u.name || '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="properties">
            <th i18n mat-header-cell *matHeaderCellDef>Properties</th>
            <td mat-cell *matCellDef="let u" class="ff-muted ff-small">
              {{ propertySummary(u.customizedProperties) }}
            </td>
          </ng-container>
          <ng-container matColumnDef="updated">
            <th i18n mat-header-cell *matHeaderCellDef>Last seen</th>
            <td mat-cell *matCellDef="let u">
              <span [matTooltip]="(u.updatedAt | date: 'medium') ?? ''">{{ relative(u.updatedAt) }}</span>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
          <tr class="mat-row" *matNoDataRow>
            <td class="ff-empty" [attr.colspan]="columns.length">
              @if (loading() || pageOrNull() === null) {
                <ng-container i18n>Loading…</ng-container>
              } @else if (search()) {
                <ng-container i18n>No user matches “{{ search() }}”.</ng-container>
              } @else {
                <ng-container i18n
                  >No end users yet. They appear when an SDK evaluates a flag for them.</ng-container
                >
              }
            </td>
          </tr>
        </table>
        <div class="pager">
          <button
            mat-icon-button
            type="button"
            [disabled]="!page().previousCursor"
            (click)="go(page().previousCursor)"
            aria-label="Previous page"
            i18n-aria-label
          >
            <mat-icon>chevron_left</mat-icon>
          </button>
          <button
            mat-icon-button
            type="button"
            [disabled]="!page().nextCursor"
            (click)="go(page().nextCursor)"
            aria-label="Next page"
            i18n-aria-label
          >
            <mat-icon>chevron_right</mat-icon>
          </button>
        </div>
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
    .key {
      font-family: 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 13px;
    }
    .pager {
      display: flex;
      justify-content: flex-end;
      padding: 4px 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserListPageComponent {
  private readonly api = inject(EndUsersApi);
  private readonly files = inject(EndUserFilesApi);
  private readonly notifier = inject(Notifier);
  private readonly context = inject(ContextStore);
  private readonly perm = inject(PermissionsStore);
  readonly importDenied = computed(() => this.perm.env('ManageEndUsers'));
  readonly importing = signal(false);
  readonly importHint = $localize`A JSON file as the export writes it`;
  /** Bumped to read the list again (after an import). */
  private readonly reloads = signal(0);

  readonly columns = ['keyId', 'name', 'properties', 'updated'];
  readonly search = signal('');
  readonly cursor = signal<EndUserCursor | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  relative = relativeTime;

  private readonly text = toSignal(
    toObservable(this.search).pipe(debounceTime(250), distinctUntilChanged()),
    {
      initialValue: '',
    },
  );
  private readonly query = computed(() => ({
    envId: this.context.envId(),
    text: this.text().trim(),
    cursor: this.cursor(),
    reloads: this.reloads(),
  }));

  readonly pageOrNull = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ envId, text, cursor }) => {
        if (!envId) return of(EMPTY);
        this.loading.set(true);
        return this.api.list(envId, text, cursor, 20).pipe(
          tap(() => this.error.set(null)),
          catchError((err: unknown) => {
            this.error.set(describeError(err));
            return of(EMPTY);
          }),
        );
      }),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: null },
  );
  readonly page = computed(() => this.pageOrNull() ?? EMPTY);

  constructor() {
    effect(() => {
      this.text();
      this.context.envId();
      this.cursor.set(null);
    });
  }

  exportUsers(): void {
    const envId = this.context.envId();
    if (!envId) return;
    this.files.exportFile(envId, this.text().trim()).subscribe({
      next: (blob) => {
        saveFile(blob, `end-users-${this.context.environment()?.key ?? envId}.json`);
        this.notifier.success($localize`Exported the end users`);
      },
      error: (err: unknown) => this.notifier.error(err, $localize`Could not export the end users`),
    });
  }

  importUsers(input: HTMLInputElement): void {
    const file = input.files?.[0];
    const envId = this.context.envId();
    input.value = '';
    if (!file || !envId) return;
    this.importing.set(true);
    this.files.importFile(envId, file).subscribe({
      next: (result) => {
        this.importing.set(false);
        this.notifier.success(importSummary(result));
        this.cursor.set(null);
        this.reloads.update((n) => n + 1);
      },
      error: (err: unknown) => {
        this.importing.set(false);
        this.notifier.error(err, $localize`Could not import the end users`);
      },
    });
  }

  go(cursor: EndUserCursor | null): void {
    if (cursor) this.cursor.set(cursor);
  }

  propertySummary(properties: { name: string; value: string | null }[] | null | undefined): string {
    const list = properties ?? [];
    const shown = list.slice(0, 3).map((p) => `${p.name}=${p.value ?? ''}`);
    return list.length > 3 ? `${shown.join(', ')} +${list.length - 3}` : shown.join(', ');
  }
}
