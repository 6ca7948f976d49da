import type { EndUser, UserProperty } from '../end-users/end-user';
import {
  REASON_DEFAULT,
  REASON_DISABLED,
  REASON_MALFORMED,
  REASON_TARGETED,
  type EvalResult,
} from '../evaluation';
import type { FeatureFlag, RolloutVariation } from '../flags/feature-flag';
import { isRecord } from './sdk-user';

// OpenFeature Remote Evaluation Protocol (OFREP v1, open-feature/protocol service/openapi.yaml):
// request {context:{targetingKey, ...attributes}}, success {key, value, reason, variant, metadata},
// failure {key, errorCode, errorDetails}. Values are typed by the flag's variationType.

export type OfrepErrorCode =
  'PARSE_ERROR' | 'TARGETING_KEY_MISSING' | 'INVALID_CONTEXT' | 'GENERAL' | 'FLAG_NOT_FOUND';

export interface OfrepSuccess {
  key: string;
  value: unknown;
  reason: string;
  variant: string;
  metadata: Record<string, string | number | boolean>;
}

export interface OfrepFailure {
  key: string;
  errorCode: OfrepErrorCode;
  errorDetails: string;
}

export type OfrepContextResult =
  | { ok: true; user: EndUser }
  | { ok: false; errorCode: 'INVALID_CONTEXT' | 'TARGETING_KEY_MISSING'; errorDetails: string };

function attributeText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Nested values reach rules as their JSON text.
  return JSON.stringify(value);
}

/**
 * The evaluation context as a FeatBit user: targetingKey → keyId, `name` → name, every other
 * attribute → a custom property (numbers and booleans as text, nested values as JSON text).
 */
export function ofrepContextToUser(body: unknown): OfrepContextResult {
  if (body !== undefined && body !== null && !isRecord(body)) {
    return { ok: false, errorCode: 'INVALID_CONTEXT', errorDetails: 'the request body must be an object' };
  }
  const context = body?.context;
  if (context !== undefined && context !== null && !isRecord(context)) {
    return { ok: false, errorCode: 'INVALID_CONTEXT', errorDetails: 'context must be an object' };
  }
  const ctx = context ?? {};
  const targetingKey = ctx.targetingKey;
  if (targetingKey !== undefined && targetingKey !== null && typeof targetingKey !== 'string') {
    return { ok: false, errorCode: 'INVALID_CONTEXT', errorDetails: 'targetingKey must be a string' };
  }
  if (typeof targetingKey !== 'string' || targetingKey.trim() === '') {
    return {
      ok: false,
      errorCode: 'TARGETING_KEY_MISSING',
      errorDetails: 'context.targetingKey is required',
    };
  }
  const name = ctx.name;
  if (name !== undefined && name !== null && typeof name !== 'string') {
    return { ok: false, errorCode: 'INVALID_CONTEXT', errorDetails: 'name must be a string' };
  }
  const customizedProperties: UserProperty[] = [];
  for (const [key, value] of Object.entries(ctx)) {
    if (key === 'targetingKey' || key === 'name') continue;
    customizedProperties.push({ name: key, value: attributeText(value) });
  }
  return { ok: true, user: { keyId: targetingKey, name: name ?? null, customizedProperties } };
}

/** More than one variation with a non-empty interval: the user was bucketed. */
function isSplit(variations: readonly RolloutVariation[] | undefined): boolean {
  if (!Array.isArray(variations)) return false;
  let served = 0;
  for (const v of variations as unknown[]) {
    const rollout = isRecord(v) ? v.rollout : undefined;
    if (Array.isArray(rollout) && Number(rollout[1]) - Number(rollout[0]) > 0) served++;
  }
  return served > 1;
}

/** FeatBit's match reason as an OpenFeature reason. */
export function ofrepReason(flag: FeatureFlag, reason: string): string {
  switch (reason) {
    case REASON_DISABLED:
      return 'DISABLED';
    case REASON_TARGETED:
      return 'TARGETING_MATCH';
    case REASON_DEFAULT:
      return isSplit(flag.fallthrough?.variations) ? 'SPLIT' : 'DEFAULT';
    case REASON_MALFORMED:
      return 'ERROR';
    default: {
      const rule = Array.isArray(flag.rules) ? flag.rules.find((r) => r?.name === reason) : undefined;
      return rule !== undefined && isSplit(rule.variations) ? 'SPLIT' : 'TARGETING_MATCH';
    }
  }
}

/** The variation value typed by the flag's variationType; undefined when it does not parse. */
export function typedValue(variationType: string, value: string): unknown {
  switch (variationType) {
    case 'boolean': {
      const lower = value.trim().toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : undefined;
    }
    case 'number': {
      const n = value.trim() === '' ? NaN : Number(value);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'json':
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return undefined;
      }
    default:
      return value;
  }
}

/** One evaluated flag as an OFREP success or failure (HTTP status chosen by the caller). */
export function ofrepEvaluation(flag: FeatureFlag, result: EvalResult): OfrepSuccess | OfrepFailure {
  const key = flag.key;
  if (result.variationId === null || result.variationId === '' || result.value === null) {
    const details =
      result.reason === REASON_MALFORMED
        ? `the flag cannot be evaluated: ${result.error ?? 'malformed flag'}`
        : 'no variation is served to this context (rollout does not cover it)';
    return { key, errorCode: 'GENERAL', errorDetails: details };
  }
  const variationType = typeof flag.variationType === 'string' ? flag.variationType : 'string';
  const value = typedValue(variationType, result.value);
  if (value === undefined) {
    return {
      key,
      errorCode: 'PARSE_ERROR',
      errorDetails: `the variation value is not a valid ${variationType}`,
    };
  }
  const variation = Array.isArray(flag.variations)
    ? flag.variations.find((v) => v?.id === result.variationId)
    : undefined;
  return {
    key,
    value,
    reason: ofrepReason(flag, result.reason),
    variant: variation?.name ? variation.name : result.variationId,
    metadata: {
      matchReason: result.reason,
      sendToExperiment: result.sendToExperiment,
      variationId: result.variationId,
    },
  };
}

export function isOfrepFailure(r: OfrepSuccess | OfrepFailure): r is OfrepFailure {
  return 'errorCode' in r;
}

export function flagNotFound(key: string): OfrepFailure {
  return { key, errorCode: 'FLAG_NOT_FOUND', errorDetails: `flag ${key} was not found in this environment` };
}
