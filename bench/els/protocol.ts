import type { HistogramData } from './histogram';

// Jobs the coordinator gives to load-generator workers, and what they answer (over the IPC channel
// of child_process). Workers are separate processes pinned to the load-generator core.

export interface Endpoint {
  host: string;
  port: number;
}

/** Where connections go: evaluation processes round-robin, from rotating source addresses. */
export interface ConnectPlan {
  endpoints: Endpoint[];
  /** 127.0.0.2 … : each gives its own ~28k ephemeral ports. */
  localAddresses: string[];
}

/** New server-SDK connections at a fixed rate, each: connect, full data-sync, close. */
export interface StormJob {
  kind: 'storm';
  plan: ConnectPlan;
  secret: string;
  ratePerSec: number;
  durationMs: number;
  timeoutMs: number;
  /** Byte length every full sync must have (null: only the prefix is checked). */
  fullLength: number | null;
}

/** Users of client connections: keyId `<prefix><index>` with attributes drawn from the lists. */
export interface UserPlan {
  prefix: string;
  countries: string[];
  plans: string[];
}

/** Long-lived connections: ramp up, first data-sync, ping, and record pushes when armed. */
export interface FleetJob {
  kind: 'fleet';
  plan: ConnectPlan;
  type: 'server' | 'client';
  secret: string;
  count: number;
  /** Index of this worker's first connection among all workers (users are unique across workers). */
  firstIndex: number;
  ratePerSec: number;
  /** 0: no pings. */
  pingIntervalMs: number;
  /** Messages longer than this are counted, not buffered. */
  keepLimit: number;
  users: UserPlan | null;
  fullLength: number | null;
  timeoutMs: number;
  /** Busy-poll while a measured round's pushes arrive (see FleetRun.spin). */
  spin: boolean;
}

export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * Every occurrence of this text in the body is replaced, per request, by a user id of the same
   * length never sent before (issue 22: a new user on every request). Must be FRESH_ID_LENGTH long.
   */
  freshMarker?: string;
}

/** Length of the per-request user ids (and of their marker in a request body). */
export const FRESH_ID_LENGTH = 16;

/** Closed-loop HTTP load: each connection sends the next request when the answer arrived. */
export interface HttpJob {
  kind: 'http';
  plan: ConnectPlan;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Rotated across requests (e.g. one per user). */
  requests: HttpRequestSpec[];
  expectStatus: number;
}

export type Job = StormJob | FleetJob | HttpJob;

/** A client-SDK push must serve, per user country, this variation value (others: `otherwise`). */
export interface ClientExpectation {
  flagKey: string;
  byCountry: Record<string, string>;
  otherwise: string;
}

export type Command =
  | { cmd: 'start'; job: Job }
  /** Record the arrival of the next pushed data-sync on every connection; it must contain `match`. */
  | { cmd: 'arm'; round: number; match: string; expect: ClientExpectation | null }
  /** Report the armed round (whatever has arrived). */
  | { cmd: 'collect'; round: number }
  | { cmd: 'snapshot' }
  | { cmd: 'stop' };

export interface FleetSnapshot {
  opened: number;
  synced: number;
  open: number;
  /** Connections that ended without being asked to (after their open). */
  drops: number;
  failedConnects: number;
  /** Close codes and errors seen, with counts. */
  problems: Record<string, number>;
  pingsSent: number;
  pongs: number;
  /** Pings not answered before the next ping of the same connection. */
  missedPongs: number;
  syncLatency: HistogramData;
  pongLatency: HistogramData;
  syncedBytes: number;
  /** When the last connection finished its first sync (µs, monotonic), 0 if not all did. */
  allSyncedAt: number;
  /** When the ramp started (µs, monotonic). */
  startedAt: number;
}

export interface RoundReport {
  round: number;
  /** Arrival times (µs, monotonic clock) of the pushed message, one per armed connection. */
  arrivals: number[];
  missing: number;
  /** Pushed messages that did not contain the expected flag. */
  unexpected: number;
  /** Client pushes whose variation differs from the expectation. */
  wrongValue: number;
}

export interface StormReport {
  started: number;
  synced: number;
  closedClean: number;
  problems: Record<string, number>;
  latency: HistogramData;
  handshake: HistogramData;
  /** Largest delay of a scheduled connection start (ms): above a few ms the generator saturates. */
  maxStartLagMs: number;
  windowMs: number;
}

export interface HttpReport {
  requests: number;
  byStatus: Record<string, number>;
  errors: Record<string, number>;
  latency: HistogramData;
  windowMs: number;
  bytes: number;
}

export type WorkerMessage =
  | { type: 'started' }
  /** Every fleet connection has finished its first sync (or failed). */
  | { type: 'ready' }
  | { type: 'progress'; snapshot: FleetSnapshot }
  | { type: 'snapshot'; snapshot: FleetSnapshot }
  | { type: 'armed'; round: number; connections: number }
  /** Sent when every armed connection got its push, or when collected. */
  | { type: 'round'; report: RoundReport }
  | { type: 'storm'; report: StormReport }
  | { type: 'http'; report: HttpReport }
  | { type: 'stopped'; snapshot: FleetSnapshot | null }
  | { type: 'error'; message: string };
