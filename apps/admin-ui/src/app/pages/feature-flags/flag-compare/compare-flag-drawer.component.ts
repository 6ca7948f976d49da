import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { ApiError } from '../../../api/api-envelope';
import type { FeatureFlag, RolloutVariation, TargetRule } from '../../../api/api.models';
import { type CompareFlagDetail, FlagCompareApi, type CopyMode } from '../../../api/flag-compare.api';
import { describeError } from '../../../core/feedback/error-messages';
import { Notifier } from '../../../core/feedback/notifier.service';

export interface CompareDrawerData {
  envId: string;
  key: string;
  name: string;
  targetEnvId: string;
  targetName: string;
}

/** One flag side by side with the same flag in another environment; copies the chosen parts. */
@Component({
  selector: 'ff-compare-flag-drawer',
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatCheckbox,
    MatSelect,
    MatOption,
    MatIcon,
    MatProgressBar,
  ],
  templateUrl: './compare-flag-drawer.component.html',
  styleUrl: './compare-flag-drawer.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompareFlagDrawerComponent {
  private readonly api = inject(FlagCompareApi);
  private readonly notifier = inject(Notifier);
  readonly data = inject<CompareDrawerData>(MAT_DIALOG_DATA);
  readonly ref = inject<MatDialogRef<CompareFlagDrawerComponent, boolean>>(MatDialogRef);

  readonly detail = signal<CompareFlagDetail | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly copying = signal(false);
  /** The reasons the server gave for refusing the last copy. */
  readonly refused = signal<string[]>([]);

  readonly onOffState = signal(false);
  readonly individualTargeting = signal(false);
  readonly usersMode = signal<CopyMode>('overwrite');
  readonly targetingRule = signal(false);
  readonly rulesMode = signal<CopyMode>('overwrite');
  readonly defaultRule = signal(false);
  readonly offVariation = signal(false);
  readonly anyChosen = computed(
    () =>
      this.onOffState() ||
      this.individualTargeting() ||
      this.targetingRule() ||
      this.defaultRule() ||
      this.offVariation(),
  );

  constructor() {
    this.api.compareWith(this.data.envId, this.data.key, this.data.targetEnvId).subscribe({
      next: (detail) => {
        if (!detail) this.loadError.set($localize`The flag does not exist in that environment.`);
        this.detail.set(detail);
      },
      error: (err: unknown) => this.loadError.set(describeError(err)),
    });
  }

  onOff(on: boolean): string {
    return on ? $localize`On` : $localize`Off`;
  }

  /** "On 50%, Off 50%" (or one name when a variation gets everyone). */
  serve(flag: FeatureFlag, variations: readonly RolloutVariation[]): string {
    const serving = variations.filter((v) => v.rollout[1] > v.rollout[0]);
    const name = (id: string) => flag.variations.find((v) => v.id === id)?.name ?? '?';
    if (serving.length === 1 && serving[0].rollout[1] - serving[0].rollout[0] >= 1)
      return name(serving[0].id);
    return serving
      .map((v) => `${name(v.id)} ${Math.round((v.rollout[1] - v.rollout[0]) * 1000) / 10}%`)
      .join(', ');
  }

  conditions(rule: TargetRule, segments: CompareFlagDetail['relatedSegments']): string {
    const segmentName = (id: string) => segments.find((s) => s.key === id)?.value ?? id;
    return rule.conditions
      .map((c) => {
        if (c.property.startsWith('User is')) {
          const ids = JSON.parse(c.value) as string[];
          return `${c.property} ${ids.map(segmentName).join(', ')}`;
        }
        return `${c.property} ${c.op ?? ''} ${c.value}`;
      })
      .join(` ${$localize`and`} `);
  }

  hasRules(detail: CompareFlagDetail, side: 'source' | 'target'): boolean {
    return detail.diff.targetingRule.some((x) => x[side] !== null);
  }

  offName(flag: FeatureFlag): string {
    return flag.variations.find((v) => v.id === flag.disabledVariationId)?.name ?? '?';
  }

  copy(): void {
    this.copying.set(true);
    this.refused.set([]);
    const options = {
      onOffState: this.onOffState(),
      individualTargeting: { copy: this.individualTargeting(), mode: this.usersMode() },
      targetingRule: { copy: this.targetingRule(), mode: this.rulesMode() },
      defaultRule: this.defaultRule(),
      offVariation: this.offVariation(),
    };
    this.api.copySettings(this.data.envId, this.data.key, this.data.targetEnvId, options).subscribe({
      next: () => {
        this.notifier.success(
          $localize`Copied the chosen settings of “${this.data.name}:flagName:” to ${this.data.targetName}:target:`,
        );
        this.ref.close(true);
      },
      error: (err: unknown) => {
        this.copying.set(false);
        const problems =
          err instanceof ApiError && Array.isArray(err.data) ? (err.data as { reason: string }[]) : [];
        if (problems.length) this.refused.set(problems.map((p) => p.reason));
        else this.notifier.error(err, $localize`Could not copy the settings`);
      },
    });
  }
}
