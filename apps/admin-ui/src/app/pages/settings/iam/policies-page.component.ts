import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { EMPTY, firstValueFrom, switchMap } from 'rxjs';
import { IamApi, isBuiltIn, type Policy } from '../../../api/iam.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { confirmAction } from '../../../ui/confirm-dialog/confirm-dialog.component';
import { PolicyDialogComponent, type PolicyDialogData } from './policy-dialog.component';

export const BUILT_IN_NOTE = $localize`Built-in policies are read-only: clone one to change it.`;

/** The organization's policies (FeatBit's Policies screen): create, clone, delete; built-ins read-only. */
@Component({
  selector: 'ff-policies-page',
  imports: [
    FormsModule,
    RouterLink,
    MatTableModule,
    MatPaginator,
    MatButton,
    MatIconButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatProgressBar,
    MatTooltip,
  ],
  template: `
    <div class="ff-toolbar">
      <mat-form-field subscriptSizing="dynamic" class="search">
        <mat-label i18n>Search policies</mat-label>
        <mat-icon matPrefix>search</mat-icon>
        <input matInput [ngModel]="search()" (ngModelChange)="searchFor($event)" />
      </mat-form-field>
      <span class="ff-spacer"></span>
      <button
        mat-flat-button
        type="button"
        (click)="create()"
        [disabled]="!!perm.iamAction()"
        [disabledInteractive]="true"
        [matTooltip]="perm.iamAction() ?? ''"
        data-testid="create-policy"
      >
        <mat-icon>add</mat-icon> <span i18n>New policy</span>
      </button>
    </div>
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The policies could not be loaded: {{ message }}</p>
    }
    <div class="ff-table-wrap">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table mat-table [dataSource]="policies()" aria-label="Policies" i18n-aria-label>
        <ng-container matColumnDef="name">
          <th i18n mat-header-cell *matHeaderCellDef>Policy</th>
          <td mat-cell *matCellDef="let p">
            <a [routerLink]="p.id" [attr.data-testid]="'policy-' + p.key"
              ><strong>{{ p.name }}</strong></a
            >
            <div class="ff-muted ff-small">{{ p.description }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="type">
          <th i18n mat-header-cell *matHeaderCellDef>Type</th>
          <td mat-cell *matCellDef="let p">
            @if (builtIn(p)) {
              <span i18n class="ff-badge" [matTooltip]="builtInNote">Built-in · read-only</span>
            } @else {
              <span i18n class="ff-badge ff-badge-on">Custom</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span i18n class="cdk-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let p" class="actions">
            <button
              mat-icon-button
              type="button"
              (click)="clone(p)"
              [disabled]="!!perm.iamAction()"
              [disabledInteractive]="true"
              [attr.aria-label]="cloneAria(p.name)"
              [matTooltip]="perm.iamAction() ?? cloneLabel"
              [attr.data-testid]="'clone-policy-' + p.key"
            >
              <mat-icon>content_copy</mat-icon>
            </button>
            <button
              mat-icon-button
              type="button"
              (click)="remove(p)"
              [disabled]="builtIn(p) || !!perm.iamAction()"
              [disabledInteractive]="true"
              [attr.aria-label]="deleteAria(p.name)"
              [matTooltip]="builtIn(p) ? builtInNote : (perm.iamAction() ?? deleteLabel)"
            >
              <mat-icon>delete</mat-icon>
            </button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-row" *matNoDataRow>
          <td class="ff-empty" [attr.colspan]="columns.length">
            @if (loading()) {
              <ng-container i18n>Loading…</ng-container>
            } @else {
              <ng-container i18n>No policy matches.</ng-container>
            }
          </td>
        </tr>
      </table>
      <mat-paginator
        [length]="total()"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizeOptions]="[10, 20, 50]"
        (page)="page($event)"
        aria-label="Policy pages"
        i18n-aria-label
      />
    </div>
  `,
  styles: `
    .search {
      width: 320px;
    }
    .actions {
      text-align: right;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PoliciesPageComponent {
  private readonly iam = inject(IamApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  readonly perm = inject(PermissionsStore);

  readonly columns = ['name', 'type', 'actions'];
  readonly policies = signal<Policy[]>([]);
  readonly total = signal(0);
  readonly pageIndex = signal(0);
  readonly pageSize = signal(20);
  readonly search = signal('');
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly builtInNote = BUILT_IN_NOTE;
  readonly cloneLabel = $localize`Clone`;
  readonly deleteLabel = $localize`Delete`;
  builtIn = isBuiltIn;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await firstValueFrom(
        this.iam.policies({ pageIndex: this.pageIndex(), pageSize: this.pageSize(), search: this.search() }),
      );
      this.policies.set(page.items);
      this.total.set(page.totalCount);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  cloneAria(name: string): string {
    return $localize`Clone ${name}:name:`;
  }

  deleteAria(name: string): string {
    return $localize`Delete ${name}:name:`;
  }

  searchFor(text: string): void {
    this.search.set(text);
    this.pageIndex.set(0);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.load(), 250);
  }

  page(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    void this.load();
  }

  create(): void {
    this.open({});
  }

  clone(policy: Policy): void {
    this.open({ from: policy });
  }

  remove(policy: Policy): void {
    confirmAction(this.dialog, {
      title: $localize`Delete “${policy.name}:name:”?`,
      message: $localize`Members and groups it is attached to lose what it grants.`,
      confirmLabel: $localize`Delete policy`,
      danger: true,
    })
      .pipe(switchMap((r) => (r ? this.iam.deletePolicy(policy.id) : EMPTY)))
      .subscribe({
        next: () => {
          this.notifier.success($localize`Deleted “${policy.name}:name:”`);
          void this.load();
        },
        error: (err: unknown) => this.notifier.error(err, $localize`Could not delete the policy`),
      });
  }

  private open(data: PolicyDialogData): void {
    this.dialog
      .open(PolicyDialogComponent, { width: '480px', maxWidth: '95vw', data })
      .afterClosed()
      .subscribe((policy?: Policy) => {
        if (policy) void this.router.navigate(['/settings/policies', policy.id]);
      });
  }
}
