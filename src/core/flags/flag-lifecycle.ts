import type { FlagUsage } from '../insights/flag-usage';
import type { FeatureFlag } from './feature-flag';

// A flag's lifecycle status (issue 19, beyond FeatBit; docs/api.md#flag-lifecycle): computed from
// the flag and when SDKs last evaluated it, so teams find flags that can be removed from the code.

export const FLAG_LIFECYCLE_STATUSES = ['new', 'active', 'launched', 'inactive', 'permanent'] as const;
export type FlagLifecycleStatus = (typeof FLAG_LIFECYCLE_STATUSES)[number];

/** "New", "inactive" and "launched" all look back this many days. */
export const LIFECYCLE_WINDOW_DAYS = 7;
const WINDOW_MS = LIFECYCLE_WINDOW_DAYS * 24 * 60 * 60 * 1000;

export interface FlagLifecycle {
  status: FlagLifecycleStatus;
  /** When the status began, where it is known (ISO-8601); null otherwise. */
  since: string | null;
  /** One sentence the console shows as a tooltip. */
  reason: string;
}

/** The fields the status reads: a stored flag, or a list item of one. */
export type LifecycleFlag = Pick<
  FeatureFlag,
  | 'createdAt'
  | 'updatedAt'
  | 'isEnabled'
  | 'disabledVariationId'
  | 'variations'
  | 'targetUsers'
  | 'rules'
  | 'fallthrough'
  | 'isPermanent'
>;

/** Share of users a rollout interval covers; rollouts are [lo, hi] within [0, 1]. */
const share = (rollout: readonly [number, number]) => rollout[1] - rollout[0];
// Rollouts are sums of decimal percentages: compare with a tolerance.
const ALL = 1 - 1e-9;

/**
 * The one variation id every user gets under the flag's current configuration, or null when users
 * may get different ones: off serves the off variation; on needs a default rule at 100 % one
 * variation and no individual target or rule serving another.
 */
export function singleServedVariation(flag: LifecycleFlag): string | null {
  if (!flag.isEnabled) return flag.disabledVariationId || null;
  const defaults = flag.fallthrough.variations.filter((v) => share(v.rollout) > 0);
  if (defaults.length !== 1 || share(defaults[0].rollout) < ALL) return null;
  const served = defaults[0].id;
  const targetsOther = flag.targetUsers.some((t) => t.keyIds.length > 0 && t.variationId !== served);
  const rulesOther = flag.rules.some((r) =>
    r.variations.some((v) => share(v.rollout) > 0 && v.id !== served),
  );
  return targetsOther || rulesOther ? null : served;
}

const daysAgo = (ms: number) => Math.floor(ms / (24 * 60 * 60 * 1000));

/**
 * The lifecycle status of `flag` at `now`. Precedence: permanent (marked) > new (created within the
 * window) > inactive (not evaluated within the window, or never) > launched (one variation to
 * everyone, unchanged for the window) > active.
 */
export function lifecycleOf(flag: LifecycleFlag, usage: FlagUsage | null, now: Date): FlagLifecycle {
  const at = now.getTime();
  if (flag.isPermanent === true) {
    return { status: 'permanent', since: null, reason: 'Marked permanent: meant to stay in the code' };
  }
  if (at - Date.parse(flag.createdAt) < WINDOW_MS) {
    return {
      status: 'new',
      since: flag.createdAt,
      reason: `Created less than ${LIFECYCLE_WINDOW_DAYS} days ago`,
    };
  }
  const lastEvaluated = usage === null ? NaN : Date.parse(usage.lastEvaluatedAt);
  if (!(at - lastEvaluated < WINDOW_MS)) {
    return usage === null || !Number.isFinite(lastEvaluated)
      ? { status: 'inactive', since: flag.createdAt, reason: 'Never evaluated by an SDK' }
      : {
          status: 'inactive',
          since: usage.lastEvaluatedAt,
          reason: `Not evaluated by an SDK for ${daysAgo(at - lastEvaluated)} days`,
        };
  }
  const served = singleServedVariation(flag);
  const name = flag.variations.find((v) => v.id === served)?.name ?? served;
  if (served !== null && at - Date.parse(flag.updatedAt) >= WINDOW_MS) {
    return {
      status: 'launched',
      since: flag.updatedAt,
      reason: `Serves "${name}" to everyone${flag.isEnabled ? '' : ' (off)'}, unchanged for ${LIFECYCLE_WINDOW_DAYS} days or more: ready to remove from the code`,
    };
  }
  return {
    status: 'active',
    since: null,
    reason:
      served === null
        ? `Evaluated in the last ${LIFECYCLE_WINDOW_DAYS} days; serves more than one variation`
        : `Evaluated in the last ${LIFECYCLE_WINDOW_DAYS} days; serves "${name}" to everyone, changed less than ${LIFECYCLE_WINDOW_DAYS} days ago`,
  };
}
