import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy, Optional } from '@nestjs/common';
import type { RawData, WebSocket } from 'ws';
import { AppConfig } from '../../config/app-config';
import { parseRemovalMessage } from '../../core/messages/removal.message';
import { DataStore } from '../../core/ports/data-store.port';
import { Logger } from '../../core/ports/logger.port';
import { Metrics, NoopMetrics } from '../../core/ports/metrics.port';
import { type BusMessage, MessageBus, type Subscription, TOPICS } from '../../core/ports/message-bus.port';
import { type RpItem, parseRpSyncRequest, rpSyncJson } from '../../core/sdk/relay-proxy-payloads';
import { echoJson, parseSdkMessage, PONG_JSON } from '../../core/sdk/sdk-payloads';
import type { EnvironmentState } from '../environments/environment-state';
import { EnvironmentRegistry } from '../environments/environment-registry';
import { RelayAgents } from './relay-agents';
import { RelayConnection } from './relay-connection';
import { type RelayScope, relayScopeByHash, resolveRelayScope } from './relay-scope';

// The evaluation server's side of FeatBit's relay-proxy protocol (docs/relay-proxies.md#protocol):
// /streaming?type=relay-proxy&token=rp-… is accepted for a known key with at least one environment
// in scope; `data-sync` is answered with rp_full / rp_patch, later changes arrive as ordinary
// server patches (relay-connection.ts), `rp-agent-status` is stored. A changed scope, environment
// list or secret gets a fresh rp_full; a deleted key is closed with 4003 (the agent stops).

export type RelayHandshake =
  | { kind: 'ok'; scope: RelayScope; states: EnvironmentState[] }
  | { kind: 'invalid'; why: string }
  | { kind: 'unavailable' };

const CLOSE_INVALID_REQUEST = 4003;
const CLOSE_POLICY = 1008;
const CLOSE_UNAVAILABLE = 1011;
const CLOSE_GOING_AWAY = 1001;
const PONG = Buffer.from(PONG_JSON);
/** Agents ping every few seconds; one silent this long is presumed dead (as SDK connections). */
const IDLE_TIMEOUT_MS = 180_000;
const SWEEP_INTERVAL_MS = 5_000;
/** Environments created in an all-environments scope and secret changes reach agents this fast. */
export const RELAY_RECHECK_MS = 30_000;
const MAX_MESSAGES_PER_WINDOW = 100;

function toText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

@Injectable()
export class RelayHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly connections = new Set<RelayConnection>();
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastRecheck = Date.now();
  private readonly log: Logger;

  constructor(
    private readonly store: DataStore,
    private readonly registry: EnvironmentRegistry,
    private readonly bus: MessageBus,
    private readonly agents: RelayAgents,
    private readonly config: AppConfig,
    logger: Logger,
    @Optional() metrics: Metrics = new NoopMetrics(),
  ) {
    this.log = logger.child({ component: 'relay-proxy' });
    // One socket per agent, whatever the number of environments it serves.
    metrics.addConnectionSource(() => [{ type: 'relay-proxy', count: this.connections.size }]);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(Date.now()), SWEEP_INTERVAL_MS);
    this.timer.unref();
    void this.subscribe();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    for (const conn of this.connections) conn.close(CLOSE_GOING_AWAY, 'server shutting down');
    await this.subscription?.unsubscribe();
  }

  /** Validates the key and loads the environments in scope before the upgrade is accepted. */
  async handshake(token: string | null): Promise<RelayHandshake> {
    try {
      const scope = await resolveRelayScope(this.store, token);
      if (scope === null) return { kind: 'invalid', why: 'unknown relay-proxy key' };
      if (scope.envs.length === 0) return { kind: 'invalid', why: 'no environment in scope' };
      return { kind: 'ok', scope, states: await this.load(scope) };
    } catch (err) {
      this.log.warn('relay-proxy handshake: store unavailable', { error: errorText(err) });
      return { kind: 'unavailable' };
    }
  }

  accept(ws: WebSocket, handshake: Extract<RelayHandshake, { kind: 'ok' }>): void {
    const conn = new RelayConnection(ws, handshake.scope, this.config.limits.wsMaxBufferedBytes, Date.now());
    this.connections.add(conn);
    conn.bind(handshake.states, () => this.recheck(conn, true));
    ws.on('message', (data) => {
      try {
        this.handle(conn, data);
      } catch (err) {
        this.log.error('relay-proxy message failed; closing the connection', { error: errorText(err) });
        conn.close(CLOSE_UNAVAILABLE, 'internal error');
      }
    });
    ws.on('close', () => {
      conn.closing = true;
      conn.unbind();
      this.connections.delete(conn);
    });
    this.log.info('relay-proxy connected', { proxyId: conn.proxyId, envs: conn.mapped.size });
  }

  private handle(conn: RelayConnection, data: RawData): void {
    if (conn.closing) return;
    conn.lastSeen = Date.now();
    if (++conn.messages > MAX_MESSAGES_PER_WINDOW) {
      conn.close(CLOSE_POLICY, 'too many messages');
      return;
    }
    const message = parseSdkMessage(toText(data));
    if (message === null) return;
    switch (message.type) {
      case 'ping':
        return conn.send(PONG);
      case 'echo':
        return conn.send(echoJson(message.data));
      case 'data-sync':
        return this.dataSync(conn, message.data);
      case 'rp-agent-status':
        return this.agents.status(conn, message.data);
      default:
        return; // ignored, as FeatBit does
    }
  }

  /** rp_full for timestamp 0, else rp_patch per environment after the agent's cursors. */
  private dataSync(conn: RelayConnection, data: unknown): void {
    const request = parseRpSyncRequest(data);
    if (request === null) return;
    const envs = conn.scope.envs.filter((e) => conn.mapped.has(e.context.envId));
    // An agent whose environments differ from the scope (one added, removed, or its secrets unknown
    // to it) gets everything again: FeatBit's patch would leave it without the new secrets.
    const sameEnvs =
      request.kind === 'patch' &&
      request.envs.size === envs.length &&
      envs.every((e) => request.envs.has(e.context.envId));
    if (request.kind === 'full' || !sameEnvs) {
      conn.send(this.fullJson(conn));
    } else {
      const items: RpItem[] = [];
      for (const env of envs) {
        const state = conn.mapped.get(env.context.envId)?.state;
        if (state === undefined) continue;
        items.push(changedItem(state, request.envs.get(env.context.envId) ?? 0));
      }
      conn.send(rpSyncJson('rp_patch', items));
    }
    conn.markSynced();
  }

  private fullJson(conn: RelayConnection): string {
    const items: RpItem[] = [];
    for (const env of conn.scope.envs) {
      const state = conn.mapped.get(env.context.envId)?.state;
      if (state === undefined) continue;
      items.push({ ...changedItem(state, 0), secrets: env.secrets });
    }
    return rpSyncJson('rp_full', items);
  }

  private async load(scope: RelayScope): Promise<EnvironmentState[]> {
    const states: EnvironmentState[] = [];
    for (const env of scope.envs) {
      states.push(this.registry.get(env.context.envId) ?? (await this.registry.acquire(env.context)));
    }
    return states;
  }

  /**
   * Reads the key's scope again: gone → 4003; no environment left → 4003; different environments
   * or secrets → mapped anew and, once synced, a fresh rp_full. A store error keeps things as they are.
   */
  private recheck(conn: RelayConnection, force = false): void {
    if (conn.closing || conn.rechecking) return;
    conn.rechecking = true;
    void this.recheckNow(conn, force).finally(() => (conn.rechecking = false));
  }

  private async recheckNow(conn: RelayConnection, force: boolean): Promise<void> {
    try {
      const scope = await relayScopeByHash(this.store, conn.scope.keyHash);
      if (conn.closing) return;
      if (scope === null) return conn.close(CLOSE_INVALID_REQUEST, 'relay proxy removed, close by server');
      if (scope.envs.length === 0) return conn.close(CLOSE_INVALID_REQUEST, 'no environment in scope');
      if (!force && scope.digest === conn.scope.digest) return;
      const states = await this.load(scope);
      if (conn.closing) return;
      conn.scope = scope;
      conn.bind(states, () => this.recheck(conn, true));
      if (conn.synced) {
        conn.send(this.fullJson(conn));
        conn.markSynced();
      }
      this.log.info('relay-proxy scope changed: full sync sent', {
        proxyId: conn.proxyId,
        envs: states.length,
      });
    } catch (err) {
      this.log.warn('relay-proxy re-check failed; retrying later', {
        proxyId: conn.proxyId,
        error: errorText(err),
      });
    }
  }

  private async subscribe(): Promise<void> {
    try {
      this.subscription = await this.bus.subscribe(TOPICS.removal, (m: BusMessage) =>
        this.onRemoval(m.payload),
      );
    } catch (err) {
      // Without the subscription, the periodic re-check still revokes within RELAY_RECHECK_MS.
      this.log.warn('relay-proxy: subscribing to removals failed', { error: errorText(err) });
    }
  }

  private onRemoval(payload: unknown): void {
    const removal = parseRemovalMessage(payload);
    if (!removal.ok || removal.value.kind !== 'relay-proxy') return;
    const ids = new Set(removal.value.relayProxyIds);
    for (const conn of this.connections) if (ids.has(conn.proxyId)) this.recheck(conn, true);
  }

  private sweep(now: number): void {
    const recheckAll = now - this.lastRecheck >= RELAY_RECHECK_MS;
    if (recheckAll) this.lastRecheck = now;
    for (const conn of this.connections) {
      conn.messages = 0;
      if (now - conn.lastSeen > IDLE_TIMEOUT_MS) {
        conn.closing = true;
        conn.unbind();
        conn.ws.terminate();
        continue;
      }
      if (recheckAll) this.recheck(conn);
    }
  }
}

/** One environment's flags and segments after `cursor` (0: every live flag, as server full syncs). */
function changedItem(state: EnvironmentState, cursor: number): RpItem {
  const flagJsons: string[] = [];
  const segmentJsons: string[] = [];
  for (const e of state.flags.values()) {
    if (cursor === 0 ? e.flag.isArchived !== true : e.ts > cursor) flagJsons.push(e.json);
  }
  for (const e of state.segments.values()) if (e.ts > cursor) segmentJsons.push(e.json);
  return { envId: state.envId, secrets: [], flagJsons, segmentJsons };
}
