import type { RolloutVariation, Variation } from '../api/api.models';

/** One slice of a percentage split, as the editor shows it. */
export interface SplitPart {
  variationId: string;
  /** 0–100, at most two decimals. */
  percent: number;
}

// Percentages are handled in hundredths of a percent so that 33.33 + 33.33 + 33.34 is exactly 100.
const UNITS = 10000;

function toUnits(percent: number): number {
  return Math.round(percent * 100);
}

export function splitTotal(parts: readonly SplitPart[]): number {
  return parts.reduce((sum, p) => sum + toUnits(p.percent), 0) / 100;
}

/** Why a split cannot be saved, or null when it is valid. */
export function splitError(parts: readonly SplitPart[]): string | null {
  if (parts.length === 0) return $localize`Choose at least one variation.`;
  for (const part of parts) {
    if (!Number.isFinite(part.percent) || part.percent < 0 || part.percent > 100) {
      return $localize`Each percentage must be between 0 and 100.`;
    }
    if (Math.abs(part.percent * 100 - Math.round(part.percent * 100)) > 1e-6) {
      return $localize`Percentages may have at most two decimals.`;
    }
  }
  const ids = parts.map((p) => p.variationId);
  if (new Set(ids).size !== ids.length) return $localize`Each variation may appear only once.`;
  const total = parts.reduce((sum, p) => sum + toUnits(p.percent), 0);
  if (total !== UNITS) return $localize`The percentages add up to ${total / 100}:total:%, not 100%.`;
  return null;
}

/** Consecutive bucket ranges in [0, 1]; the last non-empty range ends exactly at 1. */
export function partsToRollouts(parts: readonly SplitPart[], exptRollout = 1): RolloutVariation[] {
  let cumulative = 0;
  const lastNonEmpty = parts.map((p) => toUnits(p.percent) > 0).lastIndexOf(true);
  return parts.map((part, index) => {
    const from = cumulative;
    cumulative += toUnits(part.percent);
    const to = index === lastNonEmpty ? UNITS : cumulative;
    return { id: part.variationId, rollout: [from / UNITS, to / UNITS], exptRollout };
  });
}

/** The editor's view of stored rollouts. */
export function rolloutsToParts(variations: readonly RolloutVariation[]): SplitPart[] {
  return variations.map((v) => ({
    variationId: v.id,
    percent: Math.round((v.rollout[1] - v.rollout[0]) * UNITS) / 100,
  }));
}

/** Serving one variation to everyone. */
export function serveSingle(variationId: string, exptRollout = 1): RolloutVariation[] {
  return [{ id: variationId, rollout: [0, 1], exptRollout }];
}

/** A single variation at 100% (the editor's "serve" mode), or null for a real split. */
export function singleVariationOf(variations: readonly RolloutVariation[]): string | null {
  const nonEmpty = variations.filter((v) => v.rollout[1] - v.rollout[0] > 0);
  if (nonEmpty.length === 1 && nonEmpty[0].rollout[0] === 0 && nonEmpty[0].rollout[1] === 1)
    return nonEmpty[0].id;
  return null;
}

/** Splits 100% evenly over the variations (remainder to the first ones), for "split evenly". */
export function evenSplit(variationIds: readonly string[]): SplitPart[] {
  if (variationIds.length === 0) return [];
  const base = Math.floor(UNITS / variationIds.length / 100) * 100;
  let remainder = UNITS - base * variationIds.length;
  return variationIds.map((variationId) => {
    const extra = Math.min(remainder, 100);
    remainder -= extra;
    return { variationId, percent: (base + extra) / 100 };
  });
}

/** Why a rule's serve setting cannot be saved, or null. */
export function serveError(
  rollouts: readonly RolloutVariation[],
  variations: readonly Variation[],
): string | null {
  if (rollouts.length === 0) return $localize`Choose what to serve.`;
  const unknown = rollouts.find((r) => !variations.some((v) => v.id === r.id));
  if (unknown) return $localize`It serves a variation that no longer exists.`;
  if (singleVariationOf(rollouts) !== null) return null;
  return splitError(rolloutsToParts(rollouts));
}
