import type { FeatureFlag } from '../flags/feature-flag';
import type { EvalResult } from './evaluation-result';

// The client-SDK payload item (docs/reference/wire-protocol.md#client-sdk-payload).

/** Property order as the server emits it: id, variation, variationType, variationId, matchReason, variationOptions, sendToExperiment, timestamp. */
export interface ClientFlag {
  /** The flag KEY (not its GUID). */
  id: string;
  variation: string | null;
  variationType: string;
  variationId: string | null;
  matchReason: string;
  variationOptions: { id: string; value: string }[];
  sendToExperiment: boolean;
  timestamp: number;
}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * `updatedAt` in Unix milliseconds, truncated like .NET's ToUnixTimeMilliseconds and the SDKs'
 * Date.parse. Accepts 0–7 fractional digits (what .NET writes); 0 when the text is not a date.
 */
export function timestampOf(isoUpdatedAt: string): number {
  const m = typeof isoUpdatedAt === 'string' ? ISO_UTC.exec(isoUpdatedAt) : null;
  if (m === null) {
    const parsed = Date.parse(isoUpdatedAt);
    return Number.isNaN(parsed) ? 0 : parsed;
  }
  const ms = m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3));
  let time = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
    time -= (zone[0] === '-' ? -1 : 1) * minutes * 60000;
  }
  return Number.isNaN(time) ? 0 : time;
}

// variationOptions and timestamp depend only on the flag object: computed once per object.
const perFlag = new WeakMap<FeatureFlag, { options: { id: string; value: string }[]; timestamp: number }>();

export function toClientFlag(flag: FeatureFlag, result: EvalResult): ClientFlag {
  let cached = perFlag.get(flag);
  if (cached === undefined) {
    const variations = Array.isArray(flag.variations) ? flag.variations : [];
    cached = {
      options: variations.map((v) => Object.freeze({ id: v.id, value: v.value })),
      timestamp: timestampOf(flag.updatedAt),
    };
    Object.freeze(cached.options);
    perFlag.set(flag, cached);
  }
  return {
    id: flag.key,
    variation: result.value,
    variationType: flag.variationType ?? 'string',
    variationId: result.variationId,
    matchReason: result.reason,
    variationOptions: cached.options,
    sendToExperiment: result.sendToExperiment,
    timestamp: cached.timestamp,
  };
}
