import type { SecretType } from '../tenancy/tenancy';
import { dataSyncTimestamp } from './sdk-payloads';

// The relay-proxy side of FeatBit's streaming protocol (docs/relay-proxies.md#protocol): what the
// evaluation server sends an agent (rp_full / rp_patch, items per environment) and reads from it
// (data-sync with per-environment cursors, rp-agent-status). Pure, so that an edge role acting as
// the agent can build and read the same messages.

export type RpEventType = 'rp_full' | 'rp_patch';

/** FeatBit's SecretWithValue, in its field order. */
export interface RpSecret {
  type: SecretType;
  projectKey: string;
  envId: string;
  envKey: string;
  value: string;
}

/** One environment of an rp payload; flags and segments are JSON text already. */
export interface RpItem {
  envId: string;
  secrets: readonly RpSecret[];
  flagJsons: readonly string[];
  segmentJsons: readonly string[];
}

/** The whole `data-sync` message an agent receives. */
export function rpSyncJson(eventType: RpEventType, items: readonly RpItem[]): string {
  return `{"messageType":"data-sync","data":${rpPayloadJson(eventType, items)}}`;
}

/** Its `data` alone: `{eventType, items}`, also the body of FeatBit's agent bootstrap (manual sync). */
export function rpPayloadJson(eventType: RpEventType, items: readonly RpItem[]): string {
  const parts = items.map(
    (item) =>
      `{"envId":${JSON.stringify(item.envId)},"secrets":${JSON.stringify(item.secrets.map(secretFields))}` +
      `,"featureFlags":[${item.flagJsons.join(',')}],"segments":[${item.segmentJsons.join(',')}]}`,
  );
  return `{"eventType":"${eventType}","items":[${parts.join(',')}]}`;
}

function secretFields(s: RpSecret): RpSecret {
  return { type: s.type, projectKey: s.projectKey, envId: s.envId, envKey: s.envKey, value: s.value };
}

/** Most per-environment cursors read from one request (an agent sends one per environment it serves). */
export const MAX_RP_SYNC_ENVS = 1000;

export type RpSyncRequest =
  | { kind: 'full' }
  /** `envs`: the agent's cursor per environment it already holds. */
  | { kind: 'patch'; timestamp: number; envs: Map<string, number> };

/**
 * An agent's data-sync request: `{timestamp: 0}` asks for everything, `{timestamp, envs: [{envId,
 * timestamp}]}` for what changed after each cursor. Null when it is not one (no reply, as for SDKs).
 */
export function parseRpSyncRequest(data: unknown): RpSyncRequest | null {
  const timestamp = dataSyncTimestamp(data);
  if (timestamp === null) return null;
  if (timestamp === 0) return { kind: 'full' };
  const envs = new Map<string, number>();
  const list = (data as Record<string, unknown>).envs;
  if (Array.isArray(list)) {
    for (const entry of list.slice(0, MAX_RP_SYNC_ENVS)) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { envId, timestamp: ts } = entry as Record<string, unknown>;
      if (typeof envId !== 'string' || typeof ts !== 'number' || !Number.isSafeInteger(ts) || ts < 0)
        continue;
      envs.set(envId.toLowerCase(), ts);
    }
  }
  return { kind: 'patch', timestamp, envs };
}

/** The agent's request for a full sync (FeatBit's InMemoryStore when it holds nothing yet). */
export const RP_FULL_SYNC_REQUEST = '{"messageType":"data-sync","data":{"timestamp":0}}';

/** The agent's request for changes after its cursors. */
export function rpPatchSyncRequestJson(timestamp: number, envs: ReadonlyMap<string, number>): string {
  return JSON.stringify({
    messageType: 'data-sync',
    data: { timestamp, envs: [...envs].map(([envId, ts]) => ({ envId, timestamp: ts })) },
  });
}

/** One environment of a received rp payload (flags and segments as sent). */
export interface ReceivedRpItem {
  envId: string;
  secrets: RpSecret[];
  featureFlags: unknown[];
  segments: unknown[];
}

/**
 * Reads the `data` of a received data-sync: rp_full / rp_patch items, or a plain server `patch`
 * (pushed per environment after the first sync; each flag and segment names its envId).
 */
export function parseRpSyncData(
  data: unknown,
):
  | { eventType: RpEventType; items: ReceivedRpItem[] }
  | { eventType: 'patch'; featureFlags: unknown[]; segments: unknown[] }
  | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.eventType === 'patch' || d.eventType === 'full') {
    if (!Array.isArray(d.featureFlags) || !Array.isArray(d.segments)) return null;
    return { eventType: 'patch', featureFlags: d.featureFlags, segments: d.segments };
  }
  if ((d.eventType !== 'rp_full' && d.eventType !== 'rp_patch') || !Array.isArray(d.items)) return null;
  const items: ReceivedRpItem[] = [];
  for (const raw of d.items as unknown[]) {
    if (typeof raw !== 'object' || raw === null) return null;
    const item = raw as Record<string, unknown>;
    if (typeof item.envId !== 'string' || !Array.isArray(item.featureFlags) || !Array.isArray(item.segments))
      return null;
    const secrets = Array.isArray(item.secrets) ? (item.secrets as RpSecret[]) : [];
    items.push({ envId: item.envId, secrets, featureFlags: item.featureFlags, segments: item.segments });
  }
  return { eventType: d.eventType, items };
}
