import { type EvalResult, toClientFlag } from '../evaluation';
import type { FeatureFlag } from '../flags/feature-flag';
import { parseBoundedJson } from '../json/bounded-json';

// Messages the evaluation server sends to SDKs (FeatBit's wire format). Built from pieces that
// are already JSON text, so a stored flag is serialized once and the same text reused everywhere.

/** The exact pong bytes FeatBit sends. */
export const PONG_JSON = '{"messageType":"pong","data":{}}';

export type SyncEventType = 'full' | 'patch';

/**
 * A stored flag as server SDKs receive it: FeatBit's fields only, so the wire payload stays
 * FeatBit's (`isPermanent` is this project's own lifecycle mark).
 */
export function serverFlagJson(flag: FeatureFlag): string {
  if (flag.isPermanent === undefined) return JSON.stringify(flag);
  const { isPermanent: _lifecycleOnly, ...wire } = flag;
  return JSON.stringify(wire);
}

/** Server-SDK data-sync: raw flags and segments (each already JSON text). */
export function serverSyncJson(
  eventType: SyncEventType,
  flagJsons: readonly string[],
  segmentJsons: readonly string[],
): string {
  return (
    `{"messageType":"data-sync","data":{"eventType":"${eventType}","featureFlags":[` +
    flagJsons.join(',') +
    '],"segments":[' +
    segmentJsons.join(',') +
    ']}}'
  );
}

/** Client-SDK data-sync: flags evaluated for one user (each item already JSON text). */
export function clientSyncJson(
  eventType: SyncEventType,
  userKeyId: string,
  itemJsons: readonly string[],
): string {
  return clientSyncEnvelope(eventType, JSON.stringify(userKeyId), itemJsons);
}

/** The same, with the user key already JSON-encoded (kept per connection). */
export function clientSyncEnvelope(
  eventType: SyncEventType,
  userKeyJson: string,
  itemJsons: readonly string[],
): string {
  return clientSyncHead(eventType, userKeyJson) + itemJsons.join(',') + CLIENT_SYNC_TAIL;
}

/**
 * A client data-sync is `head + items joined by "," + tail`; the parts are exported so that a
 * push can be assembled from pre-encoded bytes without building the text.
 */
export function clientSyncHead(eventType: SyncEventType, userKeyJson: string): string {
  return `{"messageType":"data-sync","data":{"eventType":"${eventType}","userKeyId":${userKeyJson},"featureFlags":[`;
}

export const CLIENT_SYNC_TAIL = ']}}';

/**
 * One client payload item. `timestamp` is the version the client stores; the evaluation server
 * passes the newest of the flag's and its referenced segments' updatedAt (see docs/evaluation-server.md).
 */
export function clientFlagJson(flag: FeatureFlag, result: EvalResult, timestamp: number): string {
  const item = toClientFlag(flag, result);
  item.timestamp = timestamp;
  return JSON.stringify(item);
}

/** `echo` returns the data it was sent. */
export function echoJson(data: unknown): string {
  return `{"messageType":"echo","data":${JSON.stringify(data ?? null)}}`;
}

/** A parsed SDK → server WebSocket message, or null when it is not one (ignored, as FeatBit does). */
export interface SdkMessage {
  /** Lower-cased: the server matches message types case-insensitively. */
  type: string;
  data: unknown;
}

/** Malformed JSON and JSON nested deeper than MAX_JSON_DEPTH are both "not a message". */
export function parseSdkMessage(text: string): SdkMessage | null {
  const result = parseBoundedJson(text);
  if (!result.ok) return null;
  const parsed = result.value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const message = parsed as Record<string, unknown>;
  if (typeof message.messageType !== 'string' || !('data' in message)) return null;
  return { type: message.messageType.toLowerCase(), data: message.data };
}

/**
 * The `timestamp` of a data-sync request, read like .NET's TryGetInt64: missing → 0, a non-integer
 * number → 0; null, strings and other types make the request invalid (FeatBit sends no reply).
 */
export function dataSyncTimestamp(data: unknown): number | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const ts = (data as Record<string, unknown>).timestamp;
  if (ts === undefined) return 0;
  if (typeof ts !== 'number') return null;
  return Number.isSafeInteger(ts) ? ts : 0;
}
