// What an operator watches (docs/observability.md): role code reports through these narrow methods
// and never imports the metrics library; the adapter (src/infrastructure/observability/) names,
// labels and exposes them. Every method is cheap enough for a hot path (a counter or histogram update).

export type ConnectionType = 'server' | 'client' | 'relay-proxy';

/**
 * Live connections of one kind, read at scrape time: with envId for the per-environment series,
 * without it for the process total (a relay proxy is one connection serving several environments).
 */
export interface ConnectionCount {
  type: ConnectionType;
  envId?: string;
  count: number;
}

/** A PostgreSQL pool's use (pg's Pool totalCount, idleCount, waitingCount). */
export interface DbPoolUse {
  total: number;
  idle: number;
  waiting: number;
}

export type ChangeKind = 'flag' | 'segment';

export abstract class Metrics {
  /** One change fanned out to an environment's connections: loop duration and connections written to. */
  abstract observeFanout(kind: ChangeKind, seconds: number, connections: number): void;
  /**
   * One full data-sync written to a streaming connection: compressed (permessage-deflate) or plain,
   * and its message bytes as sent.
   */
  abstract fullSyncSent(type: 'server' | 'client', compressed: boolean, bytes: number): void;
  /** One HTTP answer; `route` is the matched route pattern (never a raw URL). */
  abstract observeHttp(method: string, route: string, status: number, seconds: number): void;
  /** Time a message waited between being produced and being handed on (per topic). */
  abstract observeQueueLag(topic: string, seconds: number): void;
  /** Insight events accepted by the evaluation role's intake. */
  abstract insightsIngested(count: number): void;
  /** Insight events written to the analytics store by the analytics role. */
  abstract insightEventsWritten(count: number): void;
  /** Adds a source of live connection counts, read at every scrape. */
  abstract addConnectionSource(source: () => Iterable<ConnectionCount>): void;
  /** Sets the database pool reader, read at every scrape (null: no pool to report). */
  abstract setDbPoolSource(source: () => DbPoolUse | null): void;
}

/** Records nothing: for code built outside the Nest container (unit tests, tools). */
export class NoopMetrics extends Metrics {
  observeFanout(): void {}
  fullSyncSent(): void {}
  observeHttp(): void {}
  observeQueueLag(): void {}
  insightsIngested(): void {}
  insightEventsWritten(): void {}
  addConnectionSource(): void {}
  setDbPoolSource(): void {}
}
