import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTooltip } from '@angular/material/tooltip';
import { filter, firstValueFrom } from 'rxjs';
import { describeError } from '../../../../core/feedback/error-messages';
import { Notifier } from '../../../../core/feedback/notifier.service';
import { relativeTime } from '../../../../shared/relative-time';
import { confirmAction } from '../../../../ui/confirm-dialog/confirm-dialog.component';
import { FlagDetailStore } from '../flag-detail.store';
import { TriggerDialogComponent, type TriggerDialogData } from './trigger-dialog.component';
import { type FlagTrigger, TriggersApi } from './triggers.api';

/** The flag's triggers: secret URLs a monitoring tool calls to turn the flag on or off. */
@Component({
  selector: 'ff-flag-triggers-page',
  imports: [MatButton, MatIconButton, MatIcon, MatSlideToggle, MatTooltip],
  template: `
    <div class="ff-toolbar">
      <p i18n class="ff-muted intro">
        A trigger is a secret URL that turns this flag on or off when called, for example by an alert. Its URL
        is shown once, when it is created or reset.
      </p>
      <span class="ff-spacer"></span>
      <button mat-flat-button type="button" (click)="create()" data-testid="trigger-new">
        <mat-icon>add</mat-icon> <ng-container i18n>New trigger</ng-container>
      </button>
    </div>
    @if (error(); as message) {
      <p i18n class="ff-error-text" role="alert">The triggers could not be loaded: {{ message }}</p>
    }
    <div class="ff-table-wrap">
      <table aria-label="Triggers of the flag" i18n-aria-label data-testid="triggers">
        <thead>
          <tr>
            <th i18n>Action</th>
            <th i18n>Description</th>
            <th i18n>Enabled</th>
            <th i18n class="num">Times triggered</th>
            <th i18n>Last triggered</th>
            <th i18n>URL</th>
            <th><span i18n class="cdk-visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (t of triggers(); track t.id) {
            <tr data-testid="trigger-row">
              <td>
                <span class="ff-badge" [class.ff-badge-on]="t.action === 'turn-on'">
                  @if (t.action === 'turn-on') {
                    <ng-container i18n>Turn on</ng-container>
                  } @else {
                    <ng-container i18n>Turn off</ng-container>
                  }
                </span>
              </td>
              <td>{{ t.description || '—' }}</td>
              <td>
                <mat-slide-toggle
                  [checked]="t.isEnabled"
                  (change)="setEnabled(t, $event.checked)"
                  [attr.aria-label]="t.isEnabled ? disableLabel : enableLabel"
                  data-testid="trigger-enabled"
                />
              </td>
              <td class="num" data-testid="trigger-times">{{ t.triggeredTimes }}</td>
              <td [title]="t.lastTriggeredAt ?? ''" data-testid="trigger-last">
                {{ when(t.lastTriggeredAt) }}
              </td>
              <td class="mono">{{ '…/run/' + t.token }}</td>
              <td class="actions">
                <button
                  mat-icon-button
                  type="button"
                  matTooltip="Reset the URL"
                  i18n-matTooltip
                  aria-label="Reset the URL"
                  i18n-aria-label
                  (click)="reset(t)"
                  data-testid="trigger-reset"
                >
                  <mat-icon>autorenew</mat-icon>
                </button>
                <button
                  mat-icon-button
                  type="button"
                  matTooltip="Delete"
                  i18n-matTooltip
                  aria-label="Delete the trigger"
                  i18n-aria-label
                  (click)="remove(t)"
                  data-testid="trigger-delete"
                >
                  <mat-icon>delete</mat-icon>
                </button>
              </td>
            </tr>
          } @empty {
            <tr>
              <td class="ff-empty" colspan="7">
                @if (loading()) {
                  <ng-container i18n>Loading…</ng-container>
                } @else {
                  <ng-container i18n>This flag has no trigger yet.</ng-container>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .intro {
      margin: 0;
      max-width: 720px;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 8px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th {
      font: var(--mat-sys-title-small);
    }
    .num {
      text-align: right;
    }
    .mono {
      font-family: monospace;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagTriggersPageComponent {
  private readonly store = inject(FlagDetailStore);
  private readonly api = inject(TriggersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly triggers = signal<FlagTrigger[]>([]);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly enableLabel = $localize`Enable the trigger`;
  readonly disableLabel = $localize`Disable the trigger`;

  constructor() {
    effect(() => {
      const flag = this.store.flag();
      if (flag) untracked(() => void this.load());
    });
  }

  when(iso: string | null): string {
    return iso ? relativeTime(iso) : $localize`Never`;
  }

  async load(): Promise<void> {
    const flag = this.store.flag();
    if (!flag) return;
    this.loading.set(true);
    try {
      this.triggers.set(await firstValueFrom(this.api.list(flag.id)));
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  create(): void {
    const flag = this.store.flag();
    if (flag) this.openDialog({ flagId: flag.id });
  }

  async setEnabled(trigger: FlagTrigger, isEnabled: boolean): Promise<void> {
    await this.run(
      this.api.update(trigger.id, { isEnabled }),
      isEnabled ? $localize`Trigger enabled` : $localize`Trigger disabled`,
    );
  }

  reset(trigger: FlagTrigger): void {
    confirmAction(this.dialog, {
      title: $localize`Reset the trigger URL?`,
      message: $localize`The current URL stops working at once; tools that call it must be given the new one.`,
      confirmLabel: $localize`Reset`,
      danger: true,
    })
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.api.resetToken(trigger.id).subscribe({
          next: (token) => this.openDialog({ flagId: trigger.targetId, token }),
          error: (err: unknown) => this.notifier.error(err, $localize`Reset failed`),
        });
      });
  }

  remove(trigger: FlagTrigger): void {
    confirmAction(this.dialog, {
      title: $localize`Delete the trigger?`,
      message: `${$localize`Its URL stops working at once.`}${trigger.description ? `\n${trigger.description}` : ''}`,
      confirmLabel: $localize`Delete`,
      danger: true,
    })
      .pipe(filter(Boolean))
      .subscribe(() => void this.run(this.api.delete(trigger.id), $localize`Trigger deleted`));
  }

  private openDialog(data: TriggerDialogData): void {
    this.dialog
      .open<TriggerDialogComponent, TriggerDialogData, boolean>(TriggerDialogComponent, {
        data,
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe(() => void this.load());
  }

  private async run(call: ReturnType<TriggersApi['delete']>, done: string): Promise<void> {
    try {
      await firstValueFrom(call);
      this.notifier.success(done);
    } catch (err) {
      this.notifier.error(err, $localize`The trigger could not be changed`);
    }
    await this.load();
  }
}
