import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { EMPTY, firstValueFrom, switchMap } from 'rxjs';
import { AccessTokensApi } from '../../../api/access-tokens.api';
import type { AccessTokenItem } from '../../../api/api.models';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { relativeTime } from '../../../shared/relative-time';
import { confirmAction } from '../../../ui/confirm-dialog/confirm-dialog.component';
import { CreateTokenDialogComponent } from './create-token-dialog.component';

/** API access tokens for automation (`Authorization: <token>` on the management API). */
@Component({
  selector: 'ff-access-tokens-page',
  imports: [DatePipe, MatTableModule, MatButton, MatIconButton, MatIcon, MatProgressBar, MatTooltip],
  template: `
    <div class="ff-toolbar">
      <p i18n class="ff-muted intro">
        Tokens authenticate scripts and CI against the management API. Personal tokens act with your
        permissions.
      </p>
      <span class="ff-spacer"></span>
      <button
        mat-flat-button
        type="button"
        (click)="create()"
        [disabled]="!!createDenied()"
        [disabledInteractive]="true"
        [matTooltip]="createDenied() ?? ''"
        data-testid="create-token"
      >
        <mat-icon>add</mat-icon> <span i18n>New token</span>
      </button>
    </div>
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The tokens could not be loaded: {{ message }}</p>
    }
    <div class="ff-table-wrap">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table mat-table [dataSource]="tokens()" aria-label="Access tokens" i18n-aria-label>
        <ng-container matColumnDef="name">
          <th i18n mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let t">
            <strong>{{ t.name }}</strong>
            <div class="ff-muted ff-small mono">{{ masked(t) }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="type">
          <th i18n mat-header-cell *matHeaderCellDef>Type</th>
          <td mat-cell *matCellDef="let t">{{ typeLabel(t.type) }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let t">
            <span class="ff-badge" [class.ff-badge-on]="t.status === 'Active'">{{
              statusLabel(t.status)
            }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="lastUsed">
          <th i18n mat-header-cell *matHeaderCellDef>Last used</th>
          <td mat-cell *matCellDef="let t">
            <span [matTooltip]="t.lastUsedAt ? ((t.lastUsedAt | date: 'medium') ?? '') : ''">{{
              t.lastUsedAt ? relative(t.lastUsedAt) : neverLabel
            }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span i18n class="cdk-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let t" class="actions">
            <button
              mat-button
              type="button"
              (click)="toggle(t)"
              [disabled]="!!manageDenied(t)"
              [disabledInteractive]="true"
              [matTooltip]="manageDenied(t) ?? ''"
              [attr.data-testid]="'token-toggle-' + t.name"
            >
              @if (t.status === 'Active') {
                <ng-container i18n>Deactivate</ng-container>
              } @else {
                <ng-container i18n>Activate</ng-container>
              }
            </button>
            <button
              mat-icon-button
              type="button"
              (click)="remove(t)"
              [disabled]="!!manageDenied(t)"
              [disabledInteractive]="true"
              [attr.aria-label]="deleteAria(t.name)"
              [matTooltip]="manageDenied(t) ?? deleteLabel"
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
              <ng-container i18n>No access tokens yet.</ng-container>
            }
          </td>
        </tr>
      </table>
    </div>
  `,
  styles: `
    .intro {
      margin: 0;
    }
    .actions {
      text-align: right;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessTokensPageComponent {
  private readonly api = inject(AccessTokensApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly columns = ['name', 'type', 'status', 'lastUsed', 'actions'];
  readonly tokens = signal<AccessTokenItem[]>([]);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  relative = relativeTime;
  readonly neverLabel = $localize`never`;
  readonly deleteLabel = $localize`Delete`;
  private readonly perm = inject(PermissionsStore);
  /** A token of either type may be created: only when neither is allowed is the button disabled. */
  readonly createDenied = computed(
    () =>
      this.perm.accessTokens('ManagePersonalAccessTokens') &&
      this.perm.accessTokens('ManageServiceAccessTokens'),
  );

  deleteAria(name: string): string {
    return $localize`Delete ${name}:name:`;
  }

  typeLabel(type: AccessTokenItem['type']): string {
    return type === 'Service' ? $localize`Service` : $localize`Personal`;
  }

  statusLabel(status: AccessTokenItem['status']): string {
    return status === 'Active' ? $localize`Active` : $localize`Inactive`;
  }

  manageDenied(token: AccessTokenItem): string | null {
    return this.perm.accessTokens(
      token.type === 'Service' ? 'ManageServiceAccessTokens' : 'ManagePersonalAccessTokens',
    );
  }

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.tokens.set((await firstValueFrom(this.api.list({ pageIndex: 0, pageSize: 100 }))).items);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  masked(token: AccessTokenItem): string {
    // The list carries a masked token; only the create response has the whole value.
    return token.token;
  }

  create(): void {
    this.dialog
      .open(CreateTokenDialogComponent, { width: '560px', maxWidth: '95vw', disableClose: true })
      .afterClosed()
      .subscribe(() => void this.load());
  }

  toggle(token: AccessTokenItem): void {
    const activate = token.status !== 'Active';
    this.api.toggle(token.id).subscribe({
      next: () => {
        this.notifier.success(
          activate
            ? $localize`Activated “${token.name}:name:”`
            : $localize`Deactivated “${token.name}:name:”`,
        );
        void this.load();
      },
      error: (err: unknown) => this.notifier.error(err, $localize`Could not change the token`),
    });
  }

  remove(token: AccessTokenItem): void {
    confirmAction(this.dialog, {
      title: $localize`Delete “${token.name}:name:”?`,
      message: $localize`Scripts using this token stop working at once.`,
      confirmLabel: $localize`Delete token`,
      danger: true,
    })
      .pipe(switchMap((r) => (r ? this.api.remove(token.id) : EMPTY)))
      .subscribe({
        next: () => {
          this.notifier.success($localize`Deleted “${token.name}:name:”`);
          void this.load();
        },
        error: (err: unknown) => this.notifier.error(err, $localize`Could not delete the token`),
      });
  }
}
