import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { EMPTY, firstValueFrom, switchMap } from 'rxjs';
import { type RelayProxy, RelayProxiesApi } from '../../../api/relay-proxies.api';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { RN } from '../../../shared/permissions';
import { relativeTime } from '../../../shared/relative-time';
import { confirmAction } from '../../../ui/confirm-dialog/confirm-dialog.component';
import { RelayProxyDialogComponent, type RelayProxyDialogData } from './relay-proxy-dialog.component';
import { agentCounts, servesText } from './relay-proxy-view';

/** The organization's relay proxies (FeatBit's Relay Proxies page): list, add, edit, delete. */
@Component({
  selector: 'ff-relay-proxies-page',
  imports: [DatePipe, MatTableModule, MatButton, MatIconButton, MatIcon, MatProgressBar, MatTooltip],
  template: `
    <div class="ff-toolbar">
      <p i18n class="ff-muted intro">
        A relay proxy runs next to your apps, keeps the flags of its environments in sync and serves SDKs
        locally.
      </p>
      <span class="ff-spacer"></span>
      <button
        mat-flat-button
        type="button"
        (click)="edit(null)"
        [disabled]="!!denied()"
        [disabledInteractive]="true"
        [matTooltip]="denied() ?? ''"
        data-testid="create-relay-proxy"
      >
        <mat-icon>add</mat-icon> <span i18n>New relay proxy</span>
      </button>
    </div>
    @if (denied(); as reason) {
      <p class="ff-muted ff-small" data-testid="relay-proxy-denied">{{ reason }}</p>
    }
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The relay proxies could not be loaded: {{ message }}</p>
    }
    <div class="ff-table-wrap">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table mat-table [dataSource]="proxies()" aria-label="Relay proxies" i18n-aria-label>
        <ng-container matColumnDef="name">
          <th i18n mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let p">
            <strong>{{ p.name }}</strong>
          </td>
        </ng-container>
        <ng-container matColumnDef="serves">
          <th i18n mat-header-cell *matHeaderCellDef>Serves</th>
          <td mat-cell *matCellDef="let p" [attr.data-testid]="'relay-proxy-serves-' + p.name">
            @if (p.isAllEnvs) {
              <span i18n>All environments</span>
            } @else {
              <span [matTooltip]="serves(p)" i18n>{p.serves.length, plural,
                =1 {1 environment}
                other {{{ p.serves.length }} environments}
              }</span>
              <div class="ff-muted ff-small">{{ serves(p) }}</div>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="agents">
          <th i18n mat-header-cell *matHeaderCellDef>Agents</th>
          <td mat-cell *matCellDef="let p" [attr.data-testid]="'relay-proxy-agents-' + p.name">
            @let n = counts(p);
            <span i18n>{{ n.total }} in total</span>
            <div class="ff-muted ff-small" i18n>{{ n.auto }} auto · {{ n.manual }} manual</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="description">
          <th i18n mat-header-cell *matHeaderCellDef>Description</th>
          <td mat-cell *matCellDef="let p" class="ff-small description">{{ p.description }}</td>
        </ng-container>
        <ng-container matColumnDef="updated">
          <th i18n mat-header-cell *matHeaderCellDef>Updated</th>
          <td
            mat-cell
            *matCellDef="let p"
            class="ff-small"
            [matTooltip]="(p.updatedAt | date: 'medium') ?? ''"
          >
            {{ relative(p.updatedAt) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span i18n class="cdk-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let p" class="actions">
            <button
              mat-icon-button
              type="button"
              (click)="edit(p)"
              [attr.aria-label]="editAria(p.name)"
              [matTooltip]="editAria(p.name)"
              [attr.data-testid]="'relay-proxy-edit-' + p.name"
            >
              <mat-icon>edit</mat-icon>
            </button>
            <button
              mat-icon-button
              type="button"
              (click)="remove(p)"
              [disabled]="!!denied()"
              [disabledInteractive]="true"
              [attr.aria-label]="deleteAria(p.name)"
              [matTooltip]="denied() ?? deleteAria(p.name)"
              [attr.data-testid]="'relay-proxy-delete-' + p.name"
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
              <ng-container i18n>No relay proxies yet.</ng-container>
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
    .description {
      max-width: 280px;
    }
    .actions {
      text-align: right;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RelayProxiesPageComponent {
  private readonly api = inject(RelayProxiesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly perm = inject(PermissionsStore);
  readonly denied = computed(() => this.perm.denied('ManageRelayProxies', RN.relayProxy(), 'relay-proxy'));

  readonly columns = ['name', 'serves', 'agents', 'description', 'updated', 'actions'];
  readonly proxies = signal<RelayProxy[]>([]);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly relative = relativeTime;
  readonly counts = agentCounts;

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.proxies.set((await firstValueFrom(this.api.list())).items);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  serves(proxy: RelayProxy): string {
    return servesText(proxy.serves);
  }

  editAria(name: string): string {
    return $localize`Edit ${name}:name:`;
  }

  deleteAria(name: string): string {
    return $localize`Delete ${name}:name:`;
  }

  edit(proxy: RelayProxy | null): void {
    const data: RelayProxyDialogData = { proxy, denied: this.denied() };
    this.dialog
      .open(RelayProxyDialogComponent, { width: '760px', maxWidth: '95vw', data, disableClose: true })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) void this.load();
      });
  }

  remove(proxy: RelayProxy): void {
    confirmAction(this.dialog, {
      title: $localize`Delete “${proxy.name}:name:”?`,
      message: $localize`Its key stops working at once and its agents are disconnected.`,
      confirmLabel: $localize`Delete relay proxy`,
      danger: true,
    })
      .pipe(switchMap((r) => (r ? this.api.remove(proxy.id) : EMPTY)))
      .subscribe({
        next: () => {
          this.notifier.success($localize`Deleted “${proxy.name}:name:”`);
          void this.load();
        },
        error: (err: unknown) => this.notifier.error(err, $localize`Could not delete the relay proxy`),
      });
  }
}
