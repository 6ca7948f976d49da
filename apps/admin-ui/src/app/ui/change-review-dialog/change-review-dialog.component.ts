import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { errorMatcher } from '../../shared/error-state';
import type { Change } from '../../shared/audit-diff';
import { ChangeListComponent } from '../change-list/change-list.component';

export interface ChangeReviewData {
  title: string;
  changes: Change[];
  requireComment: boolean;
}

/** "Review and save": the computed change list plus a comment for the audit log. */
@Component({
  selector: 'ff-change-review-dialog',
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
    ChangeListComponent,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form (ngSubmit)="save()">
      <mat-dialog-content>
        <p class="ff-muted">These changes take effect for every SDK as soon as you save.</p>
        <div class="list" data-testid="change-review-list">
          <ff-change-list [changes]="data.changes" />
        </div>
        <mat-form-field class="comment">
          <mat-label>Comment{{ data.requireComment ? '' : ' (optional)' }}</mat-label>
          <textarea
            matInput
            name="comment"
            rows="2"
            [ngModel]="comment()"
            (ngModelChange)="comment.set($event)"
            [errorStateMatcher]="matcher()"
            data-testid="change-comment"
          ></textarea>
          <mat-hint>Shown in History next to this change.</mat-hint>
          <mat-error>This environment requires a comment for every change.</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()">Cancel</button>
        <button mat-flat-button type="submit" data-testid="confirm-save">Save changes</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .list {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin-bottom: 16px;
      max-height: 40vh;
      overflow: auto;
    }
    .comment {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangeReviewDialogComponent {
  readonly data = inject<ChangeReviewData>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<ChangeReviewDialogComponent, { comment: string }>>(MatDialogRef);
  readonly comment = signal('');
  private readonly submitted = signal(false);
  readonly matcher = computed(() =>
    errorMatcher(this.submitted() && this.data.requireComment && !this.comment().trim() ? 'required' : null),
  );

  save(): void {
    this.submitted.set(true);
    if (this.data.requireComment && !this.comment().trim()) return;
    this.ref.close({ comment: this.comment().trim() });
  }
}
