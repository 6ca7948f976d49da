import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
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
    MatSelectTrigger,
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
      <h2 i18n id="sso-title">Single sign-on (OpenID Connect)</h2>
      <p i18n class="ff-muted">
        Members sign in through your identity provider. Register this redirect URI with the client:
        <code data-testid="sso-redirect-uri">{{ redirectUri }}</code>. A first sign-in adds the person to the
        workspace's first organization with its default permissions.
      </p>
      <mat-form-field>
        <mat-label i18n>Issuer URL</mat-label>
        <input matInput formControlName="issuer" required [placeholder]="'https://id.example.com'" />
        <mat-hint i18n
          >Its discovery document (<code>/.well-known/openid-configuration</code>) gives the
          endpoints.</mat-hint
        >
        <mat-error i18n>Enter the issuer's http(s) URL.</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n>Client ID</mat-label>
        <input matInput formControlName="clientId" required autocomplete="off" />
        <mat-error i18n>Enter the client ID.</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n>Client secret</mat-label>
        <input matInput type="password" formControlName="clientSecret" autocomplete="new-password" />
        <mat-hint>
          @if (secretSet()) {
            <ng-container i18n>A secret is stored; leave empty to keep it.</ng-container>
          } @else {
            <ng-container i18n>Never shown again once saved.</ng-container>
          }
        </mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n>Client authentication</mat-label>
        <mat-select formControlName="clientAuthenticationMethod">
          <!-- The methods are OIDC's own identifiers: shown as code, not translated. -->
          <mat-select-trigger>
            @let chosen = methodOf(form.controls.clientAuthenticationMethod.value);
            <span [attr.translate]="chosen.code ? 'no' : null">{{ chosen.label }}</span>
          </mat-select-trigger>
          @for (m of methods; track m.value) {
            <mat-option [value]="m.value" [attr.translate]="m.code ? 'no' : null">{{ m.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n>Scope</mat-label>
        <input matInput formControlName="scope" />
        <mat-hint i18n>Must include openid.</mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n>E-mail claim</mat-label>
        <input matInput formControlName="userEmailClaim" />
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n>Name claim</mat-label>
        <input matInput formControlName="userNameClaim" />
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n>Authorization endpoint (optional)</mat-label>
        <input matInput formControlName="authorizationEndpoint" />
        <mat-hint i18n>Empty: from the discovery document.</mat-hint>
        <mat-error i18n>Enter an http(s) URL or nothing.</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n>Token endpoint (optional)</mat-label>
        <input matInput formControlName="tokenEndpoint" />
        <mat-hint i18n>Empty: from the discovery document.</mat-hint>
        <mat-error i18n>Enter an http(s) URL or nothing.</mat-error>
      </mat-form-field>
      <mat-slide-toggle i18n formControlName="passwordLoginDisabled">
        Turn off password sign-in (the first administrator, ADMIN_EMAIL, keeps it)
      </mat-slide-toggle>
      <div>
        <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="sso-save">Save</button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkspaceSsoPageComponent implements OnInit {
  private readonly ssoApi = inject(SsoApi);
  private readonly notifier = inject(Notifier);

  readonly redirectUri = new URL('login/sso-callback', document.baseURI).href;
  /** OAuth method names are protocol values, shown as is; only "none" gets an explanation. */
  readonly methods: {
    value: UpdateSsoOidcDto['clientAuthenticationMethod'];
    label: string;
    code: boolean;
  }[] = [
    { value: 'client_secret_basic', label: 'client_secret_basic', code: true },
    { value: 'client_secret_post', label: 'client_secret_post', code: true },
    { value: 'none', label: $localize`none (public client)`, code: false },
  ];
  readonly saving = signal(false);

  methodOf(value: UpdateSsoOidcDto['clientAuthenticationMethod']) {
    return this.methods.find((m) => m.value === value) ?? this.methods[0];
  }
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
      error: (err: unknown) =>
        this.notifier.error(err, $localize`Could not load the single sign-on settings`),
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
        this.notifier.success($localize`Saved the single sign-on settings`);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, $localize`Could not save the single sign-on settings`);
      },
    });
  }

  private show(settings: SsoOidcSettingsDto): void {
    const { clientSecretSet, ...rest } = settings;
    this.secretSet.set(clientSecretSet);
    this.form.reset({ ...rest, clientSecret: '' });
  }
}
