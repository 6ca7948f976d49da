import type { ClickHouseClient } from '@clickhouse/client';
import { bucketBoundaries } from '../../../src/core/analytics/insight-interval';
import type {
  ClickHouseAnalyticsOptions,
  ClickHouseAnalyticsStore,
} from '../../../src/infrastructure/analytics/clickhouse/clickhouse-analytics.store';
import { createClickHouseAnalyticsStore } from '../../../src/infrastructure/analytics/clickhouse/clickhouse-analytics.store';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import { eventsTableDdl } from '../../../src/infrastructure/analytics/clickhouse/clickhouse-sql';
import { generateEvents } from './analytics-query.contract';
import {
  normalizeExperimentSamples,
  normalizeInsights,
  referenceExperimentSamples,
  referenceInsights,
} from './analytics-reference';
import { EXPERIMENT_FLAG, EXPERIMENT_METRIC, generateExperimentEvents } from './experiment-events';

// Start-up work of the ClickHouse store that the query contract does not see: a table of the
// earlier layout (before the per-flag ordering and extracted columns) is migrated with its rows,
// the experiment columns are added to a table from before them, and ANALYTICS_RETENTION_DAYS sets a TTL that turning retention off removes again.

export interface LifecycleHarness {
  /** Store options for the engine under test (url, user, password, connection). */
  options: (database: string) => Omit<ClickHouseAnalyticsOptions, 'database'> & { database: string };
  client: () => ClickHouseClient;
}

/** Waits until the store has created its schema (and finished any upgrade). */
export async function ready(store: ClickHouseAnalyticsStore): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await store.health()).ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`ClickHouse store not ready: ${(await store.health()).detail}`);
}

const LEGACY_TABLE = (db: string): string => `CREATE TABLE ${db}.events (
    uuid String, distinct_id String, env_id String, event String, properties String, timestamp UInt64,
    ts DateTime MATERIALIZED toDateTime(intDiv(timestamp, 1000000))
  ) ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(ts) ORDER BY (env_id, ts, uuid)`;

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function insertSql(database: string, events: readonly InsightEvent[]): string {
  const values = events
    .map(
      (e) =>
        `(${[e.uuid, e.distinctId, e.envId, e.event, e.properties].map(quote).join(',')},${e.timestamp})`,
    )
    .join(',');
  return `INSERT INTO ${database}.events (uuid, distinct_id, env_id, event, properties, timestamp) VALUES ${values}`;
}

async function columnsOf(client: ClickHouseClient, database: string): Promise<string[]> {
  const rows = await (
    await client.query({
      query: `SELECT name FROM system.columns WHERE database = ${quote(database)} AND table = 'events'`,
      format: 'JSONEachRow',
    })
  ).json<{ name: string }>();
  return rows.map((r) => r.name);
}

/** `hasTtl`: whether the engine has TTL (18.16 has none; retention drops whole months there). */
export function describeClickHouseLifecycle(
  name: string,
  hasTtl: boolean,
  open: () => LifecycleHarness,
): void {
  // Skipped only on engines without TTL (18.16): its retention test is the month-partition one.
  const itTtl = hasTtl ? it : it.skip;
  describe(`ClickHouse store start-up: ${name}`, () => {
    it('migrates a table of the earlier layout once, keeping every row readable', async () => {
      const h = open();
      const database = `fbts_legacy_${process.pid}_${Date.now()}`;
      const client = h.client();
      const events = generateEvents('env-legacy', 'env-legacy-other', 5).slice(0, 400);
      try {
        await client.command({ query: `CREATE DATABASE ${database}` });
        await client.command({ query: LEGACY_TABLE(database) });
        await client.command({ query: insertSql(database, events) });
        const store = createClickHouseAnalyticsStore(h.options(database));
        try {
          await ready(store);
          const fromMs = Date.UTC(2026, 2, 6);
          const toMs = fromMs + 4 * 24 * 3600_000;
          const q = {
            envId: 'env-legacy',
            flagKey: 'checkout',
            boundariesUs: bucketBoundaries('DAY', fromMs, toMs, 'UTC').map((ms) => ms * 1000),
            fromUs: fromMs * 1000,
            toUs: toMs * 1000,
          };
          expect(normalizeInsights(await store.flagInsights(q))).toEqual(
            normalizeInsights(referenceInsights(events, q)),
          );
          const expected = events.filter((e) => e.envId === 'env-legacy').length;
          expect(await store.countEvents('env-legacy')).toBe(expected);
        } finally {
          await store.close();
        }
        // A second start finds the migrated table and changes nothing.
        const again = createClickHouseAnalyticsStore(h.options(database));
        try {
          await ready(again);
          expect(await again.countEvents('env-legacy')).toBe(
            events.filter((e) => e.envId === 'env-legacy').length,
          );
        } finally {
          await again.close();
        }
      } finally {
        await client.command({ query: `DROP DATABASE IF EXISTS ${database}` });
        await client.close();
      }
    }, 120_000);

    it('adds the experiment columns to a table from before them; earlier rows read through their defaults', async () => {
      const h = open();
      const database = `fbts_expcols_${process.pid}_${Date.now()}`;
      const client = h.client();
      const t0 = Date.UTC(2026, 2, 6) * 1000;
      const span = 4 * 24 * 3600_000_000;
      const events = generateExperimentEvents('env-x', 'env-x-other', t0, span);
      try {
        await client.command({ query: `CREATE DATABASE ${database}` });
        // The table as the release before the columns made it: today's layout without them.
        await client.command({
          query: eventsTableDdl(`${database}.events`, 0, { ttl: false }).replace(
            /,\s*experiment UInt8 DEFAULT[\s\S]*$/,
            `) ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(ts) ORDER BY (env_id, flag_key, ts, uuid)`,
          ),
        });
        const before = await columnsOf(client, database);
        expect(before).not.toContain('experiment');
        expect(before).not.toContain('metric_value');
        await client.command({ query: insertSql(database, events) });
        const store = createClickHouseAnalyticsStore(h.options(database));
        try {
          await ready(store);
          expect(await columnsOf(client, database)).toEqual(
            expect.arrayContaining(['experiment', 'metric_value', 'inserted']),
          );
          // Rows from before the insert-time column are "inserted before any snapshot" once the
          // store is ready (else each read would see them as new and recount every user).
          const [fresh] = await (
            await client.query({
              query: `SELECT count() AS n FROM ${database}.events WHERE inserted != toDateTime(0)`,
              format: 'JSONEachRow',
            })
          ).json<{ n: number | string }>();
          expect(Number(fresh?.n)).toBe(0);
          const q = {
            envId: 'env-x',
            flagKey: EXPERIMENT_FLAG,
            metricEvent: 'CustomEvent',
            metricEventName: EXPERIMENT_METRIC,
            fromUs: t0,
            toUs: t0 + span,
          };
          const expected = normalizeExperimentSamples(referenceExperimentSamples(events, q));
          expect(expected.some((v) => v.converted > 0 && v.sum !== v.converted)).toBe(true);
          expect(normalizeExperimentSamples(await store.experimentSamples(q))).toEqual(expected);
        } finally {
          await store.close();
        }
      } finally {
        await client.command({ query: `DROP DATABASE IF EXISTS ${database}` });
        await client.close();
      }
    }, 120_000);

    itTtl(
      `sets the retention TTL, and removes it when retention is turned off${hasTtl ? '' : ' (skipped: this engine has no TTL)'}`,
      async () => {
        const h = open();
        const database = `fbts_ttl_${process.pid}_${Date.now()}`;
        const client = h.client();
        const createQuery = async (): Promise<string> => {
          const rows = await (
            await client.query({
              query: `SELECT create_table_query AS q FROM system.tables WHERE database = ${quote(database)} AND name = 'events'`,
              format: 'JSONEachRow',
            })
          ).json<{ q: string }>();
          return rows[0]?.q ?? '';
        };
        try {
          for (const [days, expectTtl] of [
            [30, true],
            [0, false],
          ] as const) {
            const store = createClickHouseAnalyticsStore({ ...h.options(database), retentionDays: days });
            try {
              await ready(store);
              expect(/\bTTL\b/.test(await createQuery())).toBe(expectTtl);
              expect(await store.purgeBefore(Date.now() * 1000)).toEqual({ deleted: 0 });
            } finally {
              await store.close();
            }
          }
        } finally {
          await client.command({ query: `DROP DATABASE IF EXISTS ${database}` });
          await client.close();
        }
      },
      120_000,
    );
  });
}
