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
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import { firstValueFrom } from 'rxjs';
import type { AuditLogEntry } from '../../api/api.models';
import { AuditLogsApi } from '../../api/audit-logs.api';
import type { OrgMemberDto } from '../../api/generated/models';
import { OrganizationsApi } from '../../api/organizations.api';
import { PermissionsStore } from '../../core/auth/permissions.store';
import { ContextStore } from '../../core/context/context.store';
import { describeError } from '../../core/feedback/error-messages';
import { describeAuditEntry, operationLabel } from '../../shared/audit-diff';
import {
  AUDIT_REF_TYPES,
  auditFormProblem,
  auditSubject,
  type AuditLogForm,
  EMPTY_AUDIT_FORM,
  toAuditFilter,
} from '../../shared/audit-log-query';
import { relativeTime } from '../../shared/relative-time';
import { ChangeListComponent } from '../../ui/change-list/change-list.component';

const PAGE_SIZE = 20;

type Scope = 'env' | 'org';

/**
 * FeatBit's audit log for the current environment or the whole organization: who changed what and
 * when, the comment, and the same readable change list as a flag's History tab.
 */
@Component({
  selector: 'ff-audit-log-page',
  imports: [
    DatePipe,
    FormsModule,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatIcon,
    MatInput,
    MatProgressBar,
    MatSelect,
    MatOption,
    MatTooltip,
    ChangeListComponent,
  ],
  template: `
    <div class="ff-page">
      <header class="ff-page-header">
        <h1 i18n>Audit log</h1>
        <span class="ff-spacer"></span>
        <mat-button-toggle-group
          [ngModel]="scope()"
          (ngModelChange)="setScope($event)"
          aria-label="Which changes"
          i18n-aria-label
          hideSingleSelectionIndicator
        >
          <mat-button-toggle i18n value="env" data-testid="audit-scope-env"
            >This environment</mat-button-toggle
          >
          <mat-button-toggle
            i18n
            value="org"
            [disabled]="!!orgDenied()"
            [matTooltip]="orgDenied() ?? ''"
            data-testid="audit-scope-org"
            >Whole organization</mat-button-toggle
          >
        </mat-button-toggle-group>
      </header>
      <p class="ff-muted intro">
        @if (scope() === 'env') {
          <ng-container i18n
            >Changes to flags, segments and settings of {{ context.project()?.name }} /
            {{ context.environment()?.name }}.</ng-container
          >
        } @else {
          <ng-container i18n
            >Every change in {{ context.organization()?.name }}, members, groups and policies
            included.</ng-container
          >
        }
      </p>
      <form class="ff-toolbar filters" (ngSubmit)="search()" aria-label="Filters" i18n-aria-label>
        <mat-form-field class="text">
          <mat-label i18n>Search key, name or comment</mat-label>
          <mat-icon matPrefix>search</mat-icon>
          <input matInput type="search" name="query" [(ngModel)]="form.query" data-testid="audit-query" />
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Resource</mat-label>
          <mat-select name="refType" [(ngModel)]="form.refType" data-testid="audit-ref-type">
            <mat-option i18n value="">Any resource</mat-option>
            @for (t of refTypes; track t.value) {
              <mat-option [value]="t.value">{{ t.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Member</mat-label>
          <mat-select name="creatorId" [(ngModel)]="form.creatorId" data-testid="audit-member">
            <mat-option i18n value="">Anyone</mat-option>
            @for (m of members(); track m.id) {
              <mat-option [value]="m.id">{{ m.name || m.email }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="date">
          <mat-label i18n>From</mat-label>
          <input matInput type="date" name="from" [(ngModel)]="form.from" data-testid="audit-from" />
        </mat-form-field>
        <mat-form-field class="date">
          <mat-label i18n>To</mat-label>
          <input matInput type="date" name="to" [(ngModel)]="form.to" data-testid="audit-to" />
        </mat-form-field>
        <button i18n mat-flat-button type="submit" data-testid="audit-search">Search</button>
        <button i18n mat-button type="button" (click)="clear()">Clear</button>
      </form>
      @if (error(); as message) {
        <p class="ff-error-text" role="alert">{{ message }}</p>
      }
      @if (loading() && entries().length === 0) {
        <mat-progress-bar mode="indeterminate" />
      }
      <p class="ff-muted ff-small" aria-live="polite">
        @if (loading()) {
          <ng-container i18n>Loading…</ng-container>
        } @else {
          <ng-container i18n>{total(), plural, =1 {1 change} other {{{ total() }} changes}}</ng-container>
        }
      </p>
      <ol class="timeline" aria-label="Audit log" i18n-aria-label data-testid="audit-log-list">
        @for (row of rows(); track row.entry.id) {
          <li class="entry ff-card">
            <div class="meta">
              <strong data-testid="audit-who">{{
                row.entry.creatorName || row.entry.creatorEmail || systemLabel
              }}</strong>
              <span class="ff-badge">{{ operationLabel(row.entry.operation) }}</span>
              <span data-testid="audit-what">{{ row.subject }}</span>
              <span class="ff-spacer"></span>
              <span class="ff-muted ff-small" [matTooltip]="(row.entry.createdAt | date: 'medium') ?? ''">
                {{ relative(row.entry.createdAt) }}
              </span>
            </div>
            @if (row.entry.comment) {
              <p class="comment">“{{ row.entry.comment }}”</p>
            }
            <ff-change-list [changes]="row.changes" />
          </li>
        } @empty {
          @if (!loading() && !error()) {
            <li i18n class="ff-empty">No change matches these filters.</li>
          }
        }
      </ol>
      @if (entries().length < total()) {
        <button i18n mat-stroked-button type="button" (click)="load(false)" [disabled]="loading()">
          Load more
        </button>
      }
    </div>
  `,
  styles: `
    .intro {
      margin-top: -8px;
    }
    .filters {
      flex-wrap: wrap;
      align-items: baseline;
    }
    .text {
      flex: 1 1 240px;
    }
    .date {
      width: 160px;
    }
    .timeline {
      list-style: none;
      padding: 0;
      margin: 0 0 12px;
    }
    .entry {
      margin-bottom: 10px;
    }
    .meta {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 6px;
      flex-wrap: wrap;
    }
    .comment {
      margin: 0 0 6px;
      font-style: italic;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPageComponent {
  private readonly api = inject(AuditLogsApi);
  private readonly organizations = inject(OrganizationsApi);
  private readonly perm = inject(PermissionsStore);
  readonly context = inject(ContextStore);

  readonly refTypes = AUDIT_REF_TYPES;
  readonly operationLabel = operationLabel;
  readonly orgDenied = computed(() => this.perm.iamAction());
  readonly scope = signal<Scope>('env');
  readonly members = signal<OrgMemberDto[]>([]);
  readonly entries = signal<AuditLogEntry[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly rows = computed(() =>
    this.entries().map((entry) => ({
      entry,
      subject: auditSubject(entry),
      changes: describeAuditEntry(entry),
    })),
  );
  form: AuditLogForm = { ...EMPTY_AUDIT_FORM };
  /** The filters of the listing shown, so "Load more" continues it even after the form was edited. */
  private applied: AuditLogForm = { ...EMPTY_AUDIT_FORM };
  relative = relativeTime;
  /** Who made a change no member made. */
  readonly systemLabel = $localize`System`;

  constructor() {
    effect(() => {
      const envId = this.context.envId();
      const orgId = this.context.organizationId();
      if (!envId || !orgId) return;
      untracked(() => {
        void this.load(true);
        this.organizations.members().subscribe({
          next: (page) => this.members.set(page.items),
          error: () => this.members.set([]),
        });
      });
    });
  }

  setScope(scope: Scope): void {
    this.scope.set(scope);
    void this.load(true);
  }

  search(): void {
    const problem = auditFormProblem(this.form);
    if (problem) {
      this.error.set(problem);
      return;
    }
    this.applied = { ...this.form };
    void this.load(true);
  }

  clear(): void {
    this.form = { ...EMPTY_AUDIT_FORM };
    this.search();
  }

  async load(reset: boolean): Promise<void> {
    const envId = this.context.envId();
    if (!envId) return;
    const pageIndex = reset ? 0 : Math.ceil(this.entries().length / PAGE_SIZE);
    const filter = toAuditFilter(this.applied, pageIndex, PAGE_SIZE);
    this.loading.set(true);
    try {
      const page = await firstValueFrom(
        this.scope() === 'org' ? this.api.searchOrganization(filter) : this.api.search(envId, filter),
      );
      this.entries.set(reset ? page.items : [...this.entries(), ...page.items]);
      this.total.set(page.totalCount);
      this.error.set(null);
    } catch (err) {
      this.error.set($localize`The audit log could not be loaded: ${describeError(err)}:error:`);
      if (reset) this.entries.set([]);
    } finally {
      this.loading.set(false);
    }
  }
}
