import { hash } from 'node:crypto';
import type { EndUser } from '../../core/end-users/end-user';
import {
  type EvalResult,
  EnvironmentEvaluator,
  type EvaluationOptions,
  timestampOf,
} from '../../core/evaluation';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { evaluateResponseItem } from '../../core/sdk/evaluate-request';
import { isOfrepFailure, ofrepEvaluation } from '../../core/sdk/ofrep';
import type { SegmentScope } from '../../core/ports/targeting.repositories';
import {
  clientFlagJson,
  clientSyncEnvelope,
  serverFlagJson,
  serverSyncJson,
  type SyncEventType,
} from '../../core/sdk/sdk-payloads';
import { referencedSegmentIds } from '../../core/sdk/segment-references';
import type { WireSegment } from '../../core/segments/segment';
import { EncodedBody } from './encoded-body';

// One environment held in memory: its compiled flags and segments, the JSON text of each item
// (serialized once per change), cached sync payloads per version, and its live connections.

/** What the state needs from a streaming connection (implemented by SdkConnection). */
export interface EnvConnection {
  readonly kind: 'server' | 'client';
  /** The attached user (client connections, after their first data-sync). */
  readonly user: EndUser | null;
  /** JSON.stringify(user.keyId), kept to build client payloads cheaply. */
  readonly userKeyJson: string;
  /**
   * True once the connection has had its first data-sync reply. Pushes go only to synced
   * connections: that reply already contains every earlier change, and a push arriving first would
   * make SDKs (which count any message as initialized) report a half-empty store as ready.
   */
  readonly synced: boolean;
  send(payload: Buffer | string): void;
  /** The bytes a client push starts with (the patch envelope up to its flag list), kept per user. */
  clientPatchHead(): Buffer;
  /** Writes a frame built for this connection alone (see joinedTextFrame). */
  sendFrame(frame: Buffer): void;
  close(code: number, reason: string): void;
}

/** An OFREP event stream (src/evaluation/http/ofrep-event-streams.ts): told that something changed. */
export interface EnvEventStream {
  /** `revision`: the change's timestamp (Unix ms); the stream coalesces a burst into one event. */
  notify(revision: number): void;
  close(): void;
}

export interface FlagEntry {
  flag: FeatureFlag;
  /** The flag as sent to server SDKs. */
  json: string;
  /** updatedAt in Unix ms (truncated). */
  ts: number;
  /** The version client SDKs see: the newest of ts and the updatedAt of referenced segments. */
  clientTs: number;
  segmentIds: string[];
  /** Client payload item per (shared, frozen) evaluation result, for the current clientTs. */
  items: Map<EvalResult, ClientItem>;
  /** `/featureflag/evaluate` answer item per evaluation result. */
  evaluateItems: Map<EvalResult, string>;
  /** OFREP answer per evaluation result (a failure is answered with 400). */
  ofrepItems: Map<EvalResult, OfrepItem>;
}

/** One flag evaluated for a user, as JSON text (syncs) and as its UTF-8 bytes (pushes). */
export interface ClientItem {
  json: string;
  bytes: Buffer;
}

export interface OfrepItem {
  json: string;
  /** `json` as UTF-8 (bulk answers are assembled from bytes). */
  bytes: Buffer;
  /** SHA-1 of `bytes`: a bulk answer's ETag is hashed over its items' digests (per-user-bodies.ts). */
  digest: Buffer;
  failure: boolean;
}

export interface SegmentEntry {
  segment: WireSegment;
  json: string;
  ts: number;
}

const MAX_ITEMS_PER_FLAG = 64;
// Caches are bounded by bytes too: one large environment must not pin hundreds of megabytes.
const MAX_CACHED_PATCHES = 64;
const MAX_PATCH_CACHE_BYTES = 32 * 1024 * 1024;
const MAX_CACHED_CLIENT_SYNCS = 512;
const MAX_CLIENT_CACHE_BYTES = 8 * 1024 * 1024;
const MAX_CACHED_CLIENT_SYNC_BYTES = 256 * 1024;

export class EnvironmentState {
  readonly evaluator: EnvironmentEvaluator;
  readonly flags = new Map<string, FlagEntry>();
  readonly segments = new Map<string, SegmentEntry>();
  readonly servers = new Set<EnvConnection>();
  readonly clients = new Set<EnvConnection>();
  readonly eventStreams = new Set<EnvEventStream>();
  /** Set when the environment was deleted: it is no longer kept in memory. */
  removed = false;
  /** Bumped by every change: caches are valid for one version. */
  version = 0;
  lastUsed: number;

  private cacheVersion = -1;
  private fullServer: EncodedBody | null = null;
  private readonly serverPatches = new Map<number, EncodedBody | null>();
  private serverPatchBytes = 0;
  private readonly clientFulls = new Map<string, string>();
  private clientFullBytes = 0;

  constructor(
    readonly envId: string,
    readonly scope: SegmentScope,
    options: Partial<EvaluationOptions>,
    onProblem: (message: string, meta: Record<string, unknown>) => void,
    now: number,
  ) {
    this.evaluator = new EnvironmentEvaluator(options, (p) =>
      onProblem('flag cannot be fully evaluated', {
        envId,
        flagId: p.flagId,
        flagKey: p.flagKey,
        problem: p.message,
      }),
    );
    this.lastUsed = now;
  }

  get connectionCount(): number {
    return this.servers.size + this.clients.size + this.eventStreams.size;
  }

  /** Replaces everything (first load). */
  load(flags: readonly FeatureFlag[], segments: readonly WireSegment[]): void {
    this.segments.clear();
    for (const segment of segments) this.segments.set(segment.id, segmentEntry(segment));
    this.evaluator.setSegments(segments);
    this.flags.clear();
    this.evaluator.setFlags(flags);
    for (const flag of flags) this.flags.set(flag.id, this.flagEntry(flag));
    this.version++;
  }

  /**
   * Stores a newer (or same-version but different) flag. Returns the entry, or null when the
   * stored one is newer or identical (a replayed message).
   */
  upsertFlag(flag: FeatureFlag): FlagEntry | null {
    const current = this.flags.get(flag.id);
    const ts = timestampOf(flag.updatedAt);
    if (current !== undefined && (ts < current.ts || (ts === current.ts && sameVersion(flag, current)))) {
      return null;
    }
    this.evaluator.upsertFlag(flag);
    const entry = this.flagEntry(flag);
    // Re-insert so that payload order does not depend on history.
    this.flags.delete(flag.id);
    this.flags.set(flag.id, entry);
    this.version++;
    return entry;
  }

  removeFlag(flagId: string): void {
    if (!this.flags.delete(flagId)) return;
    this.evaluator.removeFlag(flagId);
    this.version++;
  }

  /** Stores a newer segment; returns null when the stored one is newer or identical. */
  upsertSegment(segment: WireSegment): SegmentEntry | null {
    const current = this.segments.get(segment.id);
    const entry = segmentEntry(segment);
    if (
      current !== undefined &&
      (entry.ts < current.ts || (entry.ts === current.ts && entry.json === current.json))
    ) {
      return null;
    }
    this.segments.set(segment.id, entry);
    this.evaluator.upsertSegment(segment);
    this.refreshClientTs(segment.id);
    this.version++;
    return entry;
  }

  removeSegment(segmentId: string): void {
    if (!this.segments.delete(segmentId)) return;
    this.evaluator.removeSegment(segmentId);
    this.refreshClientTs(segmentId);
    this.version++;
  }

  /** Flags whose rules reference the segment. */
  flagsUsingSegment(segmentId: string): FlagEntry[] {
    const entries: FlagEntry[] = [];
    for (const flag of this.evaluator.flagsReferencingSegment(segmentId)) {
      const entry = this.flags.get(flag.id);
      if (entry !== undefined) entries.push(entry);
    }
    return entries;
  }

  /**
   * Server-SDK data-sync for a cursor: the full payload for 0, otherwise a patch of items newer than
   * the cursor. Serialized once per version (and cursor); null for an empty patch.
   */
  serverSync(timestamp: number): Buffer | null {
    return this.serverSyncBody(timestamp)?.plain ?? null;
  }

  /** serverSync's payload with its compressed forms (computed on demand, kept for the version). */
  serverSyncBody(timestamp: number): EncodedBody | null {
    this.checkCaches();
    if (timestamp === 0) {
      // Archived flags are left out of full syncs: the official SDKs ignore isArchived and would
      // serve them as live flags. Patches still carry them (the SDKs that honour it drop them).
      if (this.fullServer === null) {
        const live: string[] = [];
        for (const e of this.flags.values()) if (e.flag.isArchived !== true) live.push(e.json);
        const segments = Array.from(this.segments.values(), (e) => e.json);
        this.fullServer = new EncodedBody(Buffer.from(serverSyncJson('full', live, segments)));
      }
      return this.fullServer;
    }
    const cached = this.serverPatches.get(timestamp);
    if (cached !== undefined) return cached;
    const flags: string[] = [];
    const segments: string[] = [];
    for (const e of this.flags.values()) if (e.ts > timestamp) flags.push(e.json);
    for (const e of this.segments.values()) if (e.ts > timestamp) segments.push(e.json);
    const patch =
      flags.length === 0 && segments.length === 0
        ? null
        : new EncodedBody(Buffer.from(serverSyncJson('patch', flags, segments)));
    const size = patch?.plain.length ?? 0;
    if (
      this.serverPatches.size >= MAX_CACHED_PATCHES ||
      this.serverPatchBytes + size > MAX_PATCH_CACHE_BYTES
    ) {
      this.serverPatches.clear();
      this.serverPatchBytes = 0;
    }
    this.serverPatches.set(timestamp, patch);
    this.serverPatchBytes += size;
    return patch;
  }

  /**
   * Client-SDK data-sync for a user: every flag evaluated (full) or those whose client version is
   * newer than the cursor (patch). Full payloads are cached per user signature and version.
   * Returns the item texts' envelope, or null for an empty patch.
   */
  clientSync(user: EndUser, userKeyJson: string, signature: string, timestamp: number): string | null {
    this.checkCaches();
    const eventType: SyncEventType = timestamp === 0 ? 'full' : 'patch';
    if (timestamp === 0) {
      const cached = this.clientFulls.get(signature);
      if (cached !== undefined) return cached;
    }
    const items: string[] = [];
    for (const entry of this.flags.values()) {
      if (timestamp === 0 ? entry.flag.isArchived !== true : entry.clientTs > timestamp)
        items.push(this.clientItem(entry, user).json);
    }
    if (items.length === 0 && timestamp !== 0) return null;
    const json = clientSyncEnvelope(eventType, userKeyJson, items);
    if (timestamp === 0 && json.length <= MAX_CACHED_CLIENT_SYNC_BYTES) {
      if (
        this.clientFulls.size >= MAX_CACHED_CLIENT_SYNCS ||
        this.clientFullBytes + json.length > MAX_CLIENT_CACHE_BYTES
      ) {
        this.clientFulls.clear();
        this.clientFullBytes = 0;
      }
      this.clientFulls.set(signature, json);
      this.clientFullBytes += json.length;
    }
    return json;
  }

  /** One flag evaluated for a user, as a client payload item. */
  clientItem(entry: FlagEntry, user: EndUser): ClientItem {
    const result = this.evaluator.evaluateFlag(entry.flag, user);
    let item = entry.items.get(result);
    if (item === undefined) {
      const json = clientFlagJson(entry.flag, result, entry.clientTs);
      item = { json, bytes: Buffer.from(json) };
      // Results are shared objects; a malformed flag may produce fresh ones, so bound the map.
      if (entry.items.size < MAX_ITEMS_PER_FLAG) entry.items.set(result, item);
    }
    return item;
  }

  /** One flag evaluated for a user, as an item of the `/featureflag/evaluate` answer (JSON text). */
  evaluateItem(entry: FlagEntry, user: EndUser): string {
    const result = this.evaluator.evaluateFlag(entry.flag, user);
    let item = entry.evaluateItems.get(result);
    if (item === undefined) {
      item = JSON.stringify(evaluateResponseItem(entry.flag, result));
      if (entry.evaluateItems.size < MAX_ITEMS_PER_FLAG) entry.evaluateItems.set(result, item);
    }
    return item;
  }

  /** One flag evaluated for an OFREP context (JSON text of the success or failure). */
  ofrepItem(entry: FlagEntry, user: EndUser): OfrepItem {
    const result = this.evaluator.evaluateFlag(entry.flag, user);
    let item = entry.ofrepItems.get(result);
    if (item === undefined) {
      const evaluation = ofrepEvaluation(entry.flag, result);
      const json = JSON.stringify(evaluation);
      const bytes = Buffer.from(json);
      item = { json, bytes, digest: hash('sha1', bytes, 'buffer'), failure: isOfrepFailure(evaluation) };
      if (entry.ofrepItems.size < MAX_ITEMS_PER_FLAG) entry.ofrepItems.set(result, item);
    }
    return item;
  }

  private flagEntry(flag: FeatureFlag): FlagEntry {
    const ts = timestampOf(flag.updatedAt);
    const segmentIds = referencedSegmentIds(flag);
    return {
      flag,
      json: serverFlagJson(flag),
      ts,
      clientTs: this.clientTsOf(ts, segmentIds),
      segmentIds,
      items: new Map(),
      evaluateItems: new Map(),
      ofrepItems: new Map(),
    };
  }

  private clientTsOf(ts: number, segmentIds: readonly string[]): number {
    let max = ts;
    for (const id of segmentIds) {
      const segment = this.segments.get(id);
      if (segment !== undefined && segment.ts > max) max = segment.ts;
    }
    return max;
  }

  private refreshClientTs(segmentId: string): void {
    for (const entry of this.flags.values()) {
      if (!entry.segmentIds.includes(segmentId)) continue;
      const clientTs = this.clientTsOf(entry.ts, entry.segmentIds);
      if (clientTs !== entry.clientTs) {
        entry.clientTs = clientTs;
        entry.items = new Map();
      }
    }
  }

  private checkCaches(): void {
    if (this.cacheVersion === this.version) return;
    this.cacheVersion = this.version;
    this.fullServer = null;
    this.serverPatches.clear();
    this.serverPatchBytes = 0;
    this.clientFulls.clear();
    this.clientFullBytes = 0;
  }
}

/**
 * The same flag version: the revision (a new one per change) is equal, or, without revisions, the
 * same JSON. The database may return keys in another order than a change message, so JSON alone
 * would take a replayed message for a new version.
 */
function sameVersion(flag: FeatureFlag, current: FlagEntry): boolean {
  const revision: unknown = flag.revision;
  if (typeof revision === 'string' && revision !== '') return revision === current.flag.revision;
  return serverFlagJson(flag) === current.json;
}

function segmentEntry(segment: WireSegment): SegmentEntry {
  return { segment, json: JSON.stringify(segment), ts: timestampOf(segment.updatedAt) };
}
