import type { ConnectionCount } from '../../core/ports/metrics.port';
import { poolUse } from './db-pool-metrics';
import { PrometheusMetrics } from './prometheus-metrics';

/** The value of one series in the text exposition, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('PrometheusMetrics', () => {
  it('exposes process defaults and the featbit series in the text format', async () => {
    const metrics = new PrometheusMetrics();
    const { contentType, body } = await metrics.exposition();
    expect(contentType).toContain('text/plain');
    expect(body).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(body).toContain('# TYPE featbit_fanout_duration_seconds histogram');
    expect(sample(body, 'featbit_sdk_connections{type="server"}')).toBe(0);
    expect(sample(body, 'featbit_sdk_connections{type="relay-proxy"}')).toBe(0);
  });

  it('counts pushes per connection and observes one fan-out per change', async () => {
    const metrics = new PrometheusMetrics();
    metrics.observeFanout('flag', 0.002, 3);
    metrics.observeFanout('segment', 0.0001, 0);
    const { body } = await metrics.exposition();
    expect(sample(body, 'featbit_pushes_total{kind="flag"}')).toBe(3);
    expect(sample(body, 'featbit_pushes_total{kind="segment"}')).toBeUndefined();
    expect(sample(body, 'featbit_fanout_duration_seconds_count')).toBe(2);
    expect(sample(body, 'featbit_fanout_duration_seconds_bucket{le="0.0025"}')).toBe(2);
    expect(sample(body, 'featbit_fanout_duration_seconds_bucket{le="0.001"}')).toBe(1);
  });

  it('counts full syncs and their bytes by type and encoding', async () => {
    const metrics = new PrometheusMetrics();
    metrics.fullSyncSent('server', true, 700);
    metrics.fullSyncSent('server', true, 700);
    metrics.fullSyncSent('client', false, 3000);
    const { body } = await metrics.exposition();
    expect(sample(body, 'featbit_full_syncs_total{type="server",encoding="deflate"}')).toBe(2);
    expect(sample(body, 'featbit_full_sync_bytes_total{type="server",encoding="deflate"}')).toBe(1400);
    expect(sample(body, 'featbit_full_syncs_total{type="client",encoding="plain"}')).toBe(1);
    expect(sample(body, 'featbit_full_syncs_total{type="server",encoding="plain"}')).toBeUndefined();
  });

  it('labels HTTP answers by method, route pattern and status class', async () => {
    const metrics = new PrometheusMetrics();
    metrics.observeHttp('GET', '/api/v1/envs/:envId/feature-flags', 200, 0.01);
    metrics.observeHttp('GET', '/api/v1/envs/:envId/feature-flags', 204, 0.01);
    metrics.observeHttp('POST', 'unmatched', 404, 0.001);
    const { body } = await metrics.exposition();
    expect(
      sample(
        body,
        'featbit_http_request_duration_seconds_count{method="GET",route="/api/v1/envs/:envId/feature-flags",status_class="2xx"}',
      ),
    ).toBe(2);
    expect(
      sample(
        body,
        'featbit_http_request_duration_seconds_count{method="POST",route="unmatched",status_class="4xx"}',
      ),
    ).toBe(1);
  });

  it('reads connections at scrape time and drops environments no longer reported', async () => {
    const metrics = new PrometheusMetrics();
    let counts: ConnectionCount[] = [
      { type: 'server', envId: 'e1', count: 2 },
      { type: 'client', envId: 'e1', count: 5 },
      { type: 'server', count: 2 },
      { type: 'client', count: 5 },
    ];
    metrics.addConnectionSource(() => counts);
    metrics.addConnectionSource(() => [{ type: 'relay-proxy', count: 1 }]);
    let { body } = await metrics.exposition();
    expect(sample(body, 'featbit_sdk_connections{type="server"}')).toBe(2);
    expect(sample(body, 'featbit_sdk_connections{type="client"}')).toBe(5);
    expect(sample(body, 'featbit_sdk_connections{type="relay-proxy"}')).toBe(1);
    expect(sample(body, 'featbit_sdk_connections_by_env{env_id="e1",type="client"}')).toBe(5);
    counts = [];
    ({ body } = await metrics.exposition());
    expect(body).not.toContain('env_id="e1"');
    expect(sample(body, 'featbit_sdk_connections{type="client"}')).toBe(0);
  });

  it('counts insights, queue lag and the database pool', async () => {
    const metrics = new PrometheusMetrics();
    metrics.insightsIngested(4);
    metrics.insightEventsWritten(3);
    metrics.observeQueueLag('featbit-feature-flag-change', 0.02);
    let { body } = await metrics.exposition();
    expect(sample(body, 'featbit_insights_ingested_total')).toBe(4);
    expect(sample(body, 'featbit_insight_events_written_total')).toBe(3);
    expect(sample(body, 'featbit_queue_lag_seconds_count{topic="featbit-feature-flag-change"}')).toBe(1);
    expect(body).not.toContain('featbit_db_pool_connections{');
    metrics.setDbPoolSource(() => ({ total: 4, idle: 3, waiting: 0 }));
    ({ body } = await metrics.exposition());
    expect(sample(body, 'featbit_db_pool_connections{state="total"}')).toBe(4);
    expect(sample(body, 'featbit_db_pool_connections{state="idle"}')).toBe(3);
    expect(sample(body, 'featbit_db_pool_connections{state="waiting"}')).toBe(0);
  });

  it('keeps one registry per instance (several apps in one process)', async () => {
    const a = new PrometheusMetrics();
    const b = new PrometheusMetrics();
    a.insightsIngested(1);
    expect(sample((await b.exposition()).body, 'featbit_insights_ingested_total')).toBe(0);
  });
});

describe('poolUse', () => {
  const connectionWith = (master: unknown, ready = true) =>
    ({
      dataSource: () => {
        if (!ready) throw new Error('not ready');
        return { driver: { master } };
      },
    }) as unknown as Parameters<typeof poolUse>[0];

  it("reads pg's pool counts", () => {
    expect(poolUse(connectionWith({ totalCount: 3, idleCount: 1, waitingCount: 2 }))).toEqual({
      total: 3,
      idle: 1,
      waiting: 2,
    });
  });

  it('reports nothing without a connection, before it is ready, or without a pg pool (PGlite)', () => {
    expect(poolUse(null)).toBeNull();
    expect(poolUse(connectionWith({ totalCount: 1, idleCount: 1, waitingCount: 0 }, false))).toBeNull();
    expect(poolUse(connectionWith({ query: () => undefined }))).toBeNull();
  });
});
