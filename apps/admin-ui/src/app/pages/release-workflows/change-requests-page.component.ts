import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { PendingChangeDto } from '../../api/generated/models';
import { ReleaseWorkflowsApi } from '../../api/release-workflows.api';
import { ContextStore } from '../../core/context/context.store';
import { describeError } from '../../core/feedback/error-messages';
import { waitingFor } from '../../shared/release-workflow';
import {
  type PendingAction,
  PendingChangeCardComponent,
} from '../../ui/pending-change-card/pending-change-card.component';
import { ChangeProposals } from './change-proposals.service';
import { PendingChangeActions } from './pending-change-actions.service';

/** The environment's open change requests, with the ones waiting for the signed-in reviewer first. */
@Component({
  selector: 'ff-change-requests-page',
  imports: [MatButtonToggleGroup, MatButtonToggle, MatProgressBar, RouterLink, PendingChangeCardComponent],
  template: `
    <div class="ff-page">
      <header class="ff-page-header">
        <div>
          <h1 i18n>Change requests</h1>
          <p i18n class="ff-muted">
            Flag changes proposed for review in {{ context.environment()?.name }}, until they are applied.
          </p>
        </div>
      </header>
      <mat-button-toggle-group
        aria-label="Show"
        i18n-aria-label
        [value]="filter()"
        (change)="filter.set($event.value)"
        class="filter"
      >
        <mat-button-toggle i18n value="all" data-testid="cr-filter-all"
          >All open ({{ requests().length }})</mat-button-toggle
        >
        <mat-button-toggle i18n value="mine" data-testid="cr-filter-mine"
          >Waiting for you ({{ waitingCount() }})</mat-button-toggle
        >
      </mat-button-toggle-group>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (error(); as message) {
        <p role="alert" class="ff-error-text">{{ message }}</p>
      }
      <div class="list" data-testid="change-requests">
        @for (change of shown(); track change.id) {
          <div class="item">
            <ff-pending-change-card
              [change]="change"
              [memberId]="proposals.memberId()"
              [showFlag]="true"
              [busy]="busy()"
              (act)="act(change, $event)"
            />
            <a i18n class="open ff-small" [routerLink]="['/feature-flags', change.flagKey, 'targeting']"
              >Open the flag</a
            >
          </div>
        } @empty {
          @if (!loading()) {
            <p class="ff-muted" data-testid="cr-empty">
              @if (filter() === 'mine') {
                <ng-container i18n>Nothing is waiting for your review.</ng-container>
              } @else {
                <ng-container i18n>No open change requests.</ng-container>
              }
            </p>
          }
        }
      </div>
    </div>
  `,
  styles: `
    .filter {
      margin-bottom: 16px;
    }
    .list {
      max-width: 880px;
    }
    .item {
      position: relative;
    }
    .open {
      position: absolute;
      right: 16px;
      bottom: 22px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangeRequestsPageComponent {
  readonly context = inject(ContextStore);
  readonly proposals = inject(ChangeProposals);
  private readonly api = inject(ReleaseWorkflowsApi);
  private readonly actions = inject(PendingChangeActions);

  readonly requests = signal<PendingChangeDto[]>([]);
  readonly filter = signal<'all' | 'mine'>('all');
  readonly loading = signal(false);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  readonly waitingCount = computed(
    () => this.requests().filter((r) => waitingFor(r, this.proposals.memberId())).length,
  );
  readonly shown = computed(() => {
    const me = this.proposals.memberId();
    const all = this.requests();
    const mine = all.filter((r) => waitingFor(r, me));
    return this.filter() === 'mine' ? mine : [...mine, ...all.filter((r) => !waitingFor(r, me))];
  });

  constructor() {
    effect(() => {
      this.context.envId();
      untracked(() => void this.load());
    });
  }

  async load(): Promise<void> {
    const envId = this.context.envId();
    if (!envId) return;
    this.loading.set(true);
    try {
      this.requests.set(await firstValueFrom(this.api.changeRequests(envId)));
      this.error.set(null);
    } catch (err) {
      this.error.set(describeError(err));
    } finally {
      this.loading.set(false);
    }
  }

  async act(change: PendingChangeDto, action: PendingAction): Promise<void> {
    this.busy.set(true);
    try {
      if (await firstValueFrom(this.actions.run(change, action))) await this.load();
    } finally {
      this.busy.set(false);
    }
  }
}
