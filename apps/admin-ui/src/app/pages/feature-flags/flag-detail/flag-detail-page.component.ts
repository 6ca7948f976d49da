import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatBadge } from '@angular/material/badge';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { catchError, firstValueFrom, of } from 'rxjs';
import { ReleaseWorkflowsApi } from '../../../api/release-workflows.api';
import { ContextStore } from '../../../core/context/context.store';
import {
  type ChangeReviewData,
  ChangeReviewDialogComponent,
  type ChangeReviewResult,
} from '../../../ui/change-review-dialog/change-review-dialog.component';
import { CopyButtonComponent } from '../../../ui/copy-button/copy-button.component';
import { Notifier } from '../../../core/feedback/notifier.service';
import { ChangeProposals } from '../../release-workflows/change-proposals.service';
import {
  type PendingChangesDrawerData,
  PendingChangesDrawerComponent,
  pendingDrawerConfig,
} from '../../release-workflows/pending-changes-drawer.component';
import { FlagActions } from '../flag-actions.service';
import { variationTypeBadge } from '../../../shared/variations';
import { LifecycleBadgeComponent } from '../lifecycle-badge.component';
import { FlagDetailStore } from './flag-detail.store';
import { FlagSettingsDialogComponent } from './flag-settings-dialog.component';
import { PermanentSwitchComponent } from './permanent-switch.component';

@Component({
  selector: 'ff-flag-detail-page',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatTabNav,
    MatTabLink,
    MatTabNavPanel,
    MatSlideToggle,
    MatButton,
    MatBadge,
    MatIcon,
    MatProgressBar,
    CopyButtonComponent,
    LifecycleBadgeComponent,
    PermanentSwitchComponent,
  ],
  providers: [FlagDetailStore],
  template: `
    <div class="ff-page">
      <a class="back" routerLink="/feature-flags"
        ><mat-icon inline>arrow_back</mat-icon> <ng-container i18n>Feature flags</ng-container></a
      >
      @if (store.error(); as message) {
        <div class="ff-card" role="alert">
          <h2 i18n>This flag could not be loaded</h2>
          <p>{{ message }}</p>
          <a i18n mat-stroked-button routerLink="/feature-flags">Back to the list</a>
        </div>
      } @else if (store.flag(); as flag) {
        <header class="ff-page-header flag-header">
          <div class="title">
            <h1 data-testid="flag-title">{{ flag.name }}</h1>
            <div class="key">
              <span class="ff-chip-key">{{ flag.key }}</span>
              <ff-copy-button [value]="flag.key" what="flag key" i18n-what />
              <span class="ff-badge">{{ variationTypeBadge(flag.variationType) }}</span>
              <ff-lifecycle-badge [lifecycle]="flag.lifecycle" testId="flag-lifecycle" />
              @for (tag of flag.tags; track tag) {
                <span class="ff-badge">{{ tag }}</span>
              }
            </div>
            @if (flag.description) {
              <p class="ff-muted description">{{ flag.description }}</p>
            }
          </div>
          <span class="ff-spacer"></span>
          @if (!flag.isArchived) {
            <ff-permanent-switch
              class="permanent"
              [flagKey]="flag.key"
              [flagName]="flag.name"
              [isPermanent]="flag.isPermanent ?? false"
              (changed)="store.reload()"
            />
            <button
              mat-stroked-button
              type="button"
              class="pending"
              (click)="openPending()"
              data-testid="pending-changes"
              [matBadge]="pendingCount() || null"
              matBadgeColor="accent"
              [attr.aria-label]="pendingLabel()"
            >
              <mat-icon>pending_actions</mat-icon> <ng-container i18n>Pending changes</ng-container>
            </button>
            <button mat-stroked-button type="button" (click)="editSettings()" data-testid="flag-settings">
              <mat-icon>edit</mat-icon> <ng-container i18n>Edit details</ng-container>
            </button>
            <mat-slide-toggle
              class="status"
              [checked]="flag.isEnabled"
              (change)="toggle($event)"
              data-testid="flag-status-toggle"
              [attr.aria-label]="flag.isEnabled ? turnOffLabel : turnOnLabel"
            >
              <strong>
                @if (flag.isEnabled) {
                  <ng-container i18n>ON</ng-container>
                } @else {
                  <ng-container i18n>OFF</ng-container>
                }
              </strong>
            </mat-slide-toggle>
          }
        </header>
        @if (flag.isArchived) {
          <div class="archived-banner" role="status">
            <mat-icon>archive</mat-icon>
            <span i18n>This flag is archived: SDKs no longer receive it.</span>
            <span class="ff-spacer"></span>
            <button i18n mat-stroked-button type="button" (click)="restore()">Restore</button>
            <button i18n mat-button type="button" (click)="remove()">Delete</button>
          </div>
        }
        <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Flag sections" i18n-aria-label>
          <a
            i18n
            mat-tab-link
            routerLink="targeting"
            routerLinkActive
            #t="routerLinkActive"
            [active]="t.isActive"
            >Targeting</a
          >
          <a
            i18n
            mat-tab-link
            routerLink="insights"
            routerLinkActive
            #i="routerLinkActive"
            [active]="i.isActive"
            data-testid="insights-tab"
            >Insights</a
          >
          <a
            i18n
            mat-tab-link
            routerLink="experimentation"
            routerLinkActive
            #x="routerLinkActive"
            [active]="x.isActive"
            data-testid="experimentation-tab"
            >Experimentation</a
          >
          <a
            i18n
            mat-tab-link
            routerLink="triggers"
            routerLinkActive
            #tr="routerLinkActive"
            [active]="tr.isActive"
            data-testid="triggers-tab"
            >Triggers</a
          >
          <a
            i18n
            mat-tab-link
            routerLink="history"
            routerLinkActive
            #h="routerLinkActive"
            [active]="h.isActive"
            data-testid="history-tab"
            >History</a
          >
        </nav>
        <mat-tab-nav-panel #panel>
          <router-outlet />
        </mat-tab-nav-panel>
      } @else {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      text-decoration: none;
      margin-bottom: 8px;
    }
    .flag-header {
      align-items: flex-start;
    }
    .key {
      display: flex;
      align-items: center;
      gap: 6px;
      flex-wrap: wrap;
      margin-top: 4px;
    }
    .description {
      margin: 6px 0 0;
      max-width: 720px;
    }
    .status {
      margin: 8px 0 0 12px;
    }
    .permanent {
      margin: 8px 16px 0 0;
    }
    .pending {
      margin-right: 8px;
    }
    .archived-banner {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 10px 16px;
      border-radius: 12px;
      background: var(--ff-warning-container);
      color: var(--ff-on-warning-container);
      margin-bottom: 12px;
      flex-wrap: wrap;
    }
    mat-tab-nav-panel {
      display: block;
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagDetailPageComponent {
  readonly store = inject(FlagDetailStore);
  readonly variationTypeBadge = variationTypeBadge;
  private readonly actions = inject(FlagActions);
  private readonly router = inject(Router);
  private readonly context = inject(ContextStore);
  private readonly dialog = inject(MatDialog);
  private readonly workflows = inject(ReleaseWorkflowsApi);
  private readonly proposals = inject(ChangeProposals);
  private readonly notifier = inject(Notifier);

  /** Schedules and change requests waiting on this flag (the pending-changes badge). */
  readonly pendingCount = signal(0);
  readonly pendingLabel = computed(() => $localize`Pending changes: ${this.pendingCount()}:count:`);
  readonly turnOnLabel = $localize`Turn the flag on`;
  readonly turnOffLabel = $localize`Turn the flag off`;

  /** Route parameter. */
  readonly key = input.required<string>();

  constructor() {
    effect(() => {
      const key = this.key();
      this.context.envId();
      untracked(() => void this.store.open(key));
    });
    // Every (re)load of the flag also recounts what is pending on it.
    effect(() => {
      const flag = this.store.flag();
      if (flag) untracked(() => void this.countPending(flag.key));
    });
  }

  private async countPending(key: string): Promise<void> {
    const list = await firstValueFrom(
      this.workflows.pendingChanges(this.context.envId() ?? '', key).pipe(catchError(() => of([]))),
    );
    this.pendingCount.set(list.length);
  }

  openPending(): void {
    const flag = this.store.flag();
    if (!flag) return;
    this.dialog
      .open<PendingChangesDrawerComponent, PendingChangesDrawerData, boolean>(PendingChangesDrawerComponent, {
        ...pendingDrawerConfig,
        data: { flagKey: flag.key, flagName: flag.name },
      })
      .afterClosed()
      .subscribe(() => void this.store.reload());
  }

  toggle(event: MatSlideToggleChange): void {
    const flag = this.store.flag();
    if (!flag) return;
    const on = event.checked;
    if (this.proposals.approvalRequired()) {
      // The switch only proposes: it shows the flag's state until the change is applied.
      event.source.checked = !on;
      void this.requestToggle(flag.key, flag.name, flag.revision, on);
      return;
    }
    this.actions.toggle(flag, on).subscribe({
      complete: () => void this.store.reload(),
      error: () => void this.store.reload(),
    });
  }

  /** Where approval is required, the switch opens the change-review dialog in "Request approval" mode. */
  private async requestToggle(key: string, name: string, revision: string, on: boolean): Promise<void> {
    const choice = await firstValueFrom(
      this.dialog
        .open<ChangeReviewDialogComponent, ChangeReviewData, ChangeReviewResult>(
          ChangeReviewDialogComponent,
          {
            data: {
              title: on ? $localize`Turn on “${name}:flagName:”` : $localize`Turn off “${name}:flagName:”`,
              changes: [{ kind: 'update', text: on ? this.turnOnLabel : this.turnOffLabel }],
              requireComment: this.context.requireChangeComment(),
              approvalRequired: true,
              proposable: true,
              reviewers: this.proposals.reviewerOptions(),
              mode: 'request',
            },
            width: '640px',
            maxWidth: '95vw',
          },
        )
        .afterClosed(),
    );
    if (!choice || choice.mode === 'now') return;
    try {
      await firstValueFrom(this.proposals.propose(key, revision, { isEnabled: on }, choice));
      this.notifier.success(
        choice.mode === 'schedule'
          ? $localize`Scheduled “${choice.title}:title:”`
          : $localize`Sent the change for approval`,
      );
      await this.countPending(key);
    } catch (err) {
      this.notifier.error(err, $localize`Could not propose the change`);
    }
  }

  editSettings(): void {
    const flag = this.store.flag();
    if (!flag) return;
    this.dialog
      .open(FlagSettingsDialogComponent, { data: flag, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: boolean) => saved && void this.store.reload());
  }

  restore(): void {
    const flag = this.store.flag();
    if (flag) this.actions.restore(flag).subscribe(() => void this.store.reload());
  }

  remove(): void {
    const flag = this.store.flag();
    if (flag) this.actions.remove(flag).subscribe(() => void this.router.navigate(['/feature-flags']));
  }
}
