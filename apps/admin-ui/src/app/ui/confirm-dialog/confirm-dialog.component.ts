import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  type MatDialog,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { Observable } from 'rxjs';
import { errorMatcher } from '../../shared/error-state';

export type CommentMode = 'none' | 'optional' | 'required';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel?: string;
  danger?: boolean;
  comment?: CommentMode;
}

export interface ConfirmResult {
  comment: string;
}

/** A yes/no question, optionally asking for a change comment (required when the environment says so). */
@Component({
  selector: 'ff-confirm-dialog',
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatHint,
    MatError,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form (ngSubmit)="confirm()">
      <mat-dialog-content>
        <p class="message">{{ data.message }}</p>
        @if (mode !== 'none') {
          <mat-form-field class="comment">
            <mat-label>
              @if (mode === 'optional') {
                <ng-container i18n>Comment (optional)</ng-container>
              } @else {
                <ng-container i18n>Comment</ng-container>
              }
            </mat-label>
            <textarea
              matInput
              name="comment"
              rows="2"
              [ngModel]="comment()"
              (ngModelChange)="comment.set($event)"
              [errorStateMatcher]="matcher()"
              data-testid="change-comment"
            ></textarea>
            @if (mode === 'required') {
              <mat-hint i18n>This environment requires a comment for every change.</mat-hint>
            }
            <mat-error i18n>Enter a comment.</mat-error>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" (click)="ref.close()">Cancel</button>
        <button mat-flat-button type="submit" [class.danger]="data.danger" data-testid="confirm-button">
          {{ data.confirmLabel ?? confirmText }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .message {
      white-space: pre-line;
    }
    .comment {
      width: 100%;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent {
  readonly data = inject<ConfirmOptions>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<ConfirmDialogComponent, ConfirmResult>>(MatDialogRef);
  readonly mode: CommentMode = this.data.comment ?? 'none';
  readonly confirmText = $localize`Confirm`;
  readonly comment = signal('');
  private readonly submitted = signal(false);
  readonly matcher = computed(() =>
    errorMatcher(this.submitted() && this.mode === 'required' && !this.comment().trim() ? 'required' : null),
  );

  confirm(): void {
    this.submitted.set(true);
    if (this.mode === 'required' && !this.comment().trim()) return;
    this.ref.close({ comment: this.comment().trim() });
  }
}

/** Opens the confirm dialog; emits the result only when the user confirmed. */
export function confirmAction(
  dialog: MatDialog,
  options: ConfirmOptions,
): Observable<ConfirmResult | undefined> {
  return dialog
    .open<ConfirmDialogComponent, ConfirmOptions, ConfirmResult>(ConfirmDialogComponent, {
      data: options,
      width: '480px',
      maxWidth: '95vw',
    })
    .afterClosed();
}
