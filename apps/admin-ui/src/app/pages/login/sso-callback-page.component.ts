import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { SsoApi } from '../../api/sso.api';
import { SessionStore } from '../../core/auth/session.store';
import { describeError } from '../../core/feedback/error-messages';
import { takeSsoAttempt } from './sso-attempt';

/**
 * Where the identity provider sends the browser back: the code (with state and iss) goes to the
 * server, which checks it against its attempt cookie; the session is then kept like a password one.
 */
@Component({
  selector: 'ff-sso-callback-page',
  imports: [MatProgressBar, MatButton, MatIcon, RouterLink],
  template: `
    <div class="login">
      <section class="card" aria-labelledby="sso-title">
        <h1 i18n id="sso-title">Signing in with SSO</h1>
        @if (error(); as message) {
          <p class="error" role="alert" data-testid="sso-error">
            <mat-icon inline>error</mat-icon> {{ message }}
          </p>
          <a i18n mat-flat-button routerLink="/login">Back to sign-in</a>
        } @else {
          <mat-progress-bar mode="indeterminate" />
          <p i18n class="ff-muted" role="status">Completing the sign-in…</p>
        }
      </section>
    </div>
  `,
  styleUrl: './login-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SsoCallbackPageComponent implements OnInit {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly ssoApi = inject(SsoApi);

  readonly error = signal<string | null>(null);

  ngOnInit(): void {
    const query = this.route.snapshot.queryParamMap;
    const attempt = takeSsoAttempt();
    const providerError = query.get('error');
    const code = query.get('code');
    if (providerError) {
      const reason = query.get('error_description') ?? providerError;
      this.error.set($localize`The identity provider refused the sign-in: ${reason}:reason:`);
      return;
    }
    if (!code || !attempt) {
      this.error.set($localize`This sign-in was not started from this tab or has expired. Start it again.`);
      return;
    }
    const body = {
      code,
      redirectUri: attempt.redirectUri,
      workspaceKey: attempt.workspaceKey,
      state: query.get('state') ?? undefined,
      iss: query.get('iss') ?? undefined,
    };
    this.session.start(this.ssoApi.login(body)).subscribe({
      next: () => {
        const target = attempt.redirect;
        void this.router.navigateByUrl(
          target && target.startsWith('/') && !target.startsWith('//') ? target : '/',
          { replaceUrl: true },
        );
      },
      error: (err: unknown) => this.error.set(describeError(err)),
    });
  }
}
