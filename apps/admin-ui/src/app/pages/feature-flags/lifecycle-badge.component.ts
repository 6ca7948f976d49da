import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltip } from '@angular/material/tooltip';
import type { FlagLifecycle, FlagLifecycleStatus } from '../../api/flag-lifecycle.api';

/** The statuses in the order the filter offers them, with their labels. */
export const LIFECYCLE_OPTIONS: readonly { status: FlagLifecycleStatus; label: string }[] = [
  { status: 'new', label: $localize`New` },
  { status: 'active', label: $localize`Active` },
  { status: 'launched', label: $localize`Launched` },
  { status: 'inactive', label: $localize`Inactive` },
  { status: 'permanent', label: $localize`Permanent` },
];

/** Why the flag has its status, in the console's language (the API's `reason` is English). */
export function lifecycleReason(lifecycle: FlagLifecycle): string {
  const days = lifecycle.reasonArgs.days ?? 0;
  const name = lifecycle.reasonArgs.variation ?? '';
  switch (lifecycle.reasonCode) {
    case 'marked-permanent':
      return $localize`:lifecycle reason:Marked permanent: meant to stay in the code`;
    case 'created-recently':
      return $localize`:lifecycle reason:Created less than ${days}:days: days ago`;
    case 'never-evaluated':
      return $localize`:lifecycle reason:Never evaluated by an SDK`;
    case 'not-evaluated':
      return $localize`:lifecycle reason:Not evaluated by an SDK for ${days}:days: days`;
    case 'launched':
      return lifecycle.reasonArgs.off
        ? $localize`:lifecycle reason:Serves "${name}:variation:" to everyone (off), unchanged for ${days}:days: days or more: ready to remove from the code`
        : $localize`:lifecycle reason:Serves "${name}:variation:" to everyone, unchanged for ${days}:days: days or more: ready to remove from the code`;
    case 'serves-several':
      return $localize`:lifecycle reason:Evaluated in the last ${days}:days: days; serves more than one variation`;
    case 'changed-recently':
      return $localize`:lifecycle reason:Evaluated in the last ${days}:days: days; serves "${name}:variation:" to everyone, changed less than ${days}:days: days ago`;
    default:
      return lifecycle.reason;
  }
}

/** A flag's lifecycle status as a coloured badge; the reason shows as its tooltip. */
@Component({
  selector: 'ff-lifecycle-badge',
  imports: [MatTooltip],
  template: `<span
    [class]="'lifecycle lifecycle-' + lifecycle().status"
    [matTooltip]="reason()"
    [attr.aria-label]="label() + ': ' + reason()"
    [attr.data-testid]="testId()"
    [attr.data-status]="lifecycle().status"
    >{{ label() }}</span
  >`,
  styles: `
    :host {
      margin-left: 4px;
    }
    .lifecycle {
      display: inline-block;
      padding: 1px 8px;
      border-radius: 10px;
      font-size: 12px;
      line-height: 18px;
      font-weight: 500;
      white-space: nowrap;
    }
    .lifecycle-new {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .lifecycle-active {
      background: var(--ff-success-container);
      color: var(--ff-on-success-container);
    }
    .lifecycle-launched {
      background: var(--ff-warning-container);
      color: var(--ff-on-warning-container);
    }
    .lifecycle-inactive {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .lifecycle-permanent {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LifecycleBadgeComponent {
  readonly lifecycle = input.required<FlagLifecycle>();
  readonly testId = input<string | null>(null);
  readonly reason = computed(() => lifecycleReason(this.lifecycle()));
  readonly label = computed(
    () =>
      LIFECYCLE_OPTIONS.find((o) => o.status === this.lifecycle().status)?.label ?? this.lifecycle().status,
  );
}
