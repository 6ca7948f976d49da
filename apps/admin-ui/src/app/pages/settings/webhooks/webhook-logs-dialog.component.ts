import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { deliveryField, type Webhook, type WebhookDelivery, WebhooksApi } from '../../../api/webhooks.api';
import { describeError } from '../../../core/feedback/error-messages';

/** The past 15 days, as FeatBit's console shows the log. */
const LOG_DAYS = 15;

/** A webhook's delivery log: one row per attempt, with request, response and duration. */
@Component({
  selector: 'ff-webhook-logs-dialog',
  imports: [
    DatePipe,
    JsonPipe,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatExpansionModule,
    MatProgressBar,
  ],
  template: `
    <h2 i18n mat-dialog-title>Deliveries of “{{ hook.name }}”</h2>
    <mat-dialog-content>
      <mat-button-toggle-group
        [value]="outcome()"
        (change)="setOutcome($event.value)"
        aria-label="Outcome"
        i18n-aria-label
        class="filter"
      >
        <mat-button-toggle i18n value="all">All</mat-button-toggle>
        <mat-button-toggle i18n value="true">Succeeded</mat-button-toggle>
        <mat-button-toggle i18n value="false">Failed</mat-button-toggle>
      </mat-button-toggle-group>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (error(); as message) {
        <p i18n class="ff-error-text" role="alert">The log could not be loaded: {{ message }}</p>
      }
      <p i18n class="ff-muted ff-small">{{ total() }} attempts in the past {{ days }} days.</p>
      <mat-accordion data-testid="webhook-deliveries">
        @for (d of deliveries(); track d.id) {
          <mat-expansion-panel>
            <mat-expansion-panel-header>
              <mat-panel-title>
                <span class="ff-badge" [class.ff-badge-on]="d.success">
                  @if (d.success) {
                    <ng-container i18n>Success</ng-container>
                  } @else {
                    <ng-container i18n>Failed</ng-container>
                  }
                </span>
                <span class="status">{{ statusOf(d) }}</span>
              </mat-panel-title>
              <mat-panel-description i18n>
                {{ d.startedAt | date: 'medium' }} · {{ d.durationMs }} ms · {{ d.events }}
              </mat-panel-description>
            </mat-expansion-panel-header>
            @if (d.error) {
              <p class="ff-error-text">{{ errorOf(d) }}</p>
            }
            <h4 i18n>Request</h4>
            <pre>{{ d.request | json }}</pre>
            <h4 i18n>Response</h4>
            @if (d.response) {
              <pre>{{ d.response | json }}</pre>
            } @else {
              <pre i18n>No response</pre>
            }
          </mat-expansion-panel>
        } @empty {
          <p class="ff-empty">
            @if (loading()) {
              <ng-container i18n>Loading…</ng-container>
            } @else {
              <ng-container i18n>No deliveries yet.</ng-container>
            }
          </p>
        }
      </mat-accordion>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button i18n mat-button type="button" (click)="load()">Refresh</button>
      <button i18n mat-flat-button mat-dialog-close type="button">Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .filter {
      margin-bottom: 8px;
    }
    .status {
      margin-left: 8px;
    }
    pre {
      white-space: pre-wrap;
      word-break: break-all;
      font-size: 12px;
      padding: 8px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhookLogsDialogComponent {
  private readonly api = inject(WebhooksApi);
  readonly hook = inject<Webhook>(MAT_DIALOG_DATA);
  readonly days = LOG_DAYS;
  readonly deliveries = signal<WebhookDelivery[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly outcome = signal<'all' | 'true' | 'false'>('all');

  constructor() {
    void this.load();
  }

  setOutcome(value: 'all' | 'true' | 'false'): void {
    this.outcome.set(value);
    void this.load();
  }

  statusOf(d: WebhookDelivery): string {
    const status = deliveryField(d.response, 'statusCode');
    return status ? `HTTP ${status}` : $localize`no answer`;
  }

  errorOf(d: WebhookDelivery): string {
    return deliveryField(d.error, 'message');
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const outcome = this.outcome();
      const page = await firstValueFrom(
        this.api.deliveries(this.hook.id, {
          notBefore: new Date(Date.now() - LOG_DAYS * 86_400_000).toISOString(),
          success: outcome === 'all' ? undefined : outcome === 'true',
        }),
      );
      this.deliveries.set(page.items);
      this.total.set(page.totalCount);
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }
}
