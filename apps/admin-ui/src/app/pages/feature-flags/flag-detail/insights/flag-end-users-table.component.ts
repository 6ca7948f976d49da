import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { type FlagEndUser, type FlagEndUserPage, InsightsApi } from '../../../../api/insights.api';
import { describeError } from '../../../../core/feedback/error-messages';
import { buildCsv, downloadCsv } from '../../../../shared/csv';
import { dateTimeLabel } from '../../../../shared/insight-periods';

export interface InsightRangeInput {
  envId: string;
  flagKey: string;
  from: number;
  to: number;
}

const HEADER = [$localize`KeyId`, $localize`Name`, $localize`Variation`, $localize`Last evaluated at`];

/** Who evaluated the flag in the chart's period: last variation served and when, filtered and paged. */
@Component({
  selector: 'ff-flag-end-users-table',
  imports: [
    FormsModule,
    MatTableModule,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatIcon,
    MatSelect,
    MatOption,
    MatPaginator,
    MatButton,
  ],
  template: `
    <div class="ff-toolbar">
      <h2 i18n class="title">End users</h2>
      <mat-form-field class="search">
        <mat-label i18n>Filter by keyId or name</mat-label>
        <mat-icon matPrefix>search</mat-icon>
        <input
          matInput
          type="search"
          [ngModel]="search()"
          (ngModelChange)="search.set($event)"
          data-testid="flag-users-search"
        />
      </mat-form-field>
      <mat-form-field class="variation">
        <mat-label i18n>Variation</mat-label>
        <mat-select
          [ngModel]="variationId()"
          (ngModelChange)="variationId.set($event)"
          data-testid="flag-users-variation"
        >
          <mat-option i18n value="">All</mat-option>
          @for (v of variations(); track v.id) {
            <mat-option [value]="v.id">{{ v.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="ff-spacer"></span>
      <button
        mat-stroked-button
        type="button"
        (click)="download()"
        [disabled]="items().length === 0"
        data-testid="flag-users-download"
      >
        <mat-icon>download</mat-icon> <ng-container i18n>Download CSV</ng-container>
      </button>
    </div>
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The end users could not be loaded: {{ message }}</p>
    }
    <div class="ff-table-wrap">
      <table
        mat-table
        [dataSource]="items()"
        aria-label="End users who evaluated the flag"
        i18n-aria-label
        data-testid="flag-users"
      >
        <ng-container matColumnDef="keyId">
          <th i18n mat-header-cell *matHeaderCellDef>KeyId</th>
          <td mat-cell *matCellDef="let u" class="mono">{{ u.keyId }}</td>
        </ng-container>
        <ng-container matColumnDef="name">
          <th i18n mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let u">{{ u.name || '--' }}</td>
        </ng-container>
        <ng-container matColumnDef="variation">
          <th i18n mat-header-cell *matHeaderCellDef>Variation</th>
          <td mat-cell *matCellDef="let u">{{ u.variation }}</td>
        </ng-container>
        <ng-container matColumnDef="lastEvaluatedAt">
          <th i18n mat-header-cell *matHeaderCellDef>Last evaluated at</th>
          <td mat-cell *matCellDef="let u">{{ when(u.lastEvaluatedAt) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-row" *matNoDataRow>
          <td class="ff-empty" [attr.colspan]="columns.length">
            @if (pageOrNull() === null) {
              <ng-container i18n>Loading…</ng-container>
            } @else if (search() || variationId()) {
              <ng-container i18n>No end user matches the filter in this period.</ng-container>
            } @else {
              <ng-container i18n>No end user evaluated this flag in this period.</ng-container>
            }
          </td>
        </tr>
      </table>
      <mat-paginator
        [length]="page().totalCount"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizeOptions]="[10, 20, 50, 100]"
        (page)="onPage($event)"
        aria-label="End user pages"
        i18n-aria-label
      />
    </div>
  `,
  styles: `
    .title {
      font: var(--mat-sys-title-medium);
      margin: 0 8px 0 0;
    }
    .search {
      flex: 1 1 240px;
      max-width: 360px;
    }
    .variation {
      width: 180px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagEndUsersTableComponent {
  private readonly api = inject(InsightsApi);

  /** The flag and the chart's current range; a new value (every refresh) reloads the page. */
  readonly range = input.required<InsightRangeInput>();
  readonly variations = input.required<{ id: string; name: string }[]>();
  readonly timeZone = input.required<string>();

  readonly columns = ['keyId', 'name', 'variation', 'lastEvaluatedAt'];
  readonly search = signal('');
  readonly variationId = signal('');
  readonly pageIndex = signal(0);
  readonly pageSize = signal(10);
  readonly error = signal<string | null>(null);

  private readonly text = toSignal(
    toObservable(this.search).pipe(debounceTime(300), distinctUntilChanged()),
    {
      initialValue: '',
    },
  );
  private readonly query = computed(() => ({
    range: this.range(),
    query: this.text().trim(),
    variationId: this.variationId(),
    pageIndex: this.pageIndex(),
    pageSize: this.pageSize(),
  }));

  readonly pageOrNull = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ range, ...filter }) =>
        this.api.flagEndUsers(range.envId, range.flagKey, { ...filter, from: range.from, to: range.to }).pipe(
          map((page): FlagEndUserPage | null => {
            this.error.set(null);
            return page;
          }),
          catchError((err: unknown) => {
            this.error.set(describeError(err));
            return of(null);
          }),
        ),
      ),
    ),
    { initialValue: null },
  );
  readonly page = computed<FlagEndUserPage>(() => this.pageOrNull() ?? { totalCount: 0, items: [] });
  readonly items = computed(() => this.page().items);

  constructor() {
    // A new filter starts again from the first page.
    effect(() => {
      this.text();
      this.variationId();
      this.pageIndex.set(0);
    });
  }

  when = (iso: string): string => dateTimeLabel(iso, this.timeZone());

  onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  /** Exactly the rows and columns on screen. */
  download(): void {
    const rows = this.items().map((u: FlagEndUser) => [
      u.keyId,
      u.name || '--',
      u.variation,
      this.when(u.lastEvaluatedAt),
    ]);
    downloadCsv(`${this.range().flagKey}-end-users.csv`, buildCsv(HEADER, rows));
  }
}
