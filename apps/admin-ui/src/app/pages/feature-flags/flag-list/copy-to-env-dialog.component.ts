import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOptgroup, MatOption } from '@angular/material/core';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import type { CopyPrecheckResult, FlagListItem } from '../../../api/api.models';
import { FlagsApi } from '../../../api/flags.api';
import { ContextStore } from '../../../core/context/context.store';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';

/**
 * Copy one flag, or several picked in the list (FeatBit's "Batch Copy To"), to another environment of
 * any project, after the server's precheck. Flags whose key is taken there are left out and named.
 */
@Component({
  selector: 'ff-copy-to-env-dialog',
  imports: [
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatOptgroup,
    MatButton,
    MatIcon,
    MatProgressBar,
  ],
  template: `
    <h2 mat-dialog-title>
      @if (flags.length === 1) {
        <ng-container i18n>Copy “{{ flags[0].name }}” to another environment</ng-container>
      } @else {
        <ng-container i18n>Copy {{ flags.length }} flags to another environment</ng-container>
      }
    </h2>
    <mat-dialog-content>
      <mat-form-field class="target">
        <mat-label i18n>Target environment</mat-label>
        <mat-select [value]="targetEnvId()" (valueChange)="choose($event)" data-testid="copy-target">
          @for (project of context.projects(); track project.id) {
            <mat-optgroup [label]="project.name">
              @for (env of project.environments; track env.id) {
                <mat-option [value]="env.id" [disabled]="env.id === context.envId()">{{
                  env.name
                }}</mat-option>
              }
            </mat-optgroup>
          }
        </mat-select>
      </mat-form-field>
      @if (checking()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (problem(); as message) {
        <p class="ff-error-text" role="alert">{{ message }}</p>
      }
      @if (flags.length > 1 && checks().length) {
        <ul class="checks" data-testid="copy-batch-checks">
          <li>
            <mat-icon inline>check_circle</mat-icon>
            <ng-container i18n>{{ copyable().length }} of {{ flags.length }} can be copied.</ng-container>
          </li>
          @for (name of blocked(); track name) {
            <li class="bad">
              <mat-icon inline>error</mat-icon>
              <ng-container i18n>“{{ name }}”: a flag with this key already exists there.</ng-container>
            </li>
          }
          @if (someWarn('targetUserCheck')) {
            <li class="warn">
              <mat-icon inline>warning</mat-icon>
              <ng-container i18n
                >Individually targeted users are not copied (they belong to this environment).</ng-container
              >
            </li>
          }
          @if (someWarn('targetRuleCheck')) {
            <li class="warn">
              <mat-icon inline>warning</mat-icon>
              <ng-container i18n>Rules using segments of this environment are not copied.</ng-container>
            </li>
          }
        </ul>
      }
      @if (flags.length === 1 && precheck(); as check) {
        <ul class="checks">
          <li [class.bad]="!check.keyCheck">
            <mat-icon inline>{{ check.keyCheck ? 'check_circle' : 'error' }}</mat-icon>
            @if (check.keyCheck) {
              <ng-container i18n>The key is free in the target environment.</ng-container>
            } @else {
              <ng-container i18n
                >A flag with this key already exists there; it cannot be copied.</ng-container
              >
            }
          </li>
          <li [class.warn]="!check.targetUserCheck">
            <mat-icon inline>{{ check.targetUserCheck ? 'check_circle' : 'warning' }}</mat-icon>
            @if (check.targetUserCheck) {
              <ng-container i18n>No individually targeted users.</ng-container>
            } @else {
              <ng-container i18n
                >Individually targeted users are not copied (they belong to this environment).</ng-container
              >
            }
          </li>
          <li [class.warn]="!check.targetRuleCheck">
            <mat-icon inline>{{ check.targetRuleCheck ? 'check_circle' : 'warning' }}</mat-icon>
            @if (check.targetRuleCheck) {
              <ng-container i18n>Targeting rules can be copied.</ng-container>
            } @else {
              <ng-container i18n>Rules using segments of this environment are not copied.</ng-container>
            }
          </li>
          @if (check.newProperties.length) {
            <li>
              <mat-icon inline>info</mat-icon>
              <ng-container i18n
                >New user properties registered there: {{ check.newProperties.join(', ') }}</ng-container
              >
            </li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button i18n mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        i18n
        mat-flat-button
        type="button"
        [disabled]="!canCopy()"
        (click)="copy()"
        data-testid="copy-confirm"
      >
        Copy
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .target {
      width: 100%;
    }
    .checks {
      list-style: none;
      padding: 0;
      li {
        display: flex;
        gap: 6px;
        align-items: center;
        padding: 3px 0;
      }
      mat-icon {
        color: var(--ff-success);
      }
      .bad mat-icon {
        color: var(--mat-sys-error);
      }
      .warn mat-icon {
        color: var(--ff-warning);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CopyToEnvDialogComponent {
  private readonly api = inject(FlagsApi);
  private readonly notifier = inject(Notifier);
  readonly context = inject(ContextStore);
  private readonly data = inject<FlagListItem | FlagListItem[]>(MAT_DIALOG_DATA);
  readonly flags: FlagListItem[] = Array.isArray(this.data) ? this.data : [this.data];
  readonly ref = inject<MatDialogRef<CopyToEnvDialogComponent>>(MatDialogRef);

  readonly targetEnvId = signal<string | null>(null);
  readonly checks = signal<CopyPrecheckResult[]>([]);
  /** The single flag's precheck (one flag copied). */
  readonly precheck = computed(() => (this.flags.length === 1 ? (this.checks()[0] ?? null) : null));
  readonly copyable = computed(() => this.checks().filter((c) => c.keyCheck));
  readonly blocked = computed(() =>
    this.checks()
      .filter((c) => !c.keyCheck)
      .map((c) => this.flags.find((f) => f.id === c.id)?.name ?? c.id),
  );
  readonly checking = signal(false);
  readonly copying = signal(false);
  readonly problem = signal<string | null>(null);
  readonly canCopy = computed(() => this.copyable().length > 0 && !this.copying() && !this.checking());

  someWarn(check: 'targetUserCheck' | 'targetRuleCheck'): boolean {
    return this.checks().some((c) => c.keyCheck && !c[check]);
  }

  choose(envId: string): void {
    this.targetEnvId.set(envId);
    this.checks.set([]);
    this.problem.set(null);
    this.checking.set(true);
    const ids = this.flags.map((f) => f.id);
    this.api.copyPrecheck(this.context.envId() ?? '', envId, ids).subscribe({
      next: (results) => {
        this.checking.set(false);
        this.checks.set(results.filter((r) => ids.includes(r.id)));
      },
      error: (err: unknown) => {
        this.checking.set(false);
        this.problem.set(describeError(err));
      },
    });
  }

  copy(): void {
    const target = this.targetEnvId();
    const checks = this.copyable();
    if (!target || checks.length === 0) return;
    this.copying.set(true);
    const ids = checks.map((c) => c.id);
    this.api.copyToEnv(this.context.envId() ?? '', target, ids, checks).subscribe({
      next: () => {
        const env = this.context.allEnvironments().find((e) => e.env.id === target);
        const where = env ? `${env.project.name} / ${env.env.name}` : $localize`the environment`;
        this.notifier.success(
          ids.length === 1
            ? $localize`Copied “${this.flags.find((f) => f.id === ids[0])?.name ?? ''}:flagName:” to ${where}:target:`
            : $localize`Copied ${ids.length}:count: flags to ${where}:target:`,
        );
        this.ref.close(true);
      },
      error: (err: unknown) => {
        this.copying.set(false);
        this.notifier.error(err, $localize`Could not copy the flag`);
      },
    });
  }
}
