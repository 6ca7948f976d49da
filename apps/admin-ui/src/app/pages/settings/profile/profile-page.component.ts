import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { IdentityApi } from '../../../api/identity.api';
import { SessionStore } from '../../../core/auth/session.store';
import { Notifier } from '../../../core/feedback/notifier.service';

// The server's minimum (src/api/identity/identity.dto.ts); it refuses shorter ones with PasswordTooShort.
const MIN_PASSWORD_LENGTH = 8;

function sameAsNew(control: AbstractControl): ValidationErrors | null {
  const group = control.parent;
  if (!group) return null;
  return control.value === group.get('newPassword')?.value ? null : { mismatch: true };
}

@Component({
  selector: 'ff-profile-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton],
  template: `
    <div class="grid">
      <form
        class="ff-card ff-form"
        [formGroup]="profile"
        (ngSubmit)="saveProfile()"
        novalidate
        aria-labelledby="profile-title"
      >
        <h2 i18n id="profile-title">Profile</h2>
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" required autocomplete="name" />
          <mat-error i18n>Enter your name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>E-mail</mat-label>
          <input matInput type="email" formControlName="email" required autocomplete="email" />
          <mat-hint i18n>You sign in with this address.</mat-hint>
          <mat-error i18n>Enter a valid e-mail address.</mat-error>
        </mat-form-field>
        <div>
          <button i18n mat-flat-button type="submit" [disabled]="savingProfile()">Save profile</button>
        </div>
      </form>

      @if (canChangePassword()) {
        <form
          class="ff-card ff-form"
          [formGroup]="password"
          (ngSubmit)="changePassword()"
          novalidate
          aria-labelledby="pw-title"
        >
          <h2 i18n id="pw-title">Change password</h2>
          <mat-form-field>
            <mat-label i18n>Current password</mat-label>
            <input
              matInput
              type="password"
              formControlName="currentPassword"
              required
              autocomplete="current-password"
            />
            <mat-error i18n>Enter your current password.</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n>New password</mat-label>
            <input
              matInput
              type="password"
              formControlName="newPassword"
              required
              autocomplete="new-password"
            />
            <mat-hint i18n>At least {{ minLength }} characters.</mat-hint>
            <mat-error i18n>At least {{ minLength }} characters.</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n>Repeat the new password</mat-label>
            <input matInput type="password" formControlName="confirm" required autocomplete="new-password" />
            <mat-error i18n>The passwords do not match.</mat-error>
          </mat-form-field>
          <div>
            <button i18n mat-flat-button type="submit" [disabled]="savingPassword()">Change password</button>
          </div>
        </form>
      } @else {
        <div class="ff-card">
          <h2 i18n>Password</h2>
          <p i18n class="ff-muted">
            You sign in through single sign-on; there is no password to change here.
          </p>
        </div>
      }
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
      gap: 16px;
      align-items: start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePageComponent {
  private readonly identity = inject(IdentityApi);
  private readonly session = inject(SessionStore);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly minLength = MIN_PASSWORD_LENGTH;
  readonly savingProfile = signal(false);
  readonly savingPassword = signal(false);
  readonly canChangePassword = () => (this.session.profile()?.origin ?? 'Local') === 'Local';

  readonly profile = this.fb.group({
    name: [this.session.profile()?.name ?? '', Validators.required],
    email: [this.session.profile()?.email ?? '', [Validators.required, Validators.email]],
  });

  readonly password = this.fb.group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
    confirm: ['', [Validators.required, sameAsNew]],
  });

  constructor() {
    this.password.controls.newPassword.valueChanges.subscribe(() =>
      this.password.controls.confirm.updateValueAndValidity({ emitEvent: false }),
    );
  }

  saveProfile(): void {
    this.profile.markAllAsTouched();
    if (this.profile.invalid || this.savingProfile()) return;
    const { name, email } = this.profile.getRawValue();
    this.savingProfile.set(true);
    this.identity.updateProfile(name.trim(), email.trim()).subscribe({
      next: (profile) => {
        this.savingProfile.set(false);
        this.session.profile.set({ ...this.session.profile(), ...profile });
        this.notifier.success($localize`Saved your profile`);
      },
      error: (err: unknown) => {
        this.savingProfile.set(false);
        this.notifier.error(err, $localize`Could not save the profile`);
      },
    });
  }

  changePassword(): void {
    this.password.markAllAsTouched();
    if (this.password.invalid || this.savingPassword()) return;
    const { currentPassword, newPassword } = this.password.getRawValue();
    this.savingPassword.set(true);
    this.identity.resetPassword(currentPassword, newPassword).subscribe({
      next: () => {
        this.savingPassword.set(false);
        this.password.reset();
        this.notifier.success($localize`Password changed. Other sessions were signed out.`);
      },
      error: (err: unknown) => {
        this.savingPassword.set(false);
        this.notifier.error(err, $localize`Could not change the password`);
      },
    });
  }
}
