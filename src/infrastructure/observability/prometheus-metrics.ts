import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  type ChangeKind,
  type ConnectionCount,
  type ConnectionType,
  type DbPoolUse,
  Metrics,
} from '../../core/ports/metrics.port';

// The Prometheus adapter of the Metrics port (docs/observability.md lists every series). One
// registry per process (per app in tests), base units, bounded labels: environment ids only of
// environments held in memory, routes as matched patterns. Gauges of live state are read at
// scrape time, so the hot paths only update counters and histograms.

const CONNECTION_TYPES: readonly ConnectionType[] = ['server', 'client', 'relay-proxy'];

/** Fan-out loops take microseconds to tens of milliseconds (bench/els). */
const FANOUT_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const HTTP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LAG_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

@Injectable()
export class PrometheusMetrics extends Metrics {
  readonly registry = new Registry();
  private readonly connectionSources: (() => Iterable<ConnectionCount>)[] = [];
  private dbPool: () => DbPoolUse | null = () => null;
  private readonly pushes: Counter<'kind'>;
  private readonly fanout: Histogram;
  /** Children per (type, encoding), bound once: the full-sync path updates them without label lookups. */
  private readonly fullSyncs: Record<string, { count: Counter.Internal; bytes: Counter.Internal }> = {};
  private readonly http: Histogram<'method' | 'route' | 'status_class'>;
  private readonly queueLag: Histogram<'topic'>;
  private readonly ingested: Counter;
  private readonly written: Counter;

  constructor() {
    super();
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.pushes = new Counter({
      name: 'featbit_pushes_total',
      help: 'Change messages written to SDK connections, by change kind',
      labelNames: ['kind'],
      registers,
    });
    this.fanout = new Histogram({
      name: 'featbit_fanout_duration_seconds',
      help: 'Duration of the loop pushing one change to the connections of one environment',
      buckets: FANOUT_BUCKETS,
      registers,
    });
    this.registerFullSyncCounters(registers);
    this.http = new Histogram({
      name: 'featbit_http_request_duration_seconds',
      help: 'HTTP request duration by method, matched route pattern and status class',
      labelNames: ['method', 'route', 'status_class'],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.queueLag = new Histogram({
      name: 'featbit_queue_lag_seconds',
      help: 'Time from a change message being committed to its publication on the bus, by topic',
      labelNames: ['topic'],
      buckets: LAG_BUCKETS,
      registers,
    });
    this.ingested = new Counter({
      name: 'featbit_insights_ingested_total',
      help: 'Insight events accepted by the evaluation intake',
      registers,
    });
    this.written = new Counter({
      name: 'featbit_insight_events_written_total',
      help: 'Insight events written to the analytics store',
      registers,
    });
    this.registerScrapeGauges(registers);
  }

  observeFanout(kind: ChangeKind, seconds: number, connections: number): void {
    this.fanout.observe(seconds);
    if (connections > 0) this.pushes.inc({ kind }, connections);
  }

  fullSyncSent(type: 'server' | 'client', compressed: boolean, bytes: number): void {
    const child = this.fullSyncs[`${type}:${compressed ? 'deflate' : 'plain'}`];
    child.count.inc();
    child.bytes.inc(bytes);
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.http.observe({ method, route, status_class: statusClass(status) }, seconds);
  }

  observeQueueLag(topic: string, seconds: number): void {
    this.queueLag.observe({ topic }, Math.max(0, seconds));
  }

  insightsIngested(count: number): void {
    if (count > 0) this.ingested.inc(count);
  }

  insightEventsWritten(count: number): void {
    if (count > 0) this.written.inc(count);
  }

  addConnectionSource(source: () => Iterable<ConnectionCount>): void {
    this.connectionSources.push(source);
  }

  setDbPoolSource(source: () => DbPoolUse | null): void {
    this.dbPool = source;
  }

  /** The text exposition of every series. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private registerFullSyncCounters(registers: Registry[]): void {
    const labelNames = ['type', 'encoding'] as const;
    const count = new Counter({
      name: 'featbit_full_syncs_total',
      help: 'Full data-syncs written to SDK streaming connections, by type and encoding (deflate: permessage-deflate)',
      labelNames,
      registers,
    });
    const bytes = new Counter({
      name: 'featbit_full_sync_bytes_total',
      help: 'Message bytes of the full data-syncs written to SDK streaming connections, by type and encoding',
      labelNames,
      registers,
    });
    for (const type of ['server', 'client'])
      for (const encoding of ['plain', 'deflate']) {
        const labels = { type, encoding };
        this.fullSyncs[`${type}:${encoding}`] = { count: count.labels(labels), bytes: bytes.labels(labels) };
      }
  }

  private registerScrapeGauges(registers: Registry[]): void {
    const sources = this.connectionSources;
    const pool = () => this.dbPool();
    new Gauge({
      name: 'featbit_sdk_connections',
      help: 'Open SDK streaming connections by type',
      labelNames: ['type'],
      registers,
      collect() {
        const totals = new Map<ConnectionType, number>(CONNECTION_TYPES.map((t) => [t, 0]));
        for (const source of sources) {
          for (const c of source())
            if (c.envId === undefined) totals.set(c.type, (totals.get(c.type) ?? 0) + c.count);
        }
        for (const [type, count] of totals) this.set({ type }, count);
      },
    });
    new Gauge({
      name: 'featbit_sdk_connections_by_env',
      help: 'Open SDK streaming connections by environment held in memory and type',
      labelNames: ['env_id', 'type'],
      registers,
      collect() {
        // Rebuilt at each scrape: environments dropped from memory lose their series.
        this.reset();
        for (const source of sources) {
          for (const c of source())
            if (c.envId !== undefined) this.set({ env_id: c.envId, type: c.type }, c.count);
        }
      },
    });
    new Gauge({
      name: 'featbit_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting requests)',
      labelNames: ['state'],
      registers,
      collect() {
        this.reset();
        const use = pool();
        if (use === null) return;
        this.set({ state: 'total' }, use.total);
        this.set({ state: 'idle' }, use.idle);
        this.set({ state: 'waiting' }, use.waiting);
      },
    });
  }
}
