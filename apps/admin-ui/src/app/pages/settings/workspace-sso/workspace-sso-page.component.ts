import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { SsoApi } from '../../../api/sso.api';
import type { SsoOidcSettingsDto } from '../../../api/generated/models/sso-oidc-settings-dto';
import type { UpdateSsoOidcDto } from '../../../api/generated/models/update-sso-oidc-dto';
import { Notifier } from '../../../core/feedback/notifier.service';

const URL_PATTERN = /^https?:\/\/\S+$/;
const DEFAULT_METHOD: UpdateSsoOidcDto['clientAuthenticationMethod'] = 'client_secret_basic';

/** The workspace's OpenID Connect sign-in (PUT workspaces/sso-oidc); owners and administrators only. */
@Component({
  selector: 'ff-workspace-sso-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatSlideToggle,
    MatButton,
  ],
  template: `
    <form
      class="ff-card ff-form"
      [formGroup]="form"
      (ngSubmit)="save()"
      novalidate
      aria-labelledby="sso-title"
    >
      <h2 id="sso-title">Single sign-on (OpenID Connect)</h2>
      <p class="ff-muted">
        Members sign in through your identity provider. Register this redirect URI with the client:
        <code data-testid="sso-redirect-uri">{{ redirectUri }}</code>. A first sign-in adds the person to the
        workspace's first organization with its default permissions.
      </p>
      <mat-form-field>
        <mat-label>Issuer URL</mat-label>
        <input matInput formControlName="issuer" required placeholder="https://id.example.com" />
        <mat-hint>Its discovery document (/.well-known/openid-configuration) gives the endpoints.</mat-hint>
        <mat-error>Enter the issuer's http(s) URL.</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Client ID</mat-label>
        <input matInput formControlName="clientId" required autocomplete="off" />
        <mat-error>Enter the client ID.</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Client secret</mat-label>
        <input matInput type="password" formControlName="clientSecret" autocomplete="new-password" />
        <mat-hint>{{
          secretSet() ? 'A secret is stored; leave empty to keep it.' : 'Never shown again once saved.'
        }}</mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Client authentication</mat-label>
        <mat-select formControlName="clientAuthenticationMethod">
          <mat-option value="client_secret_basic">client_secret_basic</mat-option>
          <mat-option value="client_secret_post">client_secret_post</mat-option>
          <mat-option value="none">none (public client)</mat-option>
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Scope</mat-label>
        <input matInput formControlName="scope" />
        <mat-hint>Must include openid.</mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label>E-mail claim</mat-label>
        <input matInput formControlName="userEmailClaim" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>Name claim</mat-label>
        <input matInput formControlName="userNameClaim" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>Authorization endpoint (optional)</mat-label>
        <input matInput formControlName="authorizationEndpoint" />
        <mat-hint>Empty: from the discovery document.</mat-hint>
        <mat-error>Enter an http(s) URL or nothing.</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Token endpoint (optional)</mat-label>
        <input matInput formControlName="tokenEndpoint" />
        <mat-hint>Empty: from the discovery document.</mat-hint>
        <mat-error>Enter an http(s) URL or nothing.</mat-error>
      </mat-form-field>
      <mat-slide-toggle formControlName="passwordLoginDisabled">
        Turn off password sign-in (the first administrator, ADMIN_EMAIL, keeps it)
      </mat-slide-toggle>
      <div>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="sso-save">Save</button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkspaceSsoPageComponent implements OnInit {
  private readonly ssoApi = inject(SsoApi);
  private readonly notifier = inject(Notifier);

  readonly redirectUri = new URL('login/sso-callback', document.baseURI).href;
  readonly saving = signal(false);
  readonly secretSet = signal(false);

  readonly form = inject(NonNullableFormBuilder).group({
    issuer: ['', [Validators.required, Validators.pattern(URL_PATTERN)]],
    clientId: ['', Validators.required],
    clientSecret: [''],
    clientAuthenticationMethod: [DEFAULT_METHOD],
    scope: ['openid profile email'],
    userEmailClaim: ['email'],
    userNameClaim: ['name'],
    authorizationEndpoint: ['', Validators.pattern(URL_PATTERN)],
    tokenEndpoint: ['', Validators.pattern(URL_PATTERN)],
    passwordLoginDisabled: [false],
  });

  ngOnInit(): void {
    this.ssoApi.settings().subscribe({
      next: (settings) => this.show(settings),
      error: (err: unknown) => this.notifier.error(err, 'Could not load the single sign-on settings'),
    });
  }

  save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.ssoApi.updateSettings({ ...value, clientSecret: value.clientSecret || undefined }).subscribe({
      next: (settings) => {
        this.saving.set(false);
        this.show(settings);
        this.notifier.success('Saved the single sign-on settings');
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, 'Could not save the single sign-on settings');
      },
    });
  }

  private show(settings: SsoOidcSettingsDto): void {
    const { clientSecretSet, ...rest } = settings;
    this.secretSet.set(clientSecretSet);
    this.form.reset({ ...rest, clientSecret: '' });
  }
}
