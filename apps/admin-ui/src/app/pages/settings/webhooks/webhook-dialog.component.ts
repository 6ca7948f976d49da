import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type FormArray, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOptgroup, MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { map } from 'rxjs';
import { TenancyApi } from '../../../api/tenancy.api';
import {
  WEBHOOK_EVENT_GROUPS,
  type Webhook,
  type WebhookInput,
  WebhooksApi,
} from '../../../api/webhooks.api';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';

/** The scopes FeatBit stores (`{projectId}/{envId},{envId}`) from the environments picked. */
function scopesOf(envKeys: readonly string[]): string[] {
  const byProject = new Map<string, string[]>();
  for (const key of envKeys) {
    const [projectId, envId] = key.split('/');
    byProject.set(projectId, [...(byProject.get(projectId) ?? []), envId]);
  }
  return [...byProject].map(([projectId, envIds]) => `${projectId}/${envIds.join(',')}`);
}

function envKeysOf(scopes: readonly string[]): string[] {
  return scopes.flatMap((scope) => {
    const [projectId, envs = ''] = scope.split('/');
    return envs.split(',').map((envId) => `${projectId}/${envId}`);
  });
}

const SAMPLE_TEMPLATE = `{
  "text": "{{operator}} changed {{data.object.name}} in {{environment.name}}: {{events}}"
}`;

/** Add or edit a webhook: target, scopes, events, headers, payload template, secret. */
@Component({
  selector: 'ff-webhook-dialog',
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
    MatSelect,
    MatOption,
    MatOptgroup,
    MatButton,
    MatIconButton,
    MatIcon,
    MatCheckbox,
    MatSlideToggle,
    MatButtonToggleGroup,
    MatButtonToggle,
  ],
  template: `
    <h2 mat-dialog-title>
      @if (hook) {
        <ng-container i18n>Edit webhook</ng-container>
      } @else {
        <ng-container i18n>New webhook</ng-container>
      }
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" required data-testid="webhook-name" />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>URL</mat-label>
          <input
            matInput
            formControlName="url"
            required
            data-testid="webhook-url"
            [placeholder]="'https://'"
          />
          <mat-hint i18n
            >http(s) only; private and loopback addresses are refused unless the server allows them.</mat-hint
          >
          <mat-error i18n>Enter an http(s) URL.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Environments</mat-label>
          <mat-select formControlName="envs" multiple data-testid="webhook-envs">
            @for (p of projects(); track p.id) {
              <mat-optgroup [label]="p.name">
                @for (e of p.environments; track e.id) {
                  <mat-option [value]="p.id + '/' + e.id">{{ p.name }} / {{ e.name }}</mat-option>
                }
              </mat-optgroup>
            }
          </mat-select>
          <mat-error i18n>Choose at least one environment.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Events</mat-label>
          <mat-select formControlName="events" multiple data-testid="webhook-events">
            @for (g of groups; track g.label) {
              <mat-optgroup [label]="groupLabel(g.label)">
                @for (e of g.events; track e) {
                  <mat-option [value]="e">{{ e }}</mat-option>
                }
              </mat-optgroup>
            }
          </mat-select>
          <mat-error i18n>Choose at least one event.</mat-error>
        </mat-form-field>
        <div formArrayName="headers" class="headers">
          <span i18n class="ff-small ff-muted">Headers</span>
          @for (h of headers.controls; track $index) {
            <div class="header-row" [formGroupName]="$index">
              <mat-form-field subscriptSizing="dynamic">
                <mat-label i18n>Name</mat-label>
                <input matInput formControlName="key" />
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label i18n>Value</mat-label>
                <input matInput formControlName="value" />
              </mat-form-field>
              <button
                mat-icon-button
                type="button"
                (click)="headers.removeAt($index)"
                aria-label="Remove header"
                i18n-aria-label
              >
                <mat-icon>close</mat-icon>
              </button>
            </div>
          }
          <button mat-button type="button" (click)="addHeader()">
            <mat-icon>add</mat-icon> <span i18n>Add header</span>
          </button>
        </div>
        <mat-button-toggle-group
          formControlName="payloadTemplateType"
          aria-label="Payload template"
          i18n-aria-label
        >
          <mat-button-toggle i18n value="default">Default payload</mat-button-toggle>
          <mat-button-toggle i18n value="custom">Custom template</mat-button-toggle>
        </mat-button-toggle-group>
        @if (form.controls.payloadTemplateType.value === 'custom') {
          <mat-form-field>
            <mat-label i18n>Handlebars template</mat-label>
            <textarea
              matInput
              rows="6"
              formControlName="payloadTemplate"
              class="mono"
              data-testid="webhook-template"
            ></textarea>
            <mat-hint i18n
              >Renders JSON from the event: operator, events, project, environment, data.object,
              changes.</mat-hint
            >
          </mat-form-field>
        }
        <mat-checkbox i18n formControlName="preventEmptyPayloads"
          >Do not send an empty payload (<code>{{ emptyPayload }}</code
          >)</mat-checkbox
        >
        <mat-form-field>
          <mat-label i18n>Secret</mat-label>
          <input
            matInput
            formControlName="secret"
            type="password"
            autocomplete="new-password"
            data-testid="webhook-secret"
          />
          <mat-hint>
            @if (hook?.hasSecret) {
              <ng-container i18n>A secret is set; leave empty to keep it.</ng-container>
            } @else {
              <ng-container i18n>Signs each body: X-FeatBit-Signature-256.</ng-container>
            }
          </mat-hint>
        </mat-form-field>
        <mat-slide-toggle i18n formControlName="isActive">Active</mat-slide-toggle>
        @if (error(); as message) {
          <p class="ff-error-text" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" (click)="ref.close(false)">Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="webhook-save">
          Save
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .headers {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .header-row {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .mono {
      font-family: monospace;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhookDialogComponent {
  private readonly api = inject(WebhooksApi);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly ref = inject<MatDialogRef<WebhookDialogComponent, boolean>>(MatDialogRef);
  readonly hook = inject<Webhook | null>(MAT_DIALOG_DATA, { optional: true });
  readonly groups = WEBHOOK_EVENT_GROUPS;
  /** The empty JSON object, shown as code. */
  readonly emptyPayload = '{}';
  readonly projects = toSignal(
    inject(TenancyApi)
      .projects()
      .pipe(map((list) => list ?? [])),
    { initialValue: [] },
  );
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);

  readonly headers: FormArray = this.fb.array(
    (this.hook?.headers ?? []).map((h) => this.fb.group({ key: [h.key], value: [h.value] })),
  );
  readonly form = this.fb.group({
    name: [this.hook?.name ?? '', Validators.required],
    url: [this.hook?.url ?? '', [Validators.required, Validators.pattern(/^https?:\/\/\S+$/)]],
    envs: [envKeysOf(this.hook?.scopes ?? []), Validators.required],
    events: [this.hook?.events ?? ['feature_flag.toggled'], Validators.required],
    headers: this.headers,
    payloadTemplateType: [this.hook?.payloadTemplateType ?? 'default'],
    payloadTemplate: [
      this.hook?.payloadTemplateType === 'custom' ? this.hook.payloadTemplate : SAMPLE_TEMPLATE,
    ],
    preventEmptyPayloads: [this.hook?.preventEmptyPayloads ?? false],
    secret: [''],
    isActive: [this.hook?.isActive ?? true],
  });

  /** The event groups' names, shown in the console's language (the list itself is shared code). */
  groupLabel(label: string): string {
    switch (label) {
      case 'Feature flags':
        return $localize`Feature flags`;
      case 'Segments':
        return $localize`Segments`;
      default:
        return label;
    }
  }

  addHeader(): void {
    this.headers.push(this.fb.group({ key: [''], value: [''] }));
  }

  save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const v = this.form.getRawValue();
    const body: WebhookInput = {
      name: v.name.trim(),
      url: v.url.trim(),
      scopes: scopesOf(v.envs),
      events: v.events as WebhookInput['events'],
      headers: (v.headers as { key: string; value: string }[]).filter((h) => h.key.trim()),
      payloadTemplateType: v.payloadTemplateType,
      payloadTemplate: v.payloadTemplateType === 'custom' ? v.payloadTemplate : undefined,
      preventEmptyPayloads: v.preventEmptyPayloads,
      isActive: v.isActive,
      // Absent keeps the stored secret (it is never sent back to the console).
      secret: v.secret ? v.secret : this.hook ? undefined : '',
    };
    this.saving.set(true);
    const call = this.hook ? this.api.update(this.hook.id, body) : this.api.create(body);
    call.subscribe({
      next: () => {
        this.notifier.success($localize`Saved “${body.name}:name:”`);
        this.ref.close(true);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.error.set(describeError(err));
      },
    });
  }
}
