import { type UsageRecord, utcDate } from '../analytics/usage';
import { TOPICS } from '../ports/message-bus.port';
import { isStringArray, type MessageParse, parsed, payloadObject, rejected } from './message-payload';

// `featbit-usage`: FeatBit's InsightUsage (modules/evaluation-server/src/Domain/Usages/Usage.cs),
// `{envId, type: "insight", recordedAt, endUsers, flagEvaluations, customMetrics}`, plus our `id` so
// the analytics role applies each record once (core/analytics/usage.ts). Published by the evaluation
// role once per accepted insight request, consumed by the analytics role.

export const USAGE_TYPE_INSIGHT = 'insight';

export interface UsageMessage {
  id: string;
  envId: string;
  type: typeof USAGE_TYPE_INSIGHT;
  recordedAt: string;
  endUsers: string[];
  flagEvaluations: number;
  customMetrics: number;
}

/** The message for a usage record (fields in FeatBit's order, our `id` first). */
export function usageMessage(record: UsageRecord): UsageMessage {
  return {
    id: record.id,
    envId: record.envId,
    type: USAGE_TYPE_INSIGHT,
    recordedAt: record.recordedAt,
    endUsers: record.endUsers,
    flagEvaluations: record.flagEvaluations,
    customMetrics: record.customMetrics,
  };
}

const FLAG_VALUE = 'FlagValue';

/**
 * The usage of one accepted insight request (FeatBit's InsightController.TrackAsync): its distinct
 * user keys, its flag-evaluation events and its metric events (every other event type).
 */
export function insightUsageRecord(input: {
  id: string;
  envId: string;
  nowMs: number;
  userKeys: readonly string[];
  events: readonly { event: string }[];
}): UsageRecord {
  const flagEvaluations = input.events.filter((e) => e.event === FLAG_VALUE).length;
  return {
    id: input.id,
    envId: input.envId,
    recordedAt: utcDate(input.nowMs),
    endUsers: [...new Set(input.userKeys)],
    flagEvaluations,
    customMetrics: input.events.length - flagEvaluations,
  };
}

export interface UsageParseOptions {
  /** Used when the message has no `id` (FeatBit's producers send none): the bus message id. */
  fallbackId: string;
  /** FeatBit takes today (UTC) for a missing `recordedAt`. */
  nowMs: number;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && utcDate(Date.parse(value)) === value;
}

function count(value: unknown): number | null {
  if (value === undefined || value === null) return 0;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** Reads a usage message into the record it carries. */
export function parseUsageMessage(payload: unknown, options: UsageParseOptions): MessageParse<UsageRecord> {
  const object = payloadObject(TOPICS.usage, payload);
  if (!object.ok) return object;
  const m = object.value;
  if (m.type !== USAGE_TYPE_INSIGHT) return rejected(TOPICS.usage, `type must be "${USAGE_TYPE_INSIGHT}"`);
  if (typeof m.envId !== 'string' || m.envId === '')
    return rejected(TOPICS.usage, 'envId must be a non-empty string');
  const id = m.id ?? options.fallbackId;
  if (typeof id !== 'string' || id === '') return rejected(TOPICS.usage, 'id must be a non-empty string');
  const recordedAt = m.recordedAt ?? utcDate(options.nowMs);
  if (!isDate(recordedAt)) return rejected(TOPICS.usage, 'recordedAt must be a date, YYYY-MM-DD');
  const endUsers = m.endUsers ?? [];
  if (!isStringArray(endUsers)) return rejected(TOPICS.usage, 'endUsers must be an array of strings');
  const flagEvaluations = count(m.flagEvaluations);
  const customMetrics = count(m.customMetrics);
  if (flagEvaluations === null || customMetrics === null) {
    return rejected(TOPICS.usage, 'flagEvaluations and customMetrics must be non-negative integers');
  }
  return parsed({
    id,
    envId: m.envId,
    recordedAt,
    endUsers: [...new Set(endUsers.filter((u) => u !== ''))],
    flagEvaluations,
    customMetrics,
  });
}
