import { Histogram, nowUs } from './histogram';
import type { ClientExpectation, FleetJob, FleetSnapshot, RoundReport } from './protocol';
import { FULL_PREFIX, startsWith } from './storm-job';
import { streamingToken } from './token';
import { textFrame, type WsHandler, WsConnection, type WsTarget } from './ws-client';

// A fleet of long-lived SDK connections: ramped up at a fixed rate, each does its first data-sync
// (server: timestamp 0; client: with its own user), then pings on its own phase like an SDK. When
// the coordinator arms a round, the arrival time of the next pushed data-sync on every connection
// is recorded (the coordinator subtracts the time of its management-API call).

const CLIENT_FULL_PREFIX = Buffer.from('{"messageType":"data-sync","data":{"eventType":"full","userKeyId":');
const PONG = Buffer.from('{"messageType":"pong","data":{}}');
const PING = textFrame('{"messageType":"ping","data":null}');
const SERVER_SYNC = textFrame('{"messageType":"data-sync","data":{"timestamp":0}}');
const TICK_MS = 10;
const PING_TICK_MS = 100;
const MAX_STARTS_PER_TICK = 300;

class FleetConnection extends WsConnection {
  index = 0;
  wasOpened = false;
  startedAt = 0;
  synced = false;
  slot = 0;
  pingAt = 0;
  country = '';
  keyId = '';
  arrival = 0;
  pushed: Buffer | null = null;
}

export class FleetRun {
  private readonly conns: FleetConnection[] = [];
  private readonly slots: FleetConnection[][];
  private readonly syncLatency = new Histogram();
  private readonly pongLatency = new Histogram();
  private readonly problems: Record<string, number> = {};
  private readonly targets: WsTarget[] = [];
  private started = 0;
  private opened = 0;
  private synced = 0;
  private open = 0;
  private drops = 0;
  private failedConnects = 0;
  private pingsSent = 0;
  private pongs = 0;
  private missedPongs = 0;
  private syncedBytes = 0;
  private allSyncedAt = 0;
  private startedAt = 0;
  private stopping = false;
  private round = -1;
  private match: Buffer = Buffer.alloc(0);
  private expect: ClientExpectation | null = null;
  private unexpected = 0;
  private armed = 0;
  private arrived = 0;
  /** Called once per round when every armed connection got its push. */
  onRoundComplete: ((round: number) => void) | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly handler: WsHandler<FleetConnection>;

  constructor(private readonly job: FleetJob) {
    for (const address of job.plan.localAddresses) {
      for (const ep of job.plan.endpoints) this.targets.push({ ...ep, localAddress: address });
    }
    const slotCount = job.pingIntervalMs > 0 ? Math.max(1, Math.round(job.pingIntervalMs / PING_TICK_MS)) : 1;
    this.slots = Array.from({ length: slotCount }, () => []);
    this.handler = {
      onOpen: (c) => this.onOpen(c),
      onMessage: (c, p, l, k) => this.onMessage(c, p, l, k),
      onClose: (c, code, error) => this.onClose(c, code, error),
    };
  }

  start(onAllSynced: () => void): void {
    this.startedAt = nowUs();
    const t0 = performance.now();
    const pacer = setInterval(() => {
      const due = Math.min(
        this.job.count,
        Math.floor(((performance.now() - t0) / 1000) * this.job.ratePerSec),
      );
      for (let n = 0; this.started < due && n < MAX_STARTS_PER_TICK; n++) this.connect();
      if (this.started >= this.job.count) clearInterval(pacer);
    }, TICK_MS);
    this.timers.push(pacer);
    const watcher = setInterval(() => {
      const limit = nowUs() - this.job.timeoutMs * 1000;
      for (const conn of this.conns) {
        if (!conn.synced && conn.startedAt < limit && !conn.socket.destroyed) {
          this.problem('no full sync within the timeout');
          conn.destroy();
        }
      }
      if (
        this.started >= this.job.count &&
        this.synced + this.failedConnects + this.drops >= this.job.count
      ) {
        clearInterval(watcher);
        onAllSynced();
      }
    }, 250);
    this.timers.push(watcher);
    if (this.job.pingIntervalMs > 0) {
      let tick = 0;
      this.timers.push(setInterval(() => this.pingSlot(tick++ % this.slots.length), PING_TICK_MS));
    }
  }

  /** Arms a round; returns how many connections are expected to receive the push. */
  arm(round: number, match: string, expect: ClientExpectation | null): number {
    this.round = round;
    this.match = Buffer.from(match);
    this.expect = expect;
    this.unexpected = 0;
    this.armed = 0;
    this.arrived = 0;
    for (const conn of this.conns) {
      conn.arrival = 0;
      conn.pushed = null;
      if (conn.synced && conn.isOpen) this.armed++;
    }
    return this.armed;
  }

  collect(round: number): RoundReport {
    const arrivals: number[] = [];
    let missing = 0;
    let wrongValue = 0;
    for (const conn of this.conns) {
      if (!conn.synced || !conn.isOpen) continue;
      if (conn.arrival === 0) {
        missing++;
        continue;
      }
      arrivals.push(conn.arrival);
      if (this.expect !== null && conn.pushed !== null && !this.servesExpected(conn, this.expect))
        wrongValue++;
      conn.pushed = null;
    }
    this.round = -1;
    return { round, arrivals, missing, unexpected: this.unexpected, wrongValue };
  }

  snapshot(): FleetSnapshot {
    return {
      opened: this.opened,
      synced: this.synced,
      open: this.open,
      drops: this.drops,
      failedConnects: this.failedConnects,
      problems: { ...this.problems },
      pingsSent: this.pingsSent,
      pongs: this.pongs,
      missedPongs: this.missedPongs,
      syncLatency: this.syncLatency.toJSON(),
      pongLatency: this.pongLatency.toJSON(),
      syncedBytes: this.syncedBytes,
      allSyncedAt: this.allSyncedAt,
      startedAt: this.startedAt,
    };
  }

  /** Closes every connection with the closing handshake; resolves when all are gone. */
  async stop(): Promise<FleetSnapshot> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    const snapshot = this.snapshot();
    for (const conn of this.conns) conn.close(1000);
    const deadline = Date.now() + 15_000;
    while (this.open > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    for (const conn of this.conns) conn.destroy();
    return snapshot;
  }

  private connect(): void {
    const index = this.job.firstIndex + this.started;
    const target = this.targets[this.started % this.targets.length];
    this.started++;
    const path = `/streaming?type=${this.job.type}&token=${streamingToken(this.job.secret)}`;
    const conn = new FleetConnection(target, path, this.handler, this.job.keepLimit);
    conn.index = index;
    conn.startedAt = nowUs();
    conn.slot = Math.floor(Math.random() * this.slots.length);
    this.conns.push(conn);
  }

  private onOpen(conn: FleetConnection): void {
    conn.wasOpened = true;
    this.opened++;
    this.open++;
    if (this.job.type === 'server') {
      conn.sendFrame(SERVER_SYNC);
      return;
    }
    const users = this.job.users!;
    conn.keyId = `${users.prefix}${conn.index}`;
    conn.country = users.countries[conn.index % users.countries.length];
    const plan = users.plans[Math.floor(conn.index / users.countries.length) % users.plans.length];
    const user = {
      keyId: conn.keyId,
      name: `user ${conn.index}`,
      customizedProperties: [
        { name: 'country', value: conn.country },
        { name: 'plan', value: plan },
        { name: 'age', value: String(18 + (conn.index % 60)) },
      ],
    };
    conn.sendText(JSON.stringify({ messageType: 'data-sync', data: { timestamp: 0, user } }));
  }

  private onMessage(conn: FleetConnection, payload: Buffer, length: number, kept: boolean): void {
    if (!conn.synced) {
      const prefix = this.job.type === 'server' ? FULL_PREFIX : CLIENT_FULL_PREFIX;
      if (!startsWith(payload, prefix)) return this.problem('first message is not a full data-sync');
      if (this.job.fullLength !== null && length !== this.job.fullLength) {
        this.problem(`full sync of ${length} bytes instead of ${this.job.fullLength}`);
      }
      conn.synced = true;
      this.synced++;
      this.syncedBytes += length;
      this.syncLatency.record(nowUs() - conn.startedAt);
      this.slots[conn.slot].push(conn);
      if (this.synced === this.job.count) this.allSyncedAt = nowUs();
      return;
    }
    if (length === PONG.length && payload.equals(PONG)) {
      if (conn.pingAt > 0) {
        this.pongLatency.record(nowUs() - conn.pingAt);
        conn.pingAt = 0;
      }
      this.pongs++;
      return;
    }
    if (this.round < 0 || conn.arrival !== 0) return this.problem('push outside a measured round');
    conn.arrival = nowUs();
    if (this.arrived === 0 && this.job.spin) this.spin(conn.arrival + 5_000_000);
    if (!kept || payload.indexOf(this.match) < 0) this.unexpected++;
    else if (this.expect !== null) conn.pushed = Buffer.from(payload);
    if (++this.arrived === this.armed) this.onRoundComplete?.(this.round);
  }

  private onClose(conn: FleetConnection, code: number, error: string | null): void {
    if (conn.wasOpened) this.open--;
    if (this.stopping) return;
    if (!conn.wasOpened) {
      this.failedConnects++;
      this.problem(error ?? `refused (${code})`);
      return;
    }
    this.drops++;
    this.problem(`dropped: ${error ?? `close ${code}`}`);
  }

  /**
   * Keeps the event loop polling (never asleep in epoll_wait) until the round's pushes are in: on
   * loopback, waking a sleeping receiver costs the sender an inter-processor interrupt per message,
   * a cost that clients on other machines would never put on the server.
   */
  private spin(until: number): void {
    const round = this.round;
    const again = (): void => {
      if (this.round === round && this.arrived < this.armed && nowUs() < until) setImmediate(again);
    };
    setImmediate(again);
  }

  private pingSlot(slot: number): void {
    const list = this.slots[slot];
    const now = nowUs();
    let w = 0;
    for (let i = 0; i < list.length; i++) {
      const conn = list[i];
      if (!conn.isOpen) continue;
      list[w++] = conn;
      if (conn.pingAt !== 0) this.missedPongs++;
      conn.pingAt = now;
      conn.sendFrame(PING);
      this.pingsSent++;
    }
    list.length = w;
  }

  private servesExpected(conn: FleetConnection, expect: ClientExpectation): boolean {
    try {
      const msg = JSON.parse(conn.pushed!.toString('utf8')) as {
        data: { userKeyId: string; featureFlags: { id: string; variation: string | null }[] };
      };
      if (msg.data.userKeyId !== conn.keyId) return false;
      const item = msg.data.featureFlags.find((f) => f.id === expect.flagKey);
      return item !== undefined && item.variation === (expect.byCountry[conn.country] ?? expect.otherwise);
    } catch {
      return false;
    }
  }

  private problem(what: string): void {
    this.problems[what] = (this.problems[what] ?? 0) + 1;
  }
}
