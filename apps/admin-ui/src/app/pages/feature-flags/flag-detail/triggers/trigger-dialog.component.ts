import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { describeError } from '../../../../core/feedback/error-messages';
import { CopyButtonComponent } from '../../../../ui/copy-button/copy-button.component';
import { triggerUrl, TriggersApi } from './triggers.api';

export interface TriggerDialogData {
  flagId: string;
  /** A token just made by a reset: the dialog only shows its URL. */
  token?: string;
}

const DESCRIPTION_MAX = 1024;

/**
 * Creates a trigger, then shows its URL: the only time it can be read, since only a hash is kept.
 * Closes with true once a trigger was created (the list reloads).
 */
@Component({
  selector: 'ff-trigger-dialog',
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatIcon,
    CopyButtonComponent,
  ],
  template: `
    @if (url(); as link) {
      <h2 i18n mat-dialog-title>Trigger URL</h2>
      <mat-dialog-content>
        <p class="notice" role="status">
          <mat-icon inline>warning</mat-icon>
          <ng-container i18n
            >Copy this URL now: it is shown only once. Anyone who has it can run the trigger.</ng-container
          >
        </p>
        <div class="url">
          <code data-testid="trigger-url">{{ link }}</code>
          <ff-copy-button [value]="link" what="trigger URL" i18n-what />
        </div>
        <p i18n class="ff-muted">
          Call it with <code>{{ method }}</code>, no other credential, e.g. <code>{{ curlSample }}</code>.
        </p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-flat-button type="button" (click)="ref.close(true)" data-testid="trigger-url-done">
          Done
        </button>
      </mat-dialog-actions>
    } @else {
      <h2 i18n mat-dialog-title>New trigger</h2>
      <form (ngSubmit)="create()">
        <mat-dialog-content>
          <mat-form-field class="wide">
            <mat-label i18n>Action</mat-label>
            <mat-select
              name="action"
              [ngModel]="action()"
              (ngModelChange)="action.set($event)"
              data-testid="trigger-action"
            >
              <mat-option i18n value="turn-off">Turn the flag off</mat-option>
              <mat-option i18n value="turn-on">Turn the flag on</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label i18n>Description (optional)</mat-label>
            <input
              matInput
              name="description"
              [maxlength]="max"
              [ngModel]="description()"
              (ngModelChange)="description.set($event)"
              data-testid="trigger-description"
            />
            <mat-hint i18n>Which tool calls it, and why (e.g. "Error-rate alert in Grafana")</mat-hint>
          </mat-form-field>
          @if (error(); as message) {
            <p class="ff-error-text" role="alert">{{ message }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button i18n mat-button type="button" (click)="ref.close(false)">Cancel</button>
          <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="trigger-create">
            Create
          </button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .notice {
      display: flex;
      gap: 6px;
      align-items: center;
      color: var(--mat-sys-error);
    }
    .url {
      display: flex;
      align-items: center;
      gap: 4px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .url code {
      flex: 1;
      word-break: break-all;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TriggerDialogComponent {
  readonly data = inject<TriggerDialogData>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<TriggerDialogComponent, boolean>>(MatDialogRef);
  private readonly api = inject(TriggersApi);
  private readonly origin = inject(DOCUMENT).location.origin;

  readonly max = DESCRIPTION_MAX;
  /** Code, not prose: kept out of the translated sentence. */
  readonly method = 'POST';
  readonly curlSample = 'curl -X POST <url>';
  readonly action = signal<'turn-on' | 'turn-off'>('turn-off');
  readonly description = signal('');
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);
  readonly url = signal<string | null>(this.data.token ? triggerUrl(this.origin, this.data.token) : null);

  async create(): Promise<void> {
    this.saving.set(true);
    try {
      const created = await firstValueFrom(
        this.api.create({
          targetId: this.data.flagId,
          type: 'feature-flag-general',
          action: this.action(),
          description: this.description().trim(),
        }),
      );
      this.ref.disableClose = true;
      this.url.set(triggerUrl(this.origin, created.token));
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.saving.set(false);
    }
  }
}
