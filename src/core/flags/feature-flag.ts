// Feature flags exactly as FeatBit stores them and sends them to server SDKs
// (docs/reference/data-model.md#feature-flag). Every value travels as a string; timestamps are
// ISO-8601 UTC with ms.

export const VARIATION_TYPES = ['boolean', 'string', 'number', 'json'] as const;
export type VariationType = (typeof VARIATION_TYPES)[number];

export interface Variation {
  id: string;
  name: string;
  /** Always a string, e.g. "true", "42" or a JSON text. */
  value: string;
}

export interface TargetUser {
  keyIds: string[];
  variationId: string;
}

export interface Condition {
  /** Older data may lack an id. */
  id?: string;
  /** A user attribute, or SEGMENT_IN / SEGMENT_NOT_IN. */
  property: string;
  op: string | null;
  /** A string even for lists: multi-value operators carry a JSON-encoded string array. */
  value: string;
}

export interface RolloutVariation {
  /** The variation id. */
  id: string;
  /** Inclusive bucket interval [lo, hi] within [0, 1]. */
  rollout: [number, number];
  exptRollout: number;
}

export interface TargetRule {
  id: string;
  name: string;
  dispatchKey: string | null;
  includedInExpt: boolean;
  conditions: Condition[];
  variations: RolloutVariation[];
}

export interface Fallthrough {
  dispatchKey: string | null;
  includedInExpt: boolean;
  variations: RolloutVariation[];
}

export interface FeatureFlag {
  id: string;
  envId: string;
  /** Optimistic-concurrency token, regenerated on every change. */
  revision: string;
  name: string;
  description: string;
  key: string;
  variationType: VariationType;
  variations: Variation[];
  targetUsers: TargetUser[];
  rules: TargetRule[];
  isEnabled: boolean;
  disabledVariationId: string;
  fallthrough: Fallthrough;
  exptIncludeAllTargets: boolean;
  tags: string[];
  isArchived: boolean;
  /**
   * Marked to stay in the code for good (flag lifecycle, beyond FeatBit). Absent means false: flags
   * stored before the field existed lack it, and it is never sent to SDKs.
   */
  isPermanent?: boolean;
  creatorId: string;
  updatorId: string;
  createdAt: string;
  updatedAt: string;
}

/** Segment conditions use these pseudo-properties with a JSON array of segment ids as value. */
export const SEGMENT_IN = 'User is in segment';
export const SEGMENT_NOT_IN = 'User is not in segment';

export const FLAG_KEY_PATTERN = /^[a-zA-Z0-9._-]+$/;
export const FLAG_KEY_MAX_LENGTH = 128;
