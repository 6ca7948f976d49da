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
import { RouterLink } from '@angular/router';
import { EMPTY, firstValueFrom, switchMap } from 'rxjs';
import { IamApi, type Member } from '../../../api/iam.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { confirmAction } from '../../../ui/confirm-dialog/confirm-dialog.component';
import { AddMemberDialogComponent } from './add-member-dialog.component';

/** The organization's members (FeatBit's Team screen): search, paging, add by e-mail, remove. */
@Component({
  selector: 'ff-team-page',
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
        <mat-label i18n>Search by name or e-mail</mat-label>
        <mat-icon matPrefix>search</mat-icon>
        <input
          matInput
          [ngModel]="search()"
          (ngModelChange)="searchFor($event)"
          data-testid="member-search"
        />
      </mat-form-field>
      <span class="ff-spacer"></span>
      <button
        mat-flat-button
        type="button"
        (click)="add()"
        [disabled]="!!perm.iamAction()"
        [disabledInteractive]="true"
        [matTooltip]="perm.iamAction() ?? ''"
        data-testid="add-member"
      >
        <mat-icon>person_add</mat-icon> <span i18n>Add member</span>
      </button>
    </div>
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The members could not be loaded: {{ message }}</p>
    }
    <div class="ff-table-wrap">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table mat-table [dataSource]="members()" aria-label="Members" i18n-aria-label>
        <ng-container matColumnDef="name">
          <th i18n mat-header-cell *matHeaderCellDef>Member</th>
          <td mat-cell *matCellDef="let m">
            <a [routerLink]="m.id" [attr.data-testid]="'member-' + m.email">
              <strong>{{ m.name || m.email }}</strong>
            </a>
            <div class="ff-muted ff-small">{{ m.email }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="groups">
          <th i18n mat-header-cell *matHeaderCellDef>Groups</th>
          <td mat-cell *matCellDef="let m">{{ groupNames(m) }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span i18n class="cdk-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let m" class="actions">
            <button
              mat-icon-button
              type="button"
              (click)="remove(m)"
              [disabled]="!!perm.iamAction()"
              [disabledInteractive]="true"
              [attr.aria-label]="removeAria(m.email)"
              [matTooltip]="perm.iamAction() ?? removeLabel"
              [attr.data-testid]="'remove-member-' + m.email"
            >
              <mat-icon>person_remove</mat-icon>
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
              <ng-container i18n>No member matches.</ng-container>
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
        aria-label="Member pages"
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
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamPageComponent {
  private readonly iam = inject(IamApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  readonly perm = inject(PermissionsStore);

  readonly columns = ['name', 'groups', 'actions'];
  readonly members = signal<Member[]>([]);
  readonly total = signal(0);
  readonly pageIndex = signal(0);
  readonly pageSize = signal(20);
  readonly search = signal('');
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly removeLabel = $localize`Remove from the organization`;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await firstValueFrom(
        this.iam.members({ pageIndex: this.pageIndex(), pageSize: this.pageSize(), search: this.search() }),
      );
      this.members.set(page.items);
      this.total.set(page.totalCount);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  removeAria(email: string): string {
    return $localize`Remove ${email}:email:`;
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

  groupNames(member: Member): string {
    return member.groups.map((g) => g.name).join(', ') || '—';
  }

  add(): void {
    this.dialog
      .open(AddMemberDialogComponent, { width: '520px', maxWidth: '95vw', disableClose: true })
      .afterClosed()
      .subscribe(() => void this.load());
  }

  remove(member: Member): void {
    confirmAction(this.dialog, {
      title: $localize`Remove ${member.email}:email:?`,
      message: $localize`They lose access to this organization at once; their account stays.`,
      confirmLabel: $localize`Remove member`,
      danger: true,
    })
      .pipe(switchMap((r) => (r ? this.iam.removeMember(member.id) : EMPTY)))
      .subscribe({
        next: () => {
          this.notifier.success($localize`Removed ${member.email}:email:`);
          void this.load();
        },
        error: (err: unknown) => this.notifier.error(err, $localize`Could not remove the member`),
      });
  }
}
