import {
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { join } from 'node:path';
import { type RawData, WebSocket } from 'ws';
import { AppConfig, type EdgeConfig } from '../../config/app-config';
import type { ApplyOutcome, ReplicaChange } from '../../core/edge/edge-replica';
import { parseBoundedJson } from '../../core/json/bounded-json';
import { DataStore } from '../../core/ports/data-store.port';
import { Logger } from '../../core/ports/logger.port';
import { MessageBus, TOPICS } from '../../core/ports/message-bus.port';
import {
  parseRpSyncData,
  RP_FULL_SYNC_REQUEST,
  rpPatchSyncRequestJson,
} from '../../core/sdk/relay-proxy-payloads';
import { agentIdOf, readText, REPLICA_FILE, writeAtomically } from './edge-files';
import { EdgeReplicaStore } from './edge-replica.store';

// The edge role's upstream synchronizer: FeatBit's agent (featbit-agent's WebSocketDataSynchronizer,
// AgentRegistrar and StatusSyncHostedService) written for this product (docs/relay-proxies.md#edge-role).
// It registers, opens /streaming?type=relay-proxy, asks for everything (timestamp 0) or for what
// changed after its cursors, applies rp_full / rp_patch and the server patches that follow, and
// publishes every change on the in-process bus as the ordinary change messages, so the evaluation
// role pushes them to SDKs exactly as it does centrally. The replica is saved after changes.

/** SDKs ping every few seconds; the upstream presumes a silent connection dead after minutes. */
const PING_INTERVAL_MS = 10_000;
const STATUS_INTERVAL_MS = 60_000;
const FIRST_STATUS_DELAY_MS = 1_000;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
/** A refused key (close 4003, register 401) is retried this slowly: an operator must act. */
const REFUSED_RETRY_MS = 5 * 60_000;
const SAVE_DEBOUNCE_MS = 250;
const REQUEST_TIMEOUT_MS = 10_000;
/** A full sync of many environments is large; anything bigger is refused by ws. */
const MAX_FRAME_BYTES = 256 * 1024 * 1024;
const CLOSE_INVALID_REQUEST = 4003;
const PING = '{"messageType":"ping","data":{}}';

export type SyncState = 'Starting' | 'Stable' | 'Interrupted' | 'Stopped';

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function toText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

@Injectable()
export class EdgeSynchronizer implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  readonly store: EdgeReplicaStore;
  private readonly edge: EdgeConfig;
  private readonly log: Logger;
  private readonly agentId: string;
  private ws: WebSocket | null = null;
  private attempts = 0;
  private refused = false;
  private registered = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private statusTimer: NodeJS.Timeout | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  private publishing: Promise<void> = Promise.resolve();
  /** Problem kinds already logged (garbage is logged once per kind, then counted). */
  private readonly reported = new Map<string, number>();
  state: SyncState = 'Starting';
  lastSyncedAt: Date | null = null;

  constructor(
    store: DataStore,
    private readonly bus: MessageBus,
    config: AppConfig,
    logger: Logger,
  ) {
    if (!(store instanceof EdgeReplicaStore) || config.edge === null) {
      throw new Error('the edge synchronizer needs the edge role (EDGE_UPSTREAM_URL, EDGE_RELAY_KEY)');
    }
    this.store = store;
    this.edge = config.edge;
    this.log = logger.child({ component: 'edge' });
    this.agentId = agentIdOf(this.edge.dataDir);
  }

  /** Loads the last saved replica: an edge restarted while the upstream is down serves it. */
  onModuleInit(): void {
    const text = readText(join(this.edge.dataDir, REPLICA_FILE));
    if (text === null) return;
    const parsed = parseBoundedJson(text);
    if (!parsed.ok || !this.store.replica.restore(parsed.value)) {
      this.log.warn('the saved replica cannot be read; waiting for the upstream', { file: REPLICA_FILE });
      return;
    }
    if (this.store.replica.envCount > 0) this.store.setLoaded();
    this.log.info('serving the saved replica until the upstream answers', {
      envs: this.store.replica.envCount,
      serves: this.store.replica.serves(),
    });
  }

  onApplicationBootstrap(): void {
    void this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.state = 'Stopped';
    for (const timer of [this.retryTimer, this.pingTimer, this.statusTimer]) if (timer) clearTimeout(timer);
    this.ws?.close(1001, 'edge shutting down');
    if (this.saveTimer !== null) {
      clearTimeout(this.saveTimer);
      this.save();
    }
    await this.saving;
  }

  get agent(): string {
    return this.agentId;
  }

  /** FeatBit's agent Status record, as its status JSON (camelCase). */
  statusJson(now = new Date()): string {
    return JSON.stringify({
      serves: this.store.replica.serves(),
      dataVersion: this.store.replica.cursors().timestamp,
      syncState: this.state,
      lastSyncedAt: this.lastSyncedAt?.toISOString() ?? null,
      reportedAt: now.toISOString(),
    });
  }

  private get httpBase(): string {
    return this.edge.upstreamUrl;
  }

  /** POST /api/public/agent/register; false when the key is refused (no point retrying fast). */
  private async register(): Promise<boolean> {
    if (this.registered) return true;
    try {
      const res = await fetch(`${this.httpBase}/api/public/agent/register`, {
        method: 'POST',
        headers: { authorization: this.edge.relayKey, 'content-type': 'application/json' },
        body: JSON.stringify(this.agentId),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      if (res.ok) {
        this.registered = true;
        this.log.info('registered with the upstream', { agentId: this.agentId });
        return true;
      }
      if (res.status === 401) return false;
      this.problem('register', 'agent registration refused; status reports are skipped', {
        status: res.status,
      });
    } catch (err) {
      this.problem('register-unreachable', 'agent registration failed; retrying', { error: errorText(err) });
    }
    return true;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    if (!(await this.register())) return this.refuse('the upstream does not know the relay key (401)');
    if (this.stopped) return;
    const url =
      `${this.httpBase.replace(/^http/, 'ws')}/streaming?type=relay-proxy` +
      `&token=${encodeURIComponent(this.edge.relayKey)}`;
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: MAX_FRAME_BYTES });
    this.ws = ws;
    let synced = false;
    ws.on('open', () => {
      const { timestamp, envs } = this.store.replica.cursors();
      ws.send(
        this.store.replica.envCount === 0 ? RP_FULL_SYNC_REQUEST : rpPatchSyncRequestJson(timestamp, envs),
      );
      this.pingTimer = setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send(PING);
      }, PING_INTERVAL_MS);
      this.pingTimer.unref();
    });
    ws.on('message', (data) => {
      try {
        if (this.handle(toText(data)) && !synced) {
          synced = true;
          this.attempts = 0;
          this.startStatusReports();
        }
      } catch (err) {
        this.problem('handler', 'handling an upstream message failed', { error: errorText(err) });
      }
    });
    ws.on('unexpected-response', (_req, res) => {
      // The upgrade was answered with HTTP: a refused key (401/403) or something that is not us.
      const status = res.statusCode ?? 0;
      res.resume();
      ws.terminate();
      if (status === 401 || status === 403) this.refused = true;
      else this.problem(`http-${status}`, 'the upstream answered the stream with HTTP', { status });
    });
    ws.on('error', (err) =>
      this.problem(`ws-${errorText(err)}`, 'upstream connection error', { error: errorText(err) }),
    );
    ws.on('close', (code, reason) => {
      if (this.pingTimer) clearInterval(this.pingTimer);
      if (this.statusTimer) clearTimeout(this.statusTimer);
      if (this.ws === ws) this.ws = null;
      if (this.stopped) return;
      this.state = 'Interrupted';
      if (code === CLOSE_INVALID_REQUEST || this.refused) {
        this.refused = false;
        this.registered = false;
        return this.refuse(
          `the upstream closed the stream with ${code} (${reason.toString() || 'invalid request'})`,
        );
      }
      this.retry(`closed with ${code}`);
    });
  }

  /** The key is refused: keep serving what is held, log once, retry every few minutes. */
  private refuse(why: string): void {
    this.state = 'Interrupted';
    this.problem(
      'refused',
      `${why}: the relay key is unknown or revoked; serving the flags held, retrying every 5 minutes`,
      {
        envs: this.store.replica.envCount,
      },
    );
    this.schedule(REFUSED_RETRY_MS);
  }

  private retry(why: string): void {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(this.attempts, 16));
    this.attempts++;
    // Full jitter over the upper half, so edges cut off together do not reconnect in lock-step.
    const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    // A long outage logs its first attempts and then every tenth, not one line per retry.
    const meta = { why, inMs: delay, attempt: this.attempts };
    if (this.attempts <= 3 || this.attempts % 10 === 0)
      this.log.info('upstream connection lost; reconnecting', meta);
    else this.log.debug('upstream connection lost; reconnecting', meta);
    this.schedule(delay);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => void this.connect(), ms);
    this.retryTimer.unref();
  }

  private startStatusReports(): void {
    const report = (): void => {
      const ws = this.ws;
      if (ws === null || ws.readyState !== WebSocket.OPEN || !this.registered) return;
      ws.send(
        JSON.stringify({
          messageType: 'rp-agent-status',
          data: { agentId: this.agentId, status: this.statusJson() },
        }),
      );
      this.statusTimer = setTimeout(report, STATUS_INTERVAL_MS);
      this.statusTimer.unref();
    };
    this.statusTimer = setTimeout(report, FIRST_STATUS_DELAY_MS);
    this.statusTimer.unref();
  }

  /** Applies one upstream message; true when it was a data-sync that was applied. */
  private handle(text: string): boolean {
    const parsed = parseBoundedJson(text);
    if (!parsed.ok) {
      this.problem(`garbage-${parsed.reason}`, 'ignored an upstream message that is not JSON', {
        bytes: text.length,
      });
      return false;
    }
    const message = parsed.value as { messageType?: unknown; data?: unknown } | null;
    const type = typeof message === 'object' && message !== null ? message.messageType : undefined;
    if (type === 'pong') return false;
    if (type !== 'data-sync') {
      this.problem(`type-${String(type).slice(0, 40)}`, 'ignored an upstream message of an unknown type', {
        messageType: String(type).slice(0, 40),
      });
      return false;
    }
    const data = parseRpSyncData(message?.data);
    if (data === null) {
      this.problem('data-sync', 'ignored a data-sync message of an unknown shape', {});
      return false;
    }
    const outcome =
      data.eventType === 'patch'
        ? this.store.replica.applyServerPatch(data.featureFlags, data.segments)
        : this.store.replica.applyRp(data.eventType, data.items);
    this.applied(data.eventType, outcome);
    return true;
  }

  private applied(eventType: string, outcome: ApplyOutcome): void {
    if (outcome.skipped > 0)
      this.problem(
        'skipped',
        'left out upstream items that are not flags or segments of a served environment',
        { skipped: outcome.skipped },
      );
    this.state = 'Stable';
    this.lastSyncedAt = new Date();
    this.store.setLoaded();
    if (eventType !== 'patch') {
      this.log.info('synchronised with the upstream', {
        eventType,
        envs: this.store.replica.envCount,
        changes: outcome.changes.length,
      });
    }
    for (const change of outcome.changes) this.publish(change);
    if (outcome.changes.length > 0 || eventType === 'rp_full') this.scheduleSave();
  }

  /** In order, after the replica holds the change (environments loaded later read it from there). */
  private publish(change: ReplicaChange): void {
    this.publishing = this.publishing.then(async () => {
      try {
        if (change.kind === 'flag') await this.bus.publish(TOPICS.flagChange, change.flag);
        else if (change.kind === 'segment')
          await this.bus.publish(TOPICS.segmentChange, { segment: change.segment, affectedFlagIds: [] });
        else await this.bus.publish(TOPICS.removal, change.removal);
      } catch (err) {
        this.log.warn('publishing an upstream change failed', { kind: change.kind, error: errorText(err) });
      }
    });
  }

  private scheduleSave(): void {
    if (this.saveTimer !== null) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save();
    }, SAVE_DEBOUNCE_MS);
  }

  private save(): void {
    const text = JSON.stringify(this.store.replica.snapshot());
    this.saving = this.saving
      .then(() => writeAtomically(join(this.edge.dataDir, REPLICA_FILE), text))
      .catch((err: unknown) => this.log.warn('saving the replica failed', { error: errorText(err) }));
  }

  /** Logs a problem the first time it happens; later ones are counted in the next line of its kind. */
  private problem(kind: string, message: string, meta: Record<string, unknown>): void {
    const count = (this.reported.get(kind) ?? 0) + 1;
    this.reported.set(kind, count);
    if (count === 1) this.log.warn(message, meta);
    else if (kind === 'refused') this.log.debug(message, { ...meta, times: count });
  }
}
