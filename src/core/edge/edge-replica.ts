import { timestampOf } from '../evaluation';
import type { FeatureFlag } from '../flags/feature-flag';
import { parseFlagChangeMessage } from '../messages/flag-change.message';
import type { RemovalMessage } from '../messages/removal.message';
import { parseSegmentChangeMessage } from '../messages/segment-change.message';
import type { ReceivedRpItem, RpEventType, RpSecret } from '../sdk/relay-proxy-payloads';
import type { WireSegment } from '../segments/segment';
import { SECRET_TYPES, type SecretContext } from '../tenancy/tenancy';

// The edge role's copy of what its upstream sent over FeatBit's agent protocol
// (docs/relay-proxies.md#edge-role): per environment its secrets, flags and segments, and the
// cursor the next data-sync asks from. Applying a payload returns the changes the evaluation role
// must hear about, as the ordinary change and removal messages. Pure: no I/O, no clock.

export interface ReplicaEnv {
  envId: string;
  secrets: RpSecret[];
  flags: Map<string, FeatureFlag>;
  segments: Map<string, WireSegment>;
  /** Newest updatedAt (Unix ms) of anything received for the environment: its data-sync cursor. */
  timestamp: number;
}

export type ReplicaChange =
  | { kind: 'flag'; flag: FeatureFlag }
  | { kind: 'segment'; segment: WireSegment }
  | { kind: 'removal'; removal: RemovalMessage };

export interface ApplyOutcome {
  changes: ReplicaChange[];
  /** Items left out (not a flag or segment, or for an environment not served), for one log line. */
  skipped: number;
}

/** What is written to disk and read back at start (version 1). */
export interface ReplicaSnapshot {
  version: 1;
  envs: { envId: string; secrets: RpSecret[]; flags: unknown[]; segments: unknown[]; timestamp: number }[];
}

function readFlag(raw: unknown): FeatureFlag | null {
  const parsed = parseFlagChangeMessage(raw);
  return parsed.ok ? parsed.value : null;
}

function readSegment(raw: unknown): WireSegment | null {
  const parsed = parseSegmentChangeMessage({ segment: raw });
  return parsed.ok ? parsed.value.segment : null;
}

function readSecret(raw: unknown, envId: string): RpSecret | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Record<string, unknown>;
  if (!(SECRET_TYPES as readonly unknown[]).includes(s.type)) return null;
  if (typeof s.value !== 'string' || s.value === '') return null;
  return {
    type: s.type as RpSecret['type'],
    projectKey: typeof s.projectKey === 'string' ? s.projectKey : '',
    envId,
    envKey: typeof s.envKey === 'string' ? s.envKey : '',
    value: s.value,
  };
}

export class EdgeReplica {
  private readonly envs = new Map<string, ReplicaEnv>();
  private readonly bySecret = new Map<string, RpSecret>();
  /** Bumped by every applied change (status reports, persistence). */
  revision = 0;

  get envCount(): number {
    return this.envs.size;
  }

  env(envId: string): ReplicaEnv | undefined {
    return this.envs.get(envId);
  }

  /** The environment a secret opens, as the evaluation role resolves secrets; null when unknown. */
  secretContext(secret: string): SecretContext | null {
    const s = this.bySecret.get(secret);
    if (s === undefined || !this.envs.has(s.envId)) return null;
    // Ids the upstream does not send are left empty: the edge reads by environment id only.
    return {
      type: s.type,
      envId: s.envId,
      envKey: s.envKey,
      projectId: '',
      projectKey: s.projectKey,
      organizationId: '',
      organizationKey: '',
      workspaceId: '',
    };
  }

  /** The environment's server secret (what forwarded insights are sent with). */
  serverSecret(envId: string): string | null {
    return this.envs.get(envId)?.secrets.find((s) => s.type === 'server')?.value ?? null;
  }

  /** Per environment cursors and their newest, for a catch-up data-sync. */
  cursors(): { timestamp: number; envs: Map<string, number> } {
    const envs = new Map<string, number>();
    let timestamp = 0;
    for (const env of this.envs.values()) {
      envs.set(env.envId, env.timestamp);
      timestamp = Math.max(timestamp, env.timestamp);
    }
    return { timestamp, envs };
  }

  /** FeatBit's agent status `serves`: `projectKey:envKey` per environment. */
  serves(): string {
    const out: string[] = [];
    for (const env of this.envs.values()) {
      const s = env.secrets[0];
      if (s !== undefined) out.push(`${s.projectKey}:${s.envKey}`);
    }
    return out.join(',');
  }

  /**
   * rp_full replaces everything (environments, flags and segments it lacks are removed); rp_patch
   * adds what changed after the cursors, keeping the secrets it does not repeat.
   */
  applyRp(eventType: RpEventType, items: readonly ReceivedRpItem[]): ApplyOutcome {
    const out: ApplyOutcome = { changes: [], skipped: 0 };
    const seen = new Set<string>();
    for (const item of items) {
      const envId = item.envId.toLowerCase();
      seen.add(envId);
      let env = this.envs.get(envId);
      if (env === undefined) {
        env = { envId, secrets: [], flags: new Map(), segments: new Map(), timestamp: 0 };
        this.envs.set(envId, env);
      }
      const secrets = item.secrets.map((s) => readSecret(s, envId)).filter((s) => s !== null);
      if (eventType === 'rp_full' || secrets.length > 0) this.setSecrets(env, secrets);
      const full = eventType === 'rp_full';
      const flagIds = new Set<string>();
      for (const raw of item.featureFlags) {
        const flag = readFlag(raw);
        if (flag === null || flag.envId.toLowerCase() !== envId) {
          out.skipped++;
          continue;
        }
        flagIds.add(flag.id);
        this.upsertFlag(env, flag, full, out.changes);
      }
      const segmentIds = new Set<string>();
      for (const raw of item.segments) {
        const segment = readSegment(raw);
        if (segment === null) {
          out.skipped++;
          continue;
        }
        segmentIds.add(segment.id);
        this.upsertSegment(env, { ...segment, envId }, full, out.changes);
      }
      if (!full) continue;
      for (const id of [...env.flags.keys()]) {
        if (flagIds.has(id)) continue;
        env.flags.delete(id);
        out.changes.push({ kind: 'removal', removal: { kind: 'flag', envId, flagId: id } });
      }
      for (const id of [...env.segments.keys()]) {
        if (segmentIds.has(id)) continue;
        env.segments.delete(id);
        out.changes.push({ kind: 'removal', removal: { kind: 'segment', envIds: [envId], segmentId: id } });
      }
    }
    if (eventType === 'rp_full') {
      const gone = [...this.envs.keys()].filter((id) => !seen.has(id));
      for (const id of gone) this.dropEnv(id);
      if (gone.length > 0)
        out.changes.push({ kind: 'removal', removal: { kind: 'environment', envIds: gone } });
    }
    if (out.changes.length > 0 || eventType === 'rp_full') this.revision++;
    return out;
  }

  /** A server `patch` pushed after the sync: each flag and segment names its environment. */
  applyServerPatch(featureFlags: readonly unknown[], segments: readonly unknown[]): ApplyOutcome {
    const out: ApplyOutcome = { changes: [], skipped: 0 };
    for (const raw of featureFlags) {
      const flag = readFlag(raw);
      const env = flag === null ? undefined : this.envs.get(flag.envId.toLowerCase());
      if (flag === null || env === undefined) out.skipped++;
      else this.upsertFlag(env, flag, false, out.changes);
    }
    for (const raw of segments) {
      const segment = readSegment(raw);
      const env = segment === null ? undefined : this.envs.get(segment.envId.toLowerCase());
      if (segment === null || env === undefined) out.skipped++;
      else this.upsertSegment(env, segment, false, out.changes);
    }
    if (out.changes.length > 0) this.revision++;
    return out;
  }

  snapshot(): ReplicaSnapshot {
    return {
      version: 1,
      envs: [...this.envs.values()].map((env) => ({
        envId: env.envId,
        secrets: env.secrets,
        flags: [...env.flags.values()],
        segments: [...env.segments.values()],
        timestamp: env.timestamp,
      })),
    };
  }

  /** Replaces the contents with a snapshot read from disk; false when it is not one (left as it was). */
  restore(snapshot: unknown): boolean {
    if (typeof snapshot !== 'object' || snapshot === null) return false;
    const s = snapshot as Partial<ReplicaSnapshot>;
    if (s.version !== 1 || !Array.isArray(s.envs)) return false;
    const items: ReceivedRpItem[] = [];
    for (const env of s.envs as unknown[]) {
      if (typeof env !== 'object' || env === null) return false;
      const e = env as Record<string, unknown>;
      if (typeof e.envId !== 'string' || !Array.isArray(e.flags) || !Array.isArray(e.segments)) return false;
      items.push({
        envId: e.envId,
        secrets: Array.isArray(e.secrets) ? (e.secrets as RpSecret[]) : [],
        featureFlags: e.flags as unknown[],
        segments: e.segments as unknown[],
      });
    }
    this.envs.clear();
    this.bySecret.clear();
    this.applyRp('rp_full', items);
    return true;
  }

  private setSecrets(env: ReplicaEnv, secrets: RpSecret[]): void {
    for (const old of env.secrets) this.bySecret.delete(old.value);
    env.secrets = secrets;
    for (const s of secrets) this.bySecret.set(s.value, s);
  }

  private dropEnv(envId: string): void {
    const env = this.envs.get(envId);
    if (env === undefined) return;
    for (const s of env.secrets) this.bySecret.delete(s.value);
    this.envs.delete(envId);
  }

  /** Stores a flag unless an equal or newer one is held (a full sync also replaces older ones). */
  private upsertFlag(env: ReplicaEnv, flag: FeatureFlag, force: boolean, changes: ReplicaChange[]): void {
    const ts = timestampOf(flag.updatedAt);
    const current = env.flags.get(flag.id);
    env.timestamp = Math.max(env.timestamp, ts);
    if (current !== undefined) {
      const currentTs = timestampOf(current.updatedAt);
      if (currentTs > ts && !force) return;
      if (currentTs === ts && JSON.stringify(current) === JSON.stringify(flag)) return;
    }
    env.flags.set(flag.id, flag);
    changes.push({ kind: 'flag', flag });
  }

  private upsertSegment(
    env: ReplicaEnv,
    segment: WireSegment,
    force: boolean,
    changes: ReplicaChange[],
  ): void {
    const ts = timestampOf(segment.updatedAt);
    const current = env.segments.get(segment.id);
    env.timestamp = Math.max(env.timestamp, ts);
    if (current !== undefined) {
      const currentTs = timestampOf(current.updatedAt);
      if (currentTs > ts && !force) return;
      if (currentTs === ts && JSON.stringify(current) === JSON.stringify(segment)) return;
    }
    env.segments.set(segment.id, segment);
    changes.push({ kind: 'segment', segment });
  }
}
