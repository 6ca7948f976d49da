import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { RolloutVariation, Variation } from '../../api/api.models';
import {
  evenSplit,
  partsToRollouts,
  rolloutsToParts,
  serveSingle,
  singleVariationOf,
  type SplitPart,
  splitError,
  splitTotal,
} from '../../shared/rollout';

/**
 * What a rule (or the default rule) serves: one variation, or a percentage split over the flag's
 * variations whose parts must add up to 100, bucketed by the user key or a chosen attribute.
 */
@Component({
  selector: 'ff-serve-editor',
  imports: [
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatInput,
    MatSuffix,
    MatButton,
  ],
  templateUrl: './serve-editor.component.html',
  styleUrl: './serve-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServeEditorComponent {
  readonly variations = input.required<readonly Variation[]>();
  readonly value = input.required<readonly RolloutVariation[]>();
  readonly dispatchKey = input<string | null>(null);
  /** Attribute names offered for "dispatch by". */
  readonly properties = input<readonly string[]>([]);
  readonly label = input($localize`Serve`);

  readonly valueChange = output<RolloutVariation[]>();
  readonly dispatchKeyChange = output<string | null>();

  readonly single = computed(() => singleVariationOf(this.value()));
  // The mode the user picked wins over the stored shape: a 100/0 split stays a split while editing.
  private readonly chosenMode = signal<'single' | 'split' | null>(null);
  readonly mode = computed<'single' | 'split'>(
    () => this.chosenMode() ?? (this.single() !== null || this.value().length === 0 ? 'single' : 'split'),
  );

  /** One row per flag variation, so every variation can get a share. */
  readonly parts = computed<SplitPart[]>(() => {
    const stored = rolloutsToParts(this.value());
    return this.variations().map(
      (v) => stored.find((p) => p.variationId === v.id) ?? { variationId: v.id, percent: 0 },
    );
  });
  readonly total = computed(() => splitTotal(this.parts()));
  readonly error = computed(() => (this.mode() === 'split' ? splitError(this.parts()) : null));
  readonly dispatchOptions = computed(() => [...new Set(['keyId', ...this.properties()])]);

  private exptRollout(): number {
    return this.value()[0]?.exptRollout ?? 1;
  }

  setMode(mode: 'single' | 'split'): void {
    if (mode === this.mode()) return;
    this.chosenMode.set(mode);
    const ids = this.variations().map((v) => v.id);
    if (mode === 'split') {
      this.emit(evenSplit(ids));
    } else {
      const first = this.parts().find((p) => p.percent > 0)?.variationId ?? ids[0];
      if (first) this.valueChange.emit(serveSingle(first, this.exptRollout()));
    }
  }

  chooseSingle(variationId: string): void {
    this.chosenMode.set('single');
    this.valueChange.emit(serveSingle(variationId, this.exptRollout()));
  }

  setPercent(variationId: string, raw: string): void {
    this.chosenMode.set('split');
    const percent = raw.trim() === '' ? 0 : Number(raw);
    this.emit(this.parts().map((p) => (p.variationId === variationId ? { ...p, percent } : p)));
  }

  splitEvenly(): void {
    this.chosenMode.set('split');
    this.emit(evenSplit(this.variations().map((v) => v.id)));
  }

  setDispatchKey(key: string): void {
    this.dispatchKeyChange.emit(key === 'keyId' ? null : key);
  }

  variationName(id: string): string {
    const v = this.variations().find((x) => x.id === id);
    return v ? v.name || v.value : id;
  }

  percentageLabel(id: string): string {
    return $localize`Percentage for ${this.variationName(id)}:variation:`;
  }

  private emit(parts: SplitPart[]): void {
    // Invalid numbers are kept as NaN so the error shows; the caller refuses to save them.
    const rollouts =
      splitError(parts) === null ? partsToRollouts(parts, this.exptRollout()) : this.draft(parts);
    this.valueChange.emit(rollouts);
  }

  /** An incomplete split still has to round-trip through the editor, so keep the raw shares. */
  private draft(parts: SplitPart[]): RolloutVariation[] {
    let from = 0;
    return parts.map((p) => {
      const share = Number.isFinite(p.percent) ? p.percent / 100 : 0;
      const range: [number, number] = [from, from + share];
      from += share;
      return { id: p.variationId, rollout: range, exptRollout: this.exptRollout() };
    });
  }
}
