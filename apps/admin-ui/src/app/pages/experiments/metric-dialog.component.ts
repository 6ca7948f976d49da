import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatOption } from '@angular/material/core';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { type ExperimentMetric, type ExperimentMetricInput, ExperimentsApi } from '../../api/experiments.api';
import { SessionStore } from '../../core/auth/session.store';
import { describeError } from '../../core/feedback/error-messages';
import { Notifier } from '../../core/feedback/notifier.service';
import { newId } from '../../shared/ids';

export interface MetricDialogData {
  envId: string;
  /** The metric to edit; absent for a new one. */
  metric?: ExperimentMetric;
}

type EventType = ExperimentMetricInput['eventType'];

/** Create or edit a metric, with the fields of its event type (Custom, PageView, Click). */
@Component({
  selector: 'ff-metric-dialog',
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
  ],
  template: `
    <form class="ff-drawer" (ngSubmit)="save()">
      <h2 mat-dialog-title>
        @if (data.metric) {
          <ng-container i18n>Edit metric</ng-container>
        } @else {
          <ng-container i18n>Create metric</ng-container>
        }
      </h2>
      <mat-dialog-content class="ff-form">
        <mat-form-field>
          <mat-label i18n>Name</mat-label>
          <input matInput name="name" required [(ngModel)]="name" data-testid="metric-name" />
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Description</mat-label>
          <textarea matInput name="description" rows="2" [(ngModel)]="description"></textarea>
        </mat-form-field>
        <p i18n class="ff-small ff-muted">Maintainer: {{ maintainerName }}</p>
        <mat-button-toggle-group
          name="eventType"
          [(ngModel)]="eventType"
          aria-label="Event type"
          i18n-aria-label
          data-testid="metric-type"
        >
          <mat-button-toggle i18n [value]="1">Custom</mat-button-toggle>
          <mat-button-toggle i18n [value]="2">Page view</mat-button-toggle>
          <mat-button-toggle i18n [value]="3">Click</mat-button-toggle>
        </mat-button-toggle-group>
        @if (eventType === 1) {
          <mat-form-field>
            <mat-label i18n>Event name</mat-label>
            <input matInput name="eventName" required [(ngModel)]="eventName" data-testid="metric-event" />
            <mat-hint i18n>The name your code sends with track()</mat-hint>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n>Tracks</mat-label>
            <mat-select name="trackOption" [(ngModel)]="trackOption" data-testid="metric-track">
              <mat-option i18n [value]="1">Conversion (did the user send it?)</mat-option>
              <mat-option i18n [value]="2">Numeric value (e.g. revenue)</mat-option>
            </mat-select>
          </mat-form-field>
          @if (trackOption === 2) {
            <mat-form-field>
              <mat-label i18n>Unit</mat-label>
              <input matInput name="unit" [(ngModel)]="unit" />
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label i18n>Success criteria</mat-label>
            <mat-select name="criteria" [(ngModel)]="successCriteria">
              <mat-option i18n [value]="1">Higher is better</mat-option>
              <mat-option i18n [value]="2">Lower is better</mat-option>
            </mat-select>
          </mat-form-field>
        } @else {
          @if (eventType === 3) {
            <mat-form-field>
              <mat-label i18n>CSS selectors</mat-label>
              <input matInput name="selectors" required [(ngModel)]="elementTargets" />
              <mat-hint i18n>Clicks on these elements count, e.g. #buy, .cta</mat-hint>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label i18n>Target URLs</mat-label>
            <textarea matInput name="urls" rows="3" [(ngModel)]="urls"></textarea>
            <mat-hint i18n>One per line; a page counts when its URL contains one of them</mat-hint>
          </mat-form-field>
        }
        @if (error(); as message) {
          <p class="ff-error-text" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n mat-button type="button" (click)="ref.close()">Cancel</button>
        <button i18n mat-flat-button type="submit" [disabled]="saving()" data-testid="metric-save">
          Save
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MetricDialogComponent {
  readonly data = inject<MetricDialogData>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<MetricDialogComponent, boolean>>(MatDialogRef);
  private readonly api = inject(ExperimentsApi);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);

  private readonly metric = this.data.metric;
  name = this.metric?.name ?? '';
  description = this.metric?.description ?? '';
  eventType: EventType = this.metric?.eventType ?? 1;
  eventName = this.metric?.eventName ?? '';
  trackOption: 0 | 1 | 2 = this.metric?.customEventTrackOption || 1;
  successCriteria: 0 | 1 | 2 = this.metric?.customEventSuccessCriteria || 1;
  unit = this.metric?.customEventUnit ?? '';
  elementTargets = this.metric?.elementTargets ?? '';
  urls = (this.metric?.targetUrls ?? []).map((t) => t.url).join('\n');
  // There is no member picker: the maintainer stays who it was, or becomes the current user.
  readonly maintainerId = this.metric?.maintainerUserId ?? this.session.profile()?.id ?? '';
  readonly maintainerName = this.metric?.maintainerName ?? this.session.profile()?.name ?? '--';
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);

  private input(): ExperimentMetricInput {
    const base = {
      name: this.name.trim(),
      description: this.description.trim(),
      maintainerUserId: this.maintainerId,
      eventType: this.eventType,
    };
    if (this.eventType === 1) {
      return {
        ...base,
        eventName: this.eventName.trim(),
        customEventTrackOption: this.trackOption,
        customEventSuccessCriteria: this.successCriteria,
        customEventUnit: this.trackOption === 2 ? this.unit.trim() : '',
      };
    }
    const targetUrls = this.urls
      .split('\n')
      .map((u) => u.trim())
      .filter(Boolean)
      .map((url) => ({ id: newId(), matchType: 1 as const, url }));
    return {
      ...base,
      targetUrls,
      elementTargets: this.eventType === 3 ? this.elementTargets.trim() : '',
    };
  }

  save(): void {
    if (!this.name.trim()) {
      this.error.set($localize`A name is required.`);
      return;
    }
    if (this.eventType === 1 && !this.eventName.trim()) {
      this.error.set($localize`An event name is required.`);
      return;
    }
    this.saving.set(true);
    const body = this.input();
    const call = this.metric
      ? this.api.updateMetric(this.data.envId, this.metric.id, body)
      : this.api.createMetric(this.data.envId, body);
    call.subscribe({
      next: () => {
        this.notifier.success(this.metric ? $localize`Metric saved` : $localize`Metric created`);
        this.ref.close(true);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.error.set(describeError(err));
      },
    });
  }
}
