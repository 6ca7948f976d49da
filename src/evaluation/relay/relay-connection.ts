import { WebSocket } from 'ws';
import type { EnvConnection, EnvironmentState } from '../environments/environment-state';
import type { RelayScope } from './relay-scope';

// One relay-proxy (agent) WebSocket. As in FeatBit, it is mapped to one server connection per
// environment in scope: each mapped connection sits in its environment's `servers`, so the
// ordinary server patches of src/evaluation/environments/change-fanout.ts reach the agent
// unchanged (every flag and segment names its envId).

const TEXT_FRAME = { binary: false } as const;

export class RelayConnection {
  /** Environment id → the connection mapped into that environment. */
  mapped = new Map<string, MappedServerConnection>();
  lastSeen: number;
  messages = 0;
  closing = false;
  /** Set by the first data-sync reply; pushes wait for it (see EnvConnection.synced). */
  synced = false;
  /** Time of the last stored status per agent id (writes are spaced out; a few ids at most). */
  readonly statusWrites = new Map<string, number>();
  /** A re-check is running (at most one at a time per connection). */
  rechecking = false;

  constructor(
    readonly ws: WebSocket,
    public scope: RelayScope,
    private readonly maxBufferedBytes: number,
    now: number,
  ) {
    this.lastSeen = now;
  }

  get proxyId(): string {
    return this.scope.proxyId;
  }

  send(payload: Buffer | string): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(payload, TEXT_FRAME);
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.closing = true;
      this.ws.terminate();
    }
  }

  /** Maps the connection into `states` (the scope's environments), leaving the others. */
  bind(states: readonly EnvironmentState[], onEnvironmentGone: (envId: string) => void): void {
    const next = new Map<string, MappedServerConnection>();
    for (const state of states) {
      const existing = this.mapped.get(state.envId);
      if (existing !== undefined && existing.state === state) {
        next.set(state.envId, existing);
        continue;
      }
      existing?.detach();
      const conn = new MappedServerConnection(this, state, onEnvironmentGone);
      state.servers.add(conn);
      next.set(state.envId, conn);
    }
    for (const [envId, conn] of this.mapped) if (!next.has(envId)) conn.detach();
    this.mapped = next;
  }

  /** Marks every mapped connection synced (called right after an rp_full / rp_patch was sent). */
  markSynced(): void {
    this.synced = true;
    for (const conn of this.mapped.values()) conn.synced = true;
  }

  unbind(): void {
    for (const conn of this.mapped.values()) conn.detach();
    this.mapped.clear();
  }

  close(code: number, reason: string): void {
    this.closing = true;
    this.unbind();
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason);
    }
  }
}

/** The relay connection as one environment's server connection. */
export class MappedServerConnection implements EnvConnection {
  readonly kind = 'server' as const;
  readonly user = null;
  readonly userKeyJson = '""';
  synced = false;

  constructor(
    private readonly relay: RelayConnection,
    readonly state: EnvironmentState,
    private readonly onEnvironmentGone: (envId: string) => void,
  ) {}

  send(payload: Buffer | string): void {
    this.relay.send(payload);
  }

  sendFrame(): void {
    // Only client pushes are pre-framed; a server connection never receives one.
  }

  clientPatchHead(): Buffer {
    return Buffer.alloc(0);
  }

  /** The environment was deleted: the agent gets a fresh rp_full without it, not a close. */
  close(): void {
    this.detach();
    this.onEnvironmentGone(this.state.envId);
  }

  detach(): void {
    this.state.servers.delete(this);
  }
}
