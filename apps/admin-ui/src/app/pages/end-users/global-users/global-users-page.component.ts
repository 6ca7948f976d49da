import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';
import { EndUserFilesApi } from '../../../api/end-user-files.api';
import type { ScopedEndUserDto } from '../../../api/generated/models';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { ContextStore } from '../../../core/context/context.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { relativeTime } from '../../../shared/relative-time';
import { importSummary } from '../user-list/end-user-transfer';

const PAGE_SIZE = 20;
/** The shape of the uploaded file (a code sample: not translated). */
const UPLOAD_FORMAT = '{"users": [{keyId, name, customizedProperties}]}';

/** FeatBit's global users: end users of the whole workspace, imported from a JSON file. */
@Component({
  selector: 'ff-global-users-page',
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
    MatPaginator,
    MatProgressBar,
    MatTooltip,
  ],
  template: `
    <div class="ff-page">
      <header class="ff-page-header">
        <h1 i18n>Global users</h1>
        <span class="ff-spacer"></span>
        <a mat-stroked-button routerLink="/end-users"
          ><mat-icon>people</mat-icon> <span i18n>Environment users</span></a
        >
        <button
          mat-flat-button
          type="button"
          (click)="fileInput.click()"
          [disabled]="!!uploadDenied() || uploading()"
          [disabledInteractive]="true"
          [matTooltip]="uploadDenied() ?? uploadHint"
          data-testid="global-users-upload"
        >
          <mat-icon>upload</mat-icon> <span i18n>Upload</span>
        </button>
        <input
          #fileInput
          type="file"
          accept="application/json,.json"
          hidden
          (change)="upload(fileInput)"
          data-testid="global-users-file"
        />
      </header>
      <p i18n class="ff-muted intro">
        Users of the whole workspace, usable for targeting in every environment.
      </p>
      <p class="ff-muted ff-small" data-testid="global-users-format">
        <ng-container i18n>The JSON file to upload:</ng-container> <code>{{ uploadFormat }}</code>
      </p>
      <div class="ff-toolbar">
        <mat-form-field class="search">
          <mat-label i18n>Search by key or name</mat-label>
          <mat-icon matPrefix>search</mat-icon>
          <input matInput type="search" [ngModel]="search()" (ngModelChange)="search.set($event)" />
        </mat-form-field>
      </div>
      @if (error(); as message) {
        <p i18n class="ff-error-text" role="alert">The global users could not be loaded: {{ message }}</p>
      }
      <div class="ff-table-wrap">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <table
          mat-table
          [dataSource]="users()"
          aria-label="Global users"
          i18n-aria-label
          data-testid="global-users-table"
        >
          <ng-container matColumnDef="keyId">
            <th i18n mat-header-cell *matHeaderCellDef>Key</th>
            <td mat-cell *matCellDef="let u">{{ u.keyId }}</td>
          </ng-container>
          <ng-container matColumnDef="name">
            <th i18n mat-header-cell *matHeaderCellDef>Name</th>
            <td mat-cell *matCellDef="let u">{{ u.name || '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="properties">
            <th i18n mat-header-cell *matHeaderCellDef>Properties</th>
            <td mat-cell *matCellDef="let u" class="ff-muted ff-small">{{ properties(u) }}</td>
          </ng-container>
          <ng-container matColumnDef="updated">
            <th i18n mat-header-cell *matHeaderCellDef>Updated</th>
            <td mat-cell *matCellDef="let u">
              <span [matTooltip]="(u.updatedAt | date: 'medium') ?? ''">{{ relative(u.updatedAt) }}</span>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
          <tr class="mat-row" *matNoDataRow>
            <td class="ff-empty" [attr.colspan]="columns.length">
              @if (loading()) {
                <ng-container i18n>Loading…</ng-container>
              } @else {
                <ng-container i18n>No global users yet. Upload a JSON file to add them.</ng-container>
              }
            </td>
          </tr>
        </table>
        <mat-paginator
          [length]="total()"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize"
          [hidePageSize]="true"
          (page)="onPage($event)"
          aria-label="Global user pages"
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GlobalUsersPageComponent {
  private readonly api = inject(EndUserFilesApi);
  private readonly notifier = inject(Notifier);
  private readonly perm = inject(PermissionsStore);
  private readonly context = inject(ContextStore);
  // Global users belong to every environment: the upload needs ManageEndUsers everywhere (the
  // server's check); the current environment is the console's best guess until it answers.
  readonly uploadDenied = computed(() => this.perm.env('ManageEndUsers'));

  readonly uploadHint = $localize`A JSON file, in the format shown below`;
  readonly uploadFormat = UPLOAD_FORMAT;
  readonly columns = ['keyId', 'name', 'properties', 'updated'];
  readonly pageSize = PAGE_SIZE;
  readonly search = signal('');
  readonly users = signal<ScopedEndUserDto[]>([]);
  readonly total = signal(0);
  readonly pageIndex = signal(0);
  readonly loading = signal(false);
  readonly uploading = signal(false);
  readonly error = signal<string | null>(null);
  relative = relativeTime;

  private readonly text = toSignal(
    toObservable(this.search).pipe(debounceTime(250), distinctUntilChanged()),
    { initialValue: '' },
  );

  constructor() {
    effect(() => {
      this.text();
      this.context.workspaceId();
      untracked(() => {
        this.pageIndex.set(0);
        void this.load();
      });
    });
  }

  onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await firstValueFrom(
        this.api.globalUsers(this.pageIndex(), PAGE_SIZE, this.text().trim()),
      );
      this.users.set(page.items);
      this.total.set(page.totalCount);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  upload(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.uploading.set(true);
    this.api.importGlobalUsers(file).subscribe({
      next: (result) => {
        this.uploading.set(false);
        this.notifier.success(importSummary(result));
        void this.load();
      },
      error: (err: unknown) => {
        this.uploading.set(false);
        this.notifier.error(err, $localize`Could not upload the global users`);
      },
    });
  }

  properties(user: ScopedEndUserDto): string {
    return user.customizedProperties.map((p) => `${p.name}=${p.value ?? ''}`).join(', ');
  }
}
