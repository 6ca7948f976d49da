import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { parseFlagChangeMessage } from '../../core/messages/flag-change.message';
import { parseRemovalMessage, type RemovalMessage } from '../../core/messages/removal.message';
import { parseSegmentChangeMessage } from '../../core/messages/segment-change.message';
import { FlagCache } from '../../core/ports/flag-cache.port';
import { DataStore } from '../../core/ports/data-store.port';
import type { HealthStatus } from '../../core/ports/health-checkable.port';
import { type ConnectionCount, Metrics, NoopMetrics } from '../../core/ports/metrics.port';
import { type BusMessage, MessageBus, type Subscription, TOPICS } from '../../core/ports/message-bus.port';
import type { SegmentScope } from '../../core/ports/targeting.repositories';
import { toWireSegment, type WireSegment } from '../../core/segments/segment';
import { environmentResourceName, type SecretContext } from '../../core/tenancy/tenancy';
import { Logger } from '../../core/ports/logger.port';
import { SecretResolver } from '../auth/secret-resolver';
import { MappedServerConnection } from '../relay/relay-connection';
import {
  annotateProcess,
  endFanoutSpan,
  type FanoutTrace,
  startFanoutSpan,
  traceChangeProcess,
} from '../../infrastructure/observability/change-tracing';
import { pushFlagChange, pushSegmentChange } from './change-fanout';
import { EnvironmentState, type FlagEntry } from './environment-state';

// Every environment an SDK uses is held in memory: loaded on first use (cache, else database),
// kept current by change messages, and reloaded for every loaded environment when the bus
// reconnects (messages may have been missed). Changes for one environment are applied in order.
// Removals drop items from memory without a push to SDKs (FeatBit sends none); a deleted
// environment's connections are closed and its secrets refused.

type Change =
  | { kind: 'flag'; flag: FeatureFlag }
  | { kind: 'segment'; segment: WireSegment; affectedFlagIds: string[] }
  | { kind: 'remove-flag'; flagId: string }
  | { kind: 'remove-segment'; segmentId: string }
  | { kind: 'remove-environment' };

/** Close code for connections of a deleted environment: SDKs stop retrying a key that is gone. */
const CLOSE_ENVIRONMENT_DELETED = 4003;

const SUBSCRIBE_RETRY_MS = 3_000;
/**
 * After the bus reconnects, how long first loads bypass the cache. The api repairs its cache when
 * Redis is back (src/infrastructure/cache/redis/redis-flag.cache.ts), in seconds for a large
 * install; until then a database read costs what a cache-less install always pays.
 */
const CACHE_SUSPECT_MS = 60_000;
/** An environment with no connections and no requests for this long is dropped from memory. */
export const IDLE_ENVIRONMENT_MS = 10 * 60_000;

export function scopeOf(context: SecretContext): SegmentScope {
  return {
    envId: context.envId,
    workspaceId: context.workspaceId,
    envResourceName: environmentResourceName(context.organizationKey, context.projectKey, context.envKey),
  };
}

@Injectable()
export class EnvironmentRegistry implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly states = new Map<string, EnvironmentState>();
  private readonly loading = new Map<string, { promise: Promise<EnvironmentState>; pending: Change[] }>();
  private readonly subscriptions: Subscription[] = [];
  private storeReady = false;
  private subscribed = false;
  private destroyed = false;
  /**
   * Until then, first loads read the database first as the resync does: after a bus outage the
   * cache may still say "populated" while missing the outage's writes, until the api repairs it.
   */
  private cacheSuspectUntil = 0;
  private readonly log: Logger;

  constructor(
    private readonly store: DataStore,
    private readonly cache: FlagCache,
    private readonly bus: MessageBus,
    private readonly config: AppConfig,
    private readonly secrets: SecretResolver,
    logger: Logger,
    @Optional() private readonly metrics: Metrics = new NoopMetrics(),
  ) {
    this.log = logger.child({ component: 'environments' });
    metrics.addConnectionSource(() => this.connectionCounts());
  }

  onApplicationBootstrap(): void {
    // whenReady retries by itself; it can only reject when the store closes during shutdown.
    this.store.whenReady().then(
      () => (this.storeReady = true),
      () => undefined,
    );
    this.bus.onReconnect(() => {
      this.cacheSuspectUntil = Date.now() + CACHE_SUSPECT_MS;
      void this.resyncAll();
    });
    void this.subscribe();
  }

  async onModuleDestroy(): Promise<void> {
    this.destroyed = true;
    await Promise.allSettled(this.subscriptions.map((s) => s.unsubscribe()));
  }

  /** Readiness: the store answers and change messages are being received. */
  health(): HealthStatus {
    if (!this.storeReady) return { ok: false, detail: 'waiting for the database' };
    if (!this.subscribed) return { ok: false, detail: 'subscribing to change messages' };
    return { ok: true };
  }

  get loadedCount(): number {
    return this.states.size;
  }

  /** Connections per loaded environment, for the metrics scrape (the relay hub reports its sockets). */
  private *connectionCounts(): Iterable<ConnectionCount> {
    let servers = 0;
    let clients = 0;
    for (const state of this.states.values()) {
      let relayed = 0;
      for (const conn of state.servers) if (conn instanceof MappedServerConnection) relayed++;
      const envId = state.envId;
      yield { type: 'server', envId, count: state.servers.size - relayed };
      yield { type: 'client', envId, count: state.clients.size };
      if (relayed > 0) yield { type: 'relay-proxy', envId, count: relayed };
      servers += state.servers.size - relayed;
      clients += state.clients.size;
    }
    yield { type: 'server', count: servers };
    yield { type: 'client', count: clients };
  }

  /** The loaded state, without loading (hot paths check this first). */
  get(envId: string): EnvironmentState | undefined {
    const state = this.states.get(envId);
    if (state !== undefined) state.lastUsed = Date.now();
    return state;
  }

  /** The environment's state, loading it on first use. Throws when the store is unavailable. */
  async acquire(context: SecretContext): Promise<EnvironmentState> {
    const loaded = this.get(context.envId);
    if (loaded !== undefined) return loaded;
    const inFlight = this.loading.get(context.envId);
    if (inFlight !== undefined) return inFlight.promise;
    const pending: Change[] = [];
    const promise = this.load(context, pending).finally(() => this.loading.delete(context.envId));
    this.loading.set(context.envId, { promise, pending });
    return promise;
  }

  /** Drops environments nobody used for a while (called by the sweeper). */
  evictIdle(now = Date.now()): void {
    for (const [envId, state] of this.states) {
      if (state.connectionCount === 0 && now - state.lastUsed > IDLE_ENVIRONMENT_MS)
        this.states.delete(envId);
    }
  }

  /** Applies a change message (also used by tests); the topic's module in src/core/messages/ reads it. */
  handleFlagMessage(payload: unknown): void {
    const change = parseFlagChangeMessage(payload);
    if (!change.ok) {
      this.log.warn('ignored a malformed flag-change message', { error: change.error });
      return;
    }
    const flag = change.value;
    traceChangeProcess(TOPICS.flagChange, change.trace, () => this.route(flag.envId, { kind: 'flag', flag }));
  }

  handleSegmentMessage(payload: unknown): void {
    const change = parseSegmentChangeMessage(payload);
    if (!change.ok) {
      this.log.warn('ignored a malformed segment-change message', { error: change.error });
      return;
    }
    const { segment, affectedFlagIds } = change.value;
    traceChangeProcess(TOPICS.segmentChange, change.trace, () =>
      this.route(segment.envId, { kind: 'segment', segment, affectedFlagIds }),
    );
  }

  handleRemovalMessage(payload: unknown): void {
    const removal = parseRemovalMessage(payload);
    if (!removal.ok) {
      this.log.warn('ignored a malformed removal message', { error: removal.error });
      return;
    }
    traceChangeProcess(TOPICS.removal, removal.trace, () => this.remove(removal.value));
  }

  private remove(removal: RemovalMessage): void {
    if (removal.kind === 'flag') {
      this.route(removal.envId, { kind: 'remove-flag', flagId: removal.flagId });
      return;
    }
    if (removal.kind === 'segment') {
      // Segment ids are unique: drop it wherever it is loaded (a shared segment spans environments).
      const change: Change = { kind: 'remove-segment', segmentId: removal.segmentId };
      for (const state of this.states.values()) this.apply(state, change);
      for (const loading of this.loading.values()) loading.pending.push(change);
      return;
    }
    if (removal.kind === 'relay-proxy') return; // the relay hub's (src/evaluation/relay/)
    this.secrets.forgetEnvironments(removal.envIds);
    for (const envId of removal.envIds) this.route(envId, { kind: 'remove-environment' });
  }

  /** Reloads every loaded environment and pushes what changed meanwhile. */
  async resyncAll(): Promise<void> {
    const states = [...this.states.values()];
    this.log.info('bus reconnected: resynchronising loaded environments', { count: states.length });
    for (const state of states) {
      try {
        // The database, not the cache: the outage that cost us messages may have cost the cache
        // its writes too, and it can still say "populated" until its populator repairs it (with
        // Redis as both bus and cache, a resync raced that repair: the split-roles e2e caught it).
        const { flags, segments } = await this.read(state.envId, state.scope, 'database first');
        if (this.states.get(state.envId) !== state) continue;
        this.reconcile(state, flags, segments);
      } catch (err) {
        this.log.warn('resynchronising an environment failed', {
          envId: state.envId,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
  }

  private async subscribe(): Promise<void> {
    while (!this.destroyed && !this.subscribed) {
      try {
        this.subscriptions.push(
          await this.bus.subscribe(TOPICS.flagChange, (m: BusMessage) => this.handleFlagMessage(m.payload)),
          await this.bus.subscribe(TOPICS.segmentChange, (m: BusMessage) =>
            this.handleSegmentMessage(m.payload),
          ),
          await this.bus.subscribe(TOPICS.removal, (m: BusMessage) => this.handleRemovalMessage(m.payload)),
        );
        this.subscribed = true;
        // Anything loaded before the subscription may have missed changes.
        if (this.states.size > 0) void this.resyncAll();
      } catch (err) {
        this.log.warn('subscribing to change messages failed; retrying', {
          error: err instanceof Error ? err.message : String(err),
        });
        await new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_RETRY_MS).unref());
      }
    }
  }

  private route(envId: string, change: Change): void {
    annotateProcess({ 'featbit.env_id': envId });
    const state = this.states.get(envId);
    if (state !== undefined) {
      this.apply(state, change);
      return;
    }
    // Loading: apply once loaded, in order. Not loaded: nobody needs it (loaded fresh on first use).
    this.loading.get(envId)?.pending.push(change);
  }

  private apply(state: EnvironmentState, change: Change): void {
    if (change.kind === 'remove-flag') return state.removeFlag(change.flagId);
    if (change.kind === 'remove-segment') return state.removeSegment(change.segmentId);
    if (change.kind === 'remove-environment') return this.dropEnvironment(state);
    const started = performance.now();
    let pushed: number;
    // Only inside a traced change message (tracing on): otherwise undefined, and nothing is tallied.
    let traced: FanoutTrace | undefined;
    if (change.kind === 'flag') {
      const entry = state.upsertFlag(change.flag);
      if (entry === null) return;
      traced = startFanoutSpan(state.envId, change.kind);
      pushed = pushFlagChange(state, entry, traced);
    } else {
      const entry = state.upsertSegment(change.segment);
      if (entry === null) return;
      const affected = new Map<string, FlagEntry>();
      for (const f of state.flagsUsingSegment(change.segment.id)) affected.set(f.flag.id, f);
      for (const id of change.affectedFlagIds) {
        const f = state.flags.get(id);
        if (f !== undefined) affected.set(id, f);
      }
      traced = startFanoutSpan(state.envId, change.kind);
      pushed = pushSegmentChange(state, entry, [...affected.values()], traced);
    }
    if (traced !== undefined) endFanoutSpan(traced, pushed);
    const ms = performance.now() - started;
    this.metrics.observeFanout(change.kind, ms / 1000, pushed);
    this.log.debug('change pushed', {
      envId: state.envId,
      kind: change.kind,
      connections: pushed,
      ms: Math.round(ms * 10) / 10,
    });
  }

  private dropEnvironment(state: EnvironmentState): void {
    state.removed = true;
    if (this.states.get(state.envId) === state) this.states.delete(state.envId);
    for (const conn of [...state.servers, ...state.clients])
      conn.close(CLOSE_ENVIRONMENT_DELETED, 'environment deleted, close by server');
    for (const stream of [...state.eventStreams]) stream.close();
    this.log.info('environment deleted: dropped from memory', { envId: state.envId });
  }

  private async load(context: SecretContext, pending: Change[]): Promise<EnvironmentState> {
    const scope = scopeOf(context);
    const order = Date.now() < this.cacheSuspectUntil ? 'database first' : 'cache first';
    const { flags, segments } = await this.read(context.envId, scope, order);
    const state = new EnvironmentState(
      context.envId,
      scope,
      { missingAttribute: this.config.evaluation.missingAttribute },
      (message, meta) => this.log.warn(message, meta),
      Date.now(),
    );
    state.load(flags, segments);
    for (const change of pending) this.apply(state, change);
    if (!state.removed) this.states.set(context.envId, state);
    this.log.debug('environment loaded', {
      envId: context.envId,
      flags: flags.length,
      segments: segments.length,
    });
    return state;
  }

  private async read(
    envId: string,
    scope: SegmentScope,
    order: 'cache first' | 'database first' = 'cache first',
  ): Promise<{ flags: FeatureFlag[]; segments: WireSegment[] }> {
    if (order === 'cache first') return (await this.readCache(envId)) ?? this.readDatabase(envId, scope);
    try {
      return await this.readDatabase(envId, scope);
    } catch (error) {
      // The database is down as well: the cache is the best answer there is (if it has one).
      const cached = await this.readCache(envId);
      if (cached === null) throw error;
      return cached;
    }
  }

  /** Null when the cache is off, cannot answer, or cannot vouch for the answer. */
  private async readCache(envId: string): Promise<{ flags: FeatureFlag[]; segments: WireSegment[] } | null> {
    if (!this.cache.enabled) return null;
    try {
      const [flags, segments] = await Promise.all([
        this.cache.getFlagsSince(envId, 0),
        this.cache.getSegmentsSince(envId, 0),
      ]);
      return flags === null || segments === null ? null : { flags, segments };
    } catch {
      return null;
    }
  }

  private async readDatabase(
    envId: string,
    scope: SegmentScope,
  ): Promise<{ flags: FeatureFlag[]; segments: WireSegment[] }> {
    const [flags, segments] = await Promise.all([
      this.store.flags.listAll(envId),
      this.store.segments.listAll(scope),
    ]);
    return { flags, segments: segments.map((s) => toWireSegment(s, envId)) };
  }

  /** Brings a loaded state in line with a fresh read, pushing what differs. */
  private reconcile(state: EnvironmentState, flags: FeatureFlag[], segments: WireSegment[]): void {
    const segmentIds = new Set(segments.map((s) => s.id));
    for (const segment of segments) {
      const current = state.segments.get(segment.id);
      if (current === undefined || current.segment.updatedAt !== segment.updatedAt) {
        this.apply(state, { kind: 'segment', segment, affectedFlagIds: [] });
      }
    }
    for (const id of [...state.segments.keys()]) if (!segmentIds.has(id)) state.removeSegment(id);
    const flagIds = new Set(flags.map((f) => f.id));
    for (const flag of flags) {
      const current = state.flags.get(flag.id);
      if (current === undefined || current.flag.updatedAt !== flag.updatedAt)
        this.apply(state, { kind: 'flag', flag });
    }
    // Deleted flags are not signalled to SDKs (as in FeatBit); they disappear at the next full sync.
    for (const id of [...state.flags.keys()]) if (!flagIds.has(id)) state.removeFlag(id);
  }
}
