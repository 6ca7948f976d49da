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

/** Why a flag has its status, as a code the console words in its own language. */
export const LIFECYCLE_REASON_CODES = [
  'marked-permanent',
  'created-recently',
  'never-evaluated',
  'not-evaluated',
  'launched',
  'serves-several',
  'changed-recently',
] as const;
export type LifecycleReasonCode = (typeof LIFECYCLE_REASON_CODES)[number];

/** What a reason's sentence fills in: the window or elapsed days, the one variation served, off. */
export interface LifecycleReasonArgs {
  days?: number;
  /** The name of the variation everyone gets (its id when unnamed). */
  variation?: string;
  /** The flag is off (it serves its off variation). */
  off?: boolean;
}

/** The status with its reason both as an English sentence and structured. */
export interface FlagLifecycleDetail extends FlagLifecycle {
  reasonCode: LifecycleReasonCode;
  reasonArgs: LifecycleReasonArgs;
}

/** The English sentence of a reason: the API's `reason`. */
function lifecycleReasonText(code: LifecycleReasonCode, args: LifecycleReasonArgs): string {
  const days = args.days ?? LIFECYCLE_WINDOW_DAYS;
  const name = args.variation ?? '';
  switch (code) {
    case 'marked-permanent':
      return 'Marked permanent: meant to stay in the code';
    case 'created-recently':
      return `Created less than ${days} days ago`;
    case 'never-evaluated':
      return 'Never evaluated by an SDK';
    case 'not-evaluated':
      return `Not evaluated by an SDK for ${days} days`;
    case 'launched':
      return `Serves "${name}" to everyone${args.off ? ' (off)' : ''}, unchanged for ${days} days or more: ready to remove from the code`;
    case 'serves-several':
      return `Evaluated in the last ${days} days; serves more than one variation`;
    case 'changed-recently':
      return `Evaluated in the last ${days} days; serves "${name}" to everyone, changed less than ${days} days ago`;
  }
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

/** The lifecycle status of `flag` at `now` (see lifecycleDetailOf), with its English reason. */
export function lifecycleOf(flag: LifecycleFlag, usage: FlagUsage | null, now: Date): FlagLifecycle {
  const { status, since, reason } = lifecycleDetailOf(flag, usage, now);
  return { status, since, reason };
}

/**
 * The lifecycle status of `flag` at `now` and why. Precedence: permanent (marked) > new (created
 * within the window) > inactive (not evaluated within the window, or never) > launched (one variation
 * to everyone, unchanged for the window) > active.
 */
export function lifecycleDetailOf(
  flag: LifecycleFlag,
  usage: FlagUsage | null,
  now: Date,
): FlagLifecycleDetail {
  const result = (
    status: FlagLifecycleStatus,
    since: string | null,
    reasonCode: LifecycleReasonCode,
    reasonArgs: LifecycleReasonArgs = {},
  ): FlagLifecycleDetail => ({
    status,
    since,
    reason: lifecycleReasonText(reasonCode, reasonArgs),
    reasonCode,
    reasonArgs,
  });
  const at = now.getTime();
  const days = LIFECYCLE_WINDOW_DAYS;
  if (flag.isPermanent === true) return result('permanent', null, 'marked-permanent');
  if (at - Date.parse(flag.createdAt) < WINDOW_MS) {
    return result('new', flag.createdAt, 'created-recently', { days });
  }
  const lastEvaluated = usage === null ? NaN : Date.parse(usage.lastEvaluatedAt);
  if (!(at - lastEvaluated < WINDOW_MS)) {
    return usage === null || !Number.isFinite(lastEvaluated)
      ? result('inactive', flag.createdAt, 'never-evaluated')
      : result('inactive', usage.lastEvaluatedAt, 'not-evaluated', { days: daysAgo(at - lastEvaluated) });
  }
  const served = singleServedVariation(flag);
  const variation = flag.variations.find((v) => v.id === served)?.name ?? served;
  if (served !== null && at - Date.parse(flag.updatedAt) >= WINDOW_MS) {
    return result('launched', flag.updatedAt, 'launched', {
      days,
      variation: variation ?? undefined,
      off: !flag.isEnabled,
    });
  }
  return served === null
    ? result('active', null, 'serves-several', { days })
    : result('active', null, 'changed-recently', { days, variation: variation ?? undefined });
}
