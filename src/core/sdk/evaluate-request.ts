import type { EndUser } from '../end-users/end-user';
import type { EvalResult } from '../evaluation';
import type { FeatureFlag } from '../flags/feature-flag';
import { fieldOf, isRecord, parseSdkUser } from './sdk-user';

// POST /api/public/featureflag/evaluate (docs/reference/wire-protocol.md#evaluate-endpoint):
// {user, filter:{tagFilterMode:"and"|"or", tags, keys, timestamp}} → [{key, variation:{id, type,
// value, matchReason, sendToExperiment}}]. Archived flags are listed with null id and value.

export interface EvaluateFilter {
  /** null: tags are not filtered (FeatBit ignores tags without a mode). */
  tagMode: 'and' | 'or' | null;
  tags: string[];
  keys: string[];
  /** Only flags updated after this (Unix ms); 0 = all. */
  timestamp: number;
}

export type EvaluateRequestResult =
  { ok: true; user: EndUser; filter: EvaluateFilter } | { ok: false; error: string };

function stringList(value: unknown, what: string): string[] | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    return `${what} must be an array of strings`;
  return value as string[];
}

export function parseEvaluateRequest(body: unknown): EvaluateRequestResult {
  if (!isRecord(body)) return { ok: false, error: 'A valid user is required.' };
  const user = parseSdkUser(fieldOf(body, 'user'));
  if (user === null) return { ok: false, error: 'A valid user is required.' };
  const rawFilter = fieldOf(body, 'filter');
  const filter: EvaluateFilter = { tagMode: null, tags: [], keys: [], timestamp: 0 };
  if (rawFilter !== undefined && rawFilter !== null) {
    if (!isRecord(rawFilter)) return { ok: false, error: 'filter must be an object' };
    const mode = fieldOf(rawFilter, 'tagFilterMode');
    if (mode !== undefined && mode !== null && (typeof mode !== 'string' || mode.trim() !== '')) {
      if (mode !== 'and' && mode !== 'or') {
        return {
          ok: false,
          error: `Invalid tag filter mode: ${typeof mode === 'string' ? mode : JSON.stringify(mode)}. Valid values are 'and' or 'or'.`,
        };
      }
      filter.tagMode = mode;
    }
    const tags = stringList(fieldOf(rawFilter, 'tags'), 'filter.tags');
    if (typeof tags === 'string') return { ok: false, error: tags };
    const keys = stringList(fieldOf(rawFilter, 'keys'), 'filter.keys');
    if (typeof keys === 'string') return { ok: false, error: keys };
    const ts = fieldOf(rawFilter, 'timestamp');
    if (ts !== undefined && ts !== null) {
      if (typeof ts !== 'number' || !Number.isFinite(ts)) {
        return { ok: false, error: 'filter.timestamp must be Unix milliseconds' };
      }
      filter.timestamp = Math.trunc(ts);
    }
    filter.tags = tags;
    filter.keys = keys;
  }
  return { ok: true, user, filter };
}

/** Whether a flag passes the filter; `updatedAtMs` is its version. */
export function flagPassesFilter(flag: FeatureFlag, updatedAtMs: number, filter: EvaluateFilter): boolean {
  if (filter.keys.length > 0 && !filter.keys.includes(flag.key)) return false;
  if (filter.timestamp > 0 && updatedAtMs <= filter.timestamp) return false;
  if (filter.tagMode !== null && filter.tags.length > 0) {
    const tags = Array.isArray(flag.tags) ? flag.tags : [];
    return filter.tagMode === 'and'
      ? filter.tags.every((t) => tags.includes(t))
      : filter.tags.some((t) => tags.includes(t));
  }
  return true;
}

export interface EvaluateResponseItem {
  key: string;
  variation: {
    id: string | null;
    type: string;
    value: string | null;
    matchReason: string;
    sendToExperiment: boolean;
  };
}

export function evaluateResponseItem(flag: FeatureFlag, result: EvalResult): EvaluateResponseItem {
  return {
    key: flag.key,
    variation: {
      id: result.variationId,
      type: typeof flag.variationType === 'string' ? flag.variationType : 'string',
      value: result.value,
      matchReason: result.reason,
      sendToExperiment: result.sendToExperiment,
    },
  };
}
