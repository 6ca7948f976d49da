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
import { type Group, IamApi } from '../../../api/iam.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { confirmAction } from '../../../ui/confirm-dialog/confirm-dialog.component';
import { GroupDialogComponent } from './group-dialog.component';

/** The organization's groups (FeatBit's Groups screen): search, create, edit, delete. */
@Component({
  selector: 'ff-groups-page',
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
        <mat-label i18n>Search groups</mat-label>
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
        data-testid="create-group"
      >
        <mat-icon>add</mat-icon> <span i18n>New group</span>
      </button>
    </div>
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The groups could not be loaded: {{ message }}</p>
    }
    <div class="ff-table-wrap">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table mat-table [dataSource]="groups()" aria-label="Groups" i18n-aria-label>
        <ng-container matColumnDef="name">
          <th i18n mat-header-cell *matHeaderCellDef>Group</th>
          <td mat-cell *matCellDef="let g">
            <a [routerLink]="g.id" [attr.data-testid]="'group-' + g.name"
              ><strong>{{ g.name }}</strong></a
            >
            <div class="ff-muted ff-small">{{ g.description }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span i18n class="cdk-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let g" class="actions">
            <button
              mat-icon-button
              type="button"
              (click)="edit(g)"
              [disabled]="!!perm.iamAction()"
              [disabledInteractive]="true"
              [attr.aria-label]="editAria(g.name)"
              [matTooltip]="perm.iamAction() ?? renameLabel"
            >
              <mat-icon>edit</mat-icon>
            </button>
            <button
              mat-icon-button
              type="button"
              (click)="remove(g)"
              [disabled]="!!perm.iamAction()"
              [disabledInteractive]="true"
              [attr.aria-label]="deleteAria(g.name)"
              [matTooltip]="perm.iamAction() ?? deleteLabel"
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
              <ng-container i18n>No groups yet.</ng-container>
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
        aria-label="Group pages"
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
export class GroupsPageComponent {
  private readonly iam = inject(IamApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  readonly perm = inject(PermissionsStore);

  readonly columns = ['name', 'actions'];
  readonly groups = signal<Group[]>([]);
  readonly total = signal(0);
  readonly pageIndex = signal(0);
  readonly pageSize = signal(20);
  readonly search = signal('');
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly renameLabel = $localize`Rename or describe`;
  readonly deleteLabel = $localize`Delete`;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const page = await firstValueFrom(
        this.iam.groups({ pageIndex: this.pageIndex(), pageSize: this.pageSize(), search: this.search() }),
      );
      this.groups.set(page.items);
      this.total.set(page.totalCount);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  editAria(name: string): string {
    return $localize`Edit ${name}:name:`;
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
    this.dialog
      .open(GroupDialogComponent, { width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((group?: Group) => {
        if (group) void this.router.navigate(['/settings/groups', group.id]);
      });
  }

  edit(group: Group): void {
    this.dialog
      .open(GroupDialogComponent, { width: '480px', maxWidth: '95vw', data: group })
      .afterClosed()
      .subscribe(() => void this.load());
  }

  remove(group: Group): void {
    confirmAction(this.dialog, {
      title: $localize`Delete “${group.name}:name:”?`,
      message: $localize`Its members lose the policies they had through it.`,
      confirmLabel: $localize`Delete group`,
      danger: true,
    })
      .pipe(switchMap((r) => (r ? this.iam.deleteGroup(group.id) : EMPTY)))
      .subscribe({
        next: () => {
          this.notifier.success($localize`Deleted “${group.name}:name:”`);
          void this.load();
        },
        error: (err: unknown) => this.notifier.error(err, $localize`Could not delete the group`),
      });
  }
}
