import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
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
import { MatTooltip } from '@angular/material/tooltip';
import { firstValueFrom, map } from 'rxjs';
import { type RelayProxy, type RelayProxyInput, RelayProxiesApi } from '../../../api/relay-proxies.api';
import { TenancyApi } from '../../../api/tenancy.api';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';
import { newId } from '../../../shared/ids';
import { CopyButtonComponent } from '../../../ui/copy-button/copy-button.component';
import { type ManualAgentForm, RelayProxyAgentsComponent } from './relay-proxy-agents.component';
import { isAgentHost, scopesFor } from './relay-proxy-view';

export interface RelayProxyDialogData {
  proxy: RelayProxy | null;
  /** Why the user may not change relay proxies (null when allowed). */
  denied: string | null;
}

const agentHost = (control: AbstractControl<string>): ValidationErrors | null =>
  isAgentHost(control.value) ? null : { host: true };

/** Add or edit a relay proxy; after creating, its key is shown this once. */
@Component({
  selector: 'ff-relay-proxy-dialog',
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
    MatButtonToggleGroup,
    MatButtonToggle,
    MatIcon,
    MatTooltip,
    CopyButtonComponent,
    RelayProxyAgentsComponent,
  ],
  template: `
    @if (createdKey(); as key) {
      <h2 i18n mat-dialog-title>Copy the relay proxy key</h2>
      <mat-dialog-content>
        <p class="warning" role="alert">
          <mat-icon inline>warning</mat-icon>
          <span i18n
            >This is the only time the key is shown: it is not stored and will not be shown again.</span
          >
        </p>
        <div class="key">
          <code data-testid="relay-proxy-key">{{ key }}</code>
          <ff-copy-button [value]="key" what="relay proxy key" i18n-what />
        </div>
        <p i18n class="ff-muted ff-small">
          Start the relay proxy with this key; a manual sync asks for it again.
        </p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button
          i18n
          mat-flat-button
          type="button"
          (click)="ref.close(true)"
          data-testid="relay-proxy-key-done"
        >
          I have copied it
        </button>
      </mat-dialog-actions>
    } @else {
      <h2 mat-dialog-title>
        @if (proxy) {
          <ng-container i18n>Edit relay proxy</ng-container>
        } @else {
          <ng-container i18n>New relay proxy</ng-container>
        }
      </h2>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content class="ff-form">
          <mat-form-field>
            <mat-label i18n>Name</mat-label>
            <input matInput formControlName="name" required data-testid="relay-proxy-name" />
            @if (form.controls.name.hasError('used')) {
              <mat-error i18n>This name is already used.</mat-error>
            } @else {
              <mat-error i18n>Enter a name.</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n>Description</mat-label>
            <textarea
              matInput
              rows="2"
              formControlName="description"
              data-testid="relay-proxy-description"
            ></textarea>
          </mat-form-field>
          <mat-button-toggle-group formControlName="isAllEnvs" aria-label="Scope" i18n-aria-label>
            <mat-button-toggle i18n [value]="true" data-testid="scope-all"
              >All environments</mat-button-toggle
            >
            <mat-button-toggle i18n [value]="false" data-testid="scope-chosen"
              >Chosen environments</mat-button-toggle
            >
          </mat-button-toggle-group>
          @if (form.controls.isAllEnvs.value) {
            <p i18n class="ff-muted ff-small">
              Every environment of the organization, including ones created later.
            </p>
          } @else {
            <mat-form-field>
              <mat-label i18n>Environments</mat-label>
              <mat-select formControlName="envIds" multiple data-testid="relay-proxy-envs">
                @for (p of projects(); track p.id) {
                  <mat-optgroup [label]="p.name">
                    @for (e of p.environments; track e.id) {
                      <mat-option [value]="e.id">{{ p.name }} / {{ e.name }}</mat-option>
                    }
                  </mat-optgroup>
                }
              </mat-select>
              <mat-hint i18n>Grouped by project.</mat-hint>
              <mat-error i18n>Choose at least one environment.</mat-error>
            </mat-form-field>
          }
          <ff-relay-proxy-agents
            [agents]="form.controls.agents"
            [(autoAgents)]="autoAgents"
            [proxyId]="proxy?.id ?? null"
            [storedAgents]="proxy?.agents ?? []"
            [denied]="data.denied"
            [newAgent]="newAgent"
          />
          @if (error(); as message) {
            <p class="ff-error-text" role="alert">{{ message }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button i18n mat-button type="button" (click)="ref.close(saved)">Cancel</button>
          <button
            i18n
            mat-flat-button
            type="submit"
            [disabled]="saving() || !!data.denied"
            [disabledInteractive]="true"
            [matTooltip]="data.denied ?? ''"
            data-testid="relay-proxy-save"
          >
            Save
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
    .key {
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
export class RelayProxyDialogComponent {
  private readonly api = inject(RelayProxiesApi);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly ref = inject<MatDialogRef<RelayProxyDialogComponent, boolean>>(MatDialogRef);
  readonly data = inject<RelayProxyDialogData>(MAT_DIALOG_DATA);
  readonly proxy = this.data.proxy;
  readonly projects = toSignal(
    inject(TenancyApi)
      .projects()
      .pipe(map((list) => list ?? [])),
    { initialValue: [] },
  );
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);
  readonly createdKey = signal<string | null>(null);
  readonly autoAgents = signal(this.proxy?.autoAgents ?? []);
  /** Whether something was written (the list reloads even when the key panel is dismissed). */
  saved = false;

  readonly newAgent = (id: string = newId(), name = '', host = ''): ManualAgentForm =>
    this.fb.group({
      id: [id],
      name: [name, [Validators.required, Validators.maxLength(128)]],
      host: [host, [Validators.required, agentHost]],
    });

  readonly form = this.fb.group({
    name: [this.proxy?.name ?? '', Validators.required],
    description: [this.proxy?.description ?? ''],
    isAllEnvs: [this.proxy?.isAllEnvs ?? false],
    envIds: [this.proxy?.scopes ?? ([] as string[])],
    agents: this.fb.array((this.proxy?.agents ?? []).map((a) => this.newAgent(a.id, a.name, a.host))),
  });

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    const v = this.form.getRawValue();
    const envs = this.form.controls.envIds;
    envs.setErrors(!v.isAllEnvs && v.envIds.length === 0 ? { required: true } : null);
    if (this.form.invalid || this.saving() || this.data.denied) return;
    const body: RelayProxyInput = {
      name: v.name.trim(),
      description: v.description.trim(),
      isAllEnvs: v.isAllEnvs,
      scopes: scopesFor(v.isAllEnvs, v.envIds),
      agents: v.agents.map((a) => ({ id: a.id, name: a.name.trim(), host: a.host.trim() })),
    };
    this.saving.set(true);
    this.error.set(null);
    try {
      const renamed = body.name.toLowerCase() !== (this.proxy?.name ?? '').toLowerCase();
      if (renamed && (await firstValueFrom(this.api.isNameUsed(body.name)))) {
        this.form.controls.name.setErrors({ used: true });
        return;
      }
      if (this.proxy) {
        // Sending the registered agents would drop any that registered meanwhile: only on a removal.
        const removed = this.autoAgents().length !== this.proxy.autoAgents.length;
        const autoAgents = removed ? this.autoAgents().map((a) => ({ id: a.id })) : undefined;
        await firstValueFrom(this.api.update(this.proxy.id, { ...body, autoAgents }));
        this.notifier.success($localize`Saved “${body.name}:name:”`);
        this.ref.close(true);
      } else {
        const created = await firstValueFrom(this.api.create(body));
        this.saved = true;
        this.notifier.success($localize`Created “${body.name}:name:”`);
        this.createdKey.set(created.key);
      }
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.saving.set(false);
    }
  }
}
