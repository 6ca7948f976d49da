import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { EMPTY, firstValueFrom, switchMap } from 'rxjs';
import { TenancyApi } from '../../../api/tenancy.api';
import { deliveryField, type Webhook, WebhooksApi } from '../../../api/webhooks.api';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { PermissionsStore } from '../../../core/auth/permissions.store';
import { relativeTime } from '../../../shared/relative-time';
import { confirmAction } from '../../../ui/confirm-dialog/confirm-dialog.component';
import { WebhookDialogComponent } from './webhook-dialog.component';
import { WebhookLogsDialogComponent } from './webhook-logs-dialog.component';

/** The organization's webhooks (FeatBit's Integrations › Webhooks), with test send and delivery log. */
@Component({
  selector: 'ff-webhooks-page',
  imports: [DatePipe, MatTableModule, MatButton, MatIconButton, MatIcon, MatProgressBar, MatTooltip],
  template: `
    <div class="ff-toolbar">
      <p i18n class="ff-muted intro">
        Webhooks tell other systems when flags and segments change: signed POST requests, retried with
        backoff, every attempt logged.
      </p>
      <span class="ff-spacer"></span>
      <button
        mat-flat-button
        type="button"
        (click)="edit(null)"
        [disabled]="!!denied()"
        [disabledInteractive]="true"
        [matTooltip]="denied() ?? ''"
        data-testid="create-webhook"
      >
        <mat-icon>add</mat-icon> <span i18n>New webhook</span>
      </button>
    </div>
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The webhooks could not be loaded: {{ message }}</p>
    }
    <div class="ff-table-wrap">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table mat-table [dataSource]="hooks()" aria-label="Webhooks" i18n-aria-label>
        <ng-container matColumnDef="name">
          <th i18n mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let h">
            <strong>{{ h.name }}</strong>
            <div class="ff-muted ff-small url">{{ h.url }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let h" [attr.data-testid]="'webhook-status-' + h.name">
            @if (h.disabledReason) {
              <span i18n class="ff-badge disabled" [matTooltip]="h.disabledReason">Disabled</span>
              <div class="ff-small reason">{{ h.disabledReason }}</div>
            } @else {
              <span class="ff-badge" [class.ff-badge-on]="h.isActive">
                @if (h.isActive) {
                  <ng-container i18n>Active</ng-container>
                } @else {
                  <ng-container i18n>Inactive</ng-container>
                }
              </span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="scopes">
          <th i18n mat-header-cell *matHeaderCellDef>Environments</th>
          <td mat-cell *matCellDef="let h" class="ff-small">{{ scopeNames(h) }}</td>
        </ng-container>
        <ng-container matColumnDef="events">
          <th i18n mat-header-cell *matHeaderCellDef>Events</th>
          <td mat-cell *matCellDef="let h" class="ff-small">
            @for (e of h.events; track e) {
              <div>{{ e }}</div>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="lastDelivery">
          <th i18n mat-header-cell *matHeaderCellDef>Last delivery</th>
          <td mat-cell *matCellDef="let h">
            @if (h.lastDelivery; as d) {
              <span
                class="ff-badge"
                [class.ff-badge-on]="d.success"
                [matTooltip]="(d.happenedAt | date: 'medium') ?? ''"
              >
                @if (d.success) {
                  <ng-container i18n>Succeeded</ng-container>
                } @else {
                  <ng-container i18n>Failed</ng-container>
                }
                {{ d.response ? ' · ' + d.response.statusCode : '' }}
              </span>
              <div class="ff-muted ff-small">{{ relative(d.happenedAt) }}</div>
            } @else {
              <span i18n class="ff-muted">Never triggered</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span i18n class="cdk-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let h" class="actions">
            <button
              i18n
              mat-button
              type="button"
              (click)="sendTest(h)"
              [disabled]="!!denied()"
              [disabledInteractive]="true"
              [matTooltip]="denied() ?? ''"
              [attr.data-testid]="'webhook-test-' + h.name"
            >
              Send test
            </button>
            <button
              i18n
              mat-button
              type="button"
              (click)="logs(h)"
              [attr.data-testid]="'webhook-logs-' + h.name"
            >
              View logs
            </button>
            <button
              mat-icon-button
              type="button"
              (click)="edit(h)"
              [disabled]="!!denied()"
              [disabledInteractive]="true"
              [attr.aria-label]="editAria(h.name)"
              [matTooltip]="denied() ?? editLabel"
            >
              <mat-icon>edit</mat-icon>
            </button>
            <button
              mat-icon-button
              type="button"
              (click)="remove(h)"
              [disabled]="!!denied()"
              [disabledInteractive]="true"
              [attr.aria-label]="deleteAria(h.name)"
              [matTooltip]="denied() ?? deleteLabel"
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
              <ng-container i18n>No webhooks yet.</ng-container>
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
    .url {
      word-break: break-all;
    }
    .disabled {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .reason {
      max-width: 260px;
      color: var(--mat-sys-error);
    }
    .actions {
      text-align: right;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksPageComponent {
  private readonly api = inject(WebhooksApi);
  private readonly tenancy = inject(TenancyApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly perm = inject(PermissionsStore);
  readonly denied = computed(() => this.perm.organization('ManageWebhooks'));

  readonly columns = ['name', 'status', 'scopes', 'events', 'lastDelivery', 'actions'];
  readonly hooks = signal<Webhook[]>([]);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  private readonly names = signal(new Map<string, string>());
  relative = relativeTime;
  readonly editLabel = $localize`Edit`;
  readonly deleteLabel = $localize`Delete`;

  constructor() {
    void this.load();
    this.tenancy.projects().subscribe((projects) => {
      const names = new Map<string, string>();
      for (const p of projects ?? []) {
        for (const e of p.environments) names.set(`${p.id}/${e.id}`, `${p.name} / ${e.name}`);
      }
      this.names.set(names);
    });
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.hooks.set((await firstValueFrom(this.api.list())).items);
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

  scopeNames(hook: Webhook): string {
    return hook.scopes
      .flatMap((scope) => {
        const [projectId, envs = ''] = scope.split('/');
        return envs.split(',').map((envId) => this.names().get(`${projectId}/${envId}`) ?? envId);
      })
      .join(', ');
  }

  edit(hook: Webhook | null): void {
    this.dialog
      .open(WebhookDialogComponent, { width: '640px', maxWidth: '95vw', data: hook, disableClose: true })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) void this.load();
      });
  }

  logs(hook: Webhook): void {
    this.dialog.open(WebhookLogsDialogComponent, { width: '820px', maxWidth: '95vw', data: hook });
  }

  sendTest(hook: Webhook): void {
    this.api
      .send({
        id: hook.id,
        url: hook.url,
        headers: hook.headers,
        events: hook.events,
        payloadTemplateType: hook.payloadTemplateType,
        payloadTemplate: hook.payloadTemplate,
        preventEmptyPayloads: hook.preventEmptyPayloads,
      })
      .subscribe({
        next: (d) => {
          const status = deliveryField(d.response, 'statusCode');
          if (d.success)
            this.notifier.success($localize`Test delivered to “${hook.name}:name:” (HTTP ${status}:status:)`);
          else
            this.notifier.error(
              new Error(deliveryField(d.error, 'message') || $localize`failed`),
              $localize`Test to “${hook.name}:name:” failed`,
            );
        },
        error: (err: unknown) => this.notifier.error(err, $localize`Could not send the test`),
      });
  }

  remove(hook: Webhook): void {
    confirmAction(this.dialog, {
      title: $localize`Delete “${hook.name}:name:”?`,
      message: $localize`It stops receiving events at once; its delivery log is no longer shown.`,
      confirmLabel: $localize`Delete webhook`,
      danger: true,
    })
      .pipe(switchMap((r) => (r ? this.api.remove(hook.id) : EMPTY)))
      .subscribe({
        next: () => {
          this.notifier.success($localize`Deleted “${hook.name}:name:”`);
          void this.load();
        },
        error: (err: unknown) => this.notifier.error(err, $localize`Could not delete the webhook`),
      });
  }
}
