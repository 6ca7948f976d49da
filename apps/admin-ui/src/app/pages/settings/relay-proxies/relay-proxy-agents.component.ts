import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { type FormArray, type FormControl, type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { EMPTY, switchMap } from 'rxjs';
import {
  type RelayProxyAgent,
  type RelayProxyAutoAgent,
  RelayProxiesApi,
} from '../../../api/relay-proxies.api';
import { Notifier } from '../../../core/feedback/notifier.service';
import { relativeTime } from '../../../shared/relative-time';
import { agentStatus, isAvailable } from './relay-proxy-view';
import { SyncKeyDialogComponent } from './sync-key-dialog.component';

export type ManualAgentForm = FormGroup<{
  id: FormControl<string>;
  name: FormControl<string>;
  host: FormControl<string>;
}>;

interface Availability {
  checking: boolean;
  status?: number;
}

/** The agents of a relay proxy: registered ones (read, remove) and manual ones (edit, check, sync). */
@Component({
  selector: 'ff-relay-proxy-agents',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatTableModule,
    MatButton,
    MatIconButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatTooltip,
  ],
  template: `
    <h3 i18n class="title">Registered agents</h3>
    <p i18n class="ff-muted ff-small">Agents started with this key register themselves.</p>
    @if (autoAgents().length === 0) {
      <p i18n class="ff-muted ff-small" data-testid="no-auto-agents">No agent has registered yet.</p>
    } @else {
      <table mat-table [dataSource]="autoAgents()" aria-label="Registered agents" i18n-aria-label>
        <ng-container matColumnDef="id">
          <th i18n mat-header-cell *matHeaderCellDef>ID</th>
          <td mat-cell *matCellDef="let a" class="mono" [attr.data-testid]="'auto-agent-' + a.id">
            {{ a.id }}
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef>Status / serves / data version</th>
          <td mat-cell *matCellDef="let a" class="ff-small">
            @let st = status(a);
            <div>{{ st.syncState ?? notReported }}</div>
            <div class="ff-muted">{{ st.serves ?? '—' }} · {{ st.dataVersion ?? '—' }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="registered">
          <th i18n mat-header-cell *matHeaderCellDef>Registered</th>
          <td
            mat-cell
            *matCellDef="let a"
            class="ff-small"
            [matTooltip]="(a.registeredAt | date: 'medium') ?? ''"
          >
            {{ relative(a.registeredAt) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="reported">
          <th i18n mat-header-cell *matHeaderCellDef>Last reported</th>
          <td mat-cell *matCellDef="let a" class="ff-small">{{ relative(a.reportedAt) }}</td>
        </ng-container>
        <ng-container matColumnDef="remove">
          <th mat-header-cell *matHeaderCellDef><span i18n class="cdk-visually-hidden">Remove</span></th>
          <td mat-cell *matCellDef="let a">
            <button
              mat-icon-button
              type="button"
              (click)="removeAuto(a.id)"
              [disabled]="!!denied()"
              [disabledInteractive]="true"
              [attr.aria-label]="removeAria(a.id)"
              [matTooltip]="denied() ?? removeAria(a.id)"
            >
              <mat-icon>delete</mat-icon>
            </button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="autoColumns"></tr>
        <tr mat-row *matRowDef="let row; columns: autoColumns"></tr>
      </table>
    }

    <h3 i18n class="title">Manual agents</h3>
    <p i18n class="ff-muted ff-small">Agents the console syncs on request, by their host URL.</p>
    @for (group of agents().controls; track group.controls.id.value; let i = $index) {
      <div class="agent" [formGroup]="group" [attr.data-testid]="'manual-agent-' + i">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label i18n>Name</mat-label>
          <input matInput formControlName="name" required [attr.data-testid]="'agent-name-' + i" />
          <mat-error i18n>Enter a name.</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic" class="host">
          <mat-label i18n>Host URL</mat-label>
          <input
            matInput
            formControlName="host"
            required
            [placeholder]="'http://relay.internal:6100'"
            [attr.data-testid]="'agent-host-' + i"
          />
          <mat-error i18n>Enter an http(s) URL without query or credentials.</mat-error>
        </mat-form-field>
        <button
          mat-icon-button
          type="button"
          (click)="agents().removeAt(i)"
          [attr.aria-label]="removeAria(group.controls.name.value || group.controls.id.value)"
        >
          <mat-icon>close</mat-icon>
        </button>
        <div class="agent-actions">
          <button
            i18n
            mat-button
            type="button"
            (click)="check(group)"
            [disabled]="group.controls.host.invalid || !!availability()[group.controls.id.value]?.checking"
            [attr.data-testid]="'agent-check-' + i"
          >
            Check availability
          </button>
          <button
            i18n
            mat-button
            type="button"
            (click)="sync(group)"
            [disabled]="!!syncBlocked(group) || !!denied()"
            [disabledInteractive]="true"
            [matTooltip]="denied() ?? syncBlocked(group) ?? ''"
            [attr.data-testid]="'agent-sync-' + i"
          >
            Sync
          </button>
          <span class="ff-small" role="status" [attr.data-testid]="'agent-availability-' + i">
            @let av = availability()[group.controls.id.value];
            @if (av?.checking) {
              <ng-container i18n>Checking…</ng-container>
            } @else if (av?.status; as code) {
              @if (up(code)) {
                <mat-icon inline class="ok">check_circle</mat-icon>
                <ng-container i18n>Available (HTTP {{ code }})</ng-container>
              } @else {
                <mat-icon inline class="bad">error</mat-icon>
                <ng-container i18n>Unavailable (HTTP {{ code }})</ng-container>
              }
            }
          </span>
          @if (stored(group.controls.id.value); as s) {
            <span class="ff-muted ff-small" [attr.data-testid]="'agent-synced-' + i">
              @if (s.syncAt) {
                <ng-container i18n
                  >Synced {{ relative(s.syncAt) }} · serves {{ s.serves ?? '—' }} · version
                  {{ s.dataVersion }}</ng-container
                >
              } @else {
                <ng-container i18n>Never synced</ng-container>
              }
            </span>
          }
        </div>
      </div>
    }
    <button mat-button type="button" (click)="add()" data-testid="add-manual-agent">
      <mat-icon>add</mat-icon> <span i18n>Add agent</span>
    </button>
  `,
  styles: `
    .title {
      margin: 16px 0 0;
      font: var(--mat-sys-title-small);
    }
    .mono {
      font-family: monospace;
    }
    .agent {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .host {
      flex: 1;
      min-width: 220px;
    }
    .agent-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      width: 100%;
    }
    .ok {
      color: var(--ff-success);
    }
    .bad {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RelayProxyAgentsComponent {
  private readonly api = inject(RelayProxiesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly agents = input.required<FormArray<ManualAgentForm>>();
  readonly autoAgents = model.required<RelayProxyAutoAgent[]>();
  /** The saved proxy (null while creating): only saved agents can be synced. */
  readonly proxyId = input<string | null>(null);
  readonly storedAgents = input<RelayProxyAgent[]>([]);
  readonly denied = input<string | null>(null);
  /** Builds a new, empty agent row (the dialog owns the form builder). */
  readonly newAgent = input.required<() => ManualAgentForm>();

  readonly autoColumns = ['id', 'status', 'registered', 'reported', 'remove'];
  readonly availability = signal<Record<string, Availability>>({});
  private readonly synced = signal<Record<string, Partial<RelayProxyAgent>>>({});
  readonly notReported = $localize`Not reported yet`;
  readonly relative = relativeTime;
  readonly status = agentStatus;
  readonly up = isAvailable;

  removeAria(name: string): string {
    return $localize`Remove ${name}:name:`;
  }

  removeAuto(id: string): void {
    this.autoAgents.update((list) => list.filter((a) => a.id !== id));
  }

  add(): void {
    this.agents().push(this.newAgent()());
  }

  stored(id: string): RelayProxyAgent | null {
    const saved = this.storedAgents().find((a) => a.id === id);
    return saved ? { ...saved, ...this.synced()[id] } : null;
  }

  /** Why Sync is not offered yet: the agent (as edited) must be saved first. */
  syncBlocked(group: ManualAgentForm): string | null {
    const saved = this.storedAgents().find((a) => a.id === group.controls.id.value);
    return this.proxyId() && saved && saved.host === group.controls.host.value.trim()
      ? null
      : $localize`Save the relay proxy first, then sync this agent.`;
  }

  check(group: ManualAgentForm): void {
    const id = group.controls.id.value;
    const set = (value: Availability) => this.availability.update((all) => ({ ...all, [id]: value }));
    set({ checking: true });
    this.api.availability(group.controls.host.value.trim()).subscribe({
      next: (status) => set({ checking: false, status }),
      error: (err: unknown) => {
        set({ checking: false });
        this.notifier.error(err, $localize`Could not check the agent`);
      },
    });
  }

  sync(group: ManualAgentForm): void {
    const rpId = this.proxyId();
    const { id, name } = group.getRawValue();
    if (!rpId) return;
    this.dialog
      .open(SyncKeyDialogComponent, { width: '440px', maxWidth: '95vw', data: name })
      .afterClosed()
      .pipe(switchMap((key?: string) => (key ? this.api.sync(rpId, id, key) : EMPTY)))
      .subscribe({
        next: (result) => {
          if (result.success) {
            this.synced.update((all) => ({
              ...all,
              [id]: { syncAt: result.syncAt, serves: result.serves, dataVersion: result.dataVersion },
            }));
            this.notifier.success($localize`Synced “${name}:name:”`);
          } else {
            this.notifier.error(new Error(result.reason), $localize`Could not sync “${name}:name:”`);
          }
        },
        error: (err: unknown) => this.notifier.error(err, $localize`Could not sync “${name}:name:”`),
      });
  }
}
