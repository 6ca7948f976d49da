import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { type AddedMember, IamApi } from '../../../api/iam.api';
import { Notifier } from '../../../core/feedback/notifier.service';
import { CopyButtonComponent } from '../../../ui/copy-button/copy-button.component';

/** Adds a member by e-mail; a new account's initial password is shown here once, like a new token. */
@Component({
  selector: 'ff-add-member-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatIcon,
    CopyButtonComponent,
  ],
  template: `
    @if (added(); as member) {
      <h2 mat-dialog-title>
        @if (member.created) {
          <ng-container i18n>Member added: copy the password</ng-container>
        } @else {
          <ng-container i18n>Member added</ng-container>
        }
      </h2>
      <mat-dialog-content>
        @if (member.initialPassword; as password) {
          <p class="warning" role="alert">
            <mat-icon inline>warning</mat-icon>
            <span i18n
              >This is the only time the initial password of {{ member.email }} is shown. Send it to them
              safely; they can change it after signing in.</span
            >
          </p>
          <div class="secret">
            <code data-testid="member-initial-password">{{ password }}</code>
            <ff-copy-button [value]="password" what="password" i18n-what />
          </div>
        } @else {
          <p i18n>{{ member.email }} already had an account and can sign in with their own password.</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" (click)="ref.close(true)" data-testid="member-added-done">
          @if (member.initialPassword) {
            <ng-container i18n>I have copied it</ng-container>
          } @else {
            <ng-container i18n>Done</ng-container>
          }
        </button>
      </mat-dialog-actions>
    } @else {
      <h2 i18n mat-dialog-title>Add a member</h2>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content class="ff-form">
          <mat-form-field>
            <mat-label i18n>E-mail</mat-label>
            <input matInput type="email" formControlName="email" required data-testid="member-email" />
            <mat-hint i18n>New accounts get an initial password, shown once.</mat-hint>
            <mat-error i18n>Enter an e-mail address.</mat-error>
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button i18n mat-button type="button" (click)="ref.close(false)">Cancel</button>
          <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="member-add-save">
            Add
          </button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .warning {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--ff-warning-container);
      color: var(--ff-on-warning-container);
    }
    .secret {
      display: flex;
      align-items: center;
      gap: 8px;
      code {
        flex: 1;
        word-break: break-all;
        padding: 8px;
        border-radius: 6px;
        background: var(--mat-sys-surface-container-high);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddMemberDialogComponent {
  private readonly iam = inject(IamApi);
  private readonly notifier = inject(Notifier);
  readonly ref = inject<MatDialogRef<AddMemberDialogComponent, boolean>>(MatDialogRef);
  readonly saving = signal(false);
  readonly added = signal<AddedMember | null>(null);
  readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });

  save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const email = this.form.getRawValue().email.trim();
    this.saving.set(true);
    this.iam.addMember(email).subscribe({
      next: (member) => {
        this.notifier.success($localize`Added ${member.email}:email:`);
        this.added.set(member);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not add the member`);
      },
    });
  }
}
