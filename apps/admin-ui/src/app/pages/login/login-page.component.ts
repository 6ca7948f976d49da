import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { ApiError } from '../../api/api-envelope';
import { SsoApi } from '../../api/sso.api';
import { SessionStore } from '../../core/auth/session.store';
import { describeError } from '../../core/feedback/error-messages';
import { rememberSsoAttempt } from './sso-attempt';

@Component({
  selector: 'ff-login-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatSuffix,
    MatInput,
    MatButton,
    MatIconButton,
    MatIcon,
    MatProgressBar,
  ],
  templateUrl: './login-page.component.html',
  styleUrl: './login-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPageComponent implements OnInit {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly ssoApi = inject(SsoApi);

  /** Where to go after signing in (set by the auth guard). */
  readonly redirect = input<string>();
  readonly expired = this.session.expiredNotice;
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly showPassword = signal(false);
  readonly showPasswordLabel = $localize`Show password`;
  readonly hidePasswordLabel = $localize`Hide password`;
  /** Single sign-on offered by the server's pre-check: the workspace key, and whether passwords are off. */
  readonly sso = signal<{ workspaceKey: string; passwordLoginDisabled: boolean } | null>(null);

  readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });

  ngOnInit(): void {
    this.ssoApi.preCheck().subscribe({
      next: (check) => {
        if (check.isEnabled && check.workspaceKey) this.sso.set(check);
      },
      // Without the pre-check the page still offers password sign-in.
      error: () => undefined,
    });
  }

  /** Leaves for the identity provider; it comes back to the sso-callback page. */
  signInWithSso(): void {
    const sso = this.sso();
    if (!sso) return;
    this.busy.set(true);
    const callback = new URL('login/sso-callback', document.baseURI).href;
    rememberSsoAttempt({ workspaceKey: sso.workspaceKey, redirectUri: callback, redirect: this.redirect() });
    window.location.assign(this.ssoApi.authorizeUrl(sso.workspaceKey, callback));
  }

  submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const { email, password } = this.form.getRawValue();
    this.session.login(email.trim(), password).subscribe({
      next: () => {
        const target = this.redirect();
        void this.router.navigateByUrl(
          target && target.startsWith('/') && !target.startsWith('//') ? target : '/',
        );
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const apiError = ApiError.from(err);
        this.error.set(
          apiError.status === 401 || apiError.has('EmailPasswordMismatch')
            ? $localize`The e-mail or password is incorrect.`
            : describeError(err),
        );
      },
    });
  }
}
