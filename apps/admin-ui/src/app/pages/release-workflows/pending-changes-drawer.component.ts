import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import type { PendingChangeDto } from '../../api/generated/models';
import { ReleaseWorkflowsApi } from '../../api/release-workflows.api';
import { ContextStore } from '../../core/context/context.store';
import { describeError } from '../../core/feedback/error-messages';
import {
  type PendingAction,
  PendingChangeCardComponent,
} from '../../ui/pending-change-card/pending-change-card.component';
import { ChangeProposals } from './change-proposals.service';
import { PendingChangeActions } from './pending-change-actions.service';

export interface PendingChangesDrawerData {
  flagKey: string;
  flagName: string;
}

/** A right-anchored, full-height dialog (the console's drawers, styles.scss `.ff-drawer-panel`). */
export const pendingDrawerConfig = {
  position: { right: '0', top: '0' },
  height: '100vh',
  width: '640px',
  maxWidth: '100vw',
  maxHeight: '100vh',
  panelClass: 'ff-drawer-panel',
  autoFocus: 'first-tabbable',
  enterAnimationDuration: '150ms',
} as const;

/**
 * A flag's schedules and change requests (FeatBit's pending-changes drawer). Closes with true when
 * something was applied or removed, so the flag page reloads.
 */
@Component({
  selector: 'ff-pending-changes-drawer',
  imports: [
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatButton,
    MatIconButton,
    MatIcon,
    MatProgressBar,
    PendingChangeCardComponent,
  ],
  template: `
    <div class="ff-drawer" data-testid="pending-drawer">
      <h2 mat-dialog-title class="title">
        <span i18n>Pending changes · {{ data.flagName }}</span>
        <button mat-icon-button type="button" aria-label="Close" i18n-aria-label (click)="close()">
          <mat-icon>close</mat-icon>
        </button>
      </h2>
      <mat-dialog-content>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (error(); as message) {
          <p role="alert" class="ff-error-text">{{ message }}</p>
        }
        @for (change of changes(); track change.id) {
          <ff-pending-change-card
            [change]="change"
            [memberId]="proposals.memberId()"
            [busy]="busy()"
            (act)="act(change, $event)"
          />
        } @empty {
          @if (!loading()) {
            <p i18n class="ff-muted" data-testid="pending-empty">
              Nothing is scheduled or waiting for review.
            </p>
          }
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" (click)="load()">Refresh</button>
        <button i18n mat-flat-button type="button" (click)="close()">Close</button>
      </mat-dialog-actions>
    </div>
  `,
  styles: `
    .title {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PendingChangesDrawerComponent {
  readonly data = inject<PendingChangesDrawerData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<PendingChangesDrawerComponent, boolean>>(MatDialogRef);
  private readonly api = inject(ReleaseWorkflowsApi);
  private readonly context = inject(ContextStore);
  private readonly actions = inject(PendingChangeActions);
  readonly proposals = inject(ChangeProposals);

  readonly changes = signal<PendingChangeDto[]>([]);
  readonly loading = signal(false);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  private changed = false;

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.changes.set(
        await firstValueFrom(this.api.pendingChanges(this.context.envId() ?? '', this.data.flagKey)),
      );
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  async act(change: PendingChangeDto, action: PendingAction): Promise<void> {
    this.busy.set(true);
    try {
      if (await firstValueFrom(this.actions.run(change, action))) {
        this.changed = true;
        await this.load();
      }
    } finally {
      this.busy.set(false);
    }
  }

  close(): void {
    this.ref.close(this.changed);
  }
}
