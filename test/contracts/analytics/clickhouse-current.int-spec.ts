import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import {
  type ClickHouseAnalyticsStore,
  createClickHouseAnalyticsStore,
} from '../../../src/infrastructure/analytics/clickhouse/clickhouse-analytics.store';
import { describeAnalyticsQueryContract } from './analytics-query.contract';
import { describeAnalyticsStoreContract } from './analytics-store.contract';
import { describeClickHouseExperimentWindows } from './clickhouse-experiment-windows';
import { describeClickHouseLifecycle, type LifecycleHarness } from './clickhouse-lifecycle';

// The same contract as clickhouse.int-spec.ts, on a current ClickHouse engine: chdb (ClickHouse
// in-process) injected as the client's connection, so the store's DDL, inserts and queries run
// unchanged. .ci/chdb.sh installs chdb outside the repository (its library is ~570 MB) and
// exports its path; without that variable there is no engine to run on.
const chdbModule = process.env.TEST_CHDB_MODULE;
const CURRENT_MAJOR = 24; // the oldest ClickHouse users of the pro profile run

type Connection = NonNullable<ClickHouseClientConfigOptions['connection']>;
interface ChdbConnectionModule {
  createChdbConnection(options: { path: string }): Connection;
}

function loadChdb(modulePath: string): ChdbConnectionModule {
  // Node's own require: the package and its native library live outside the project's node_modules.
  return createRequire(join(modulePath, 'package.json'))('chdb/connection') as ChdbConnectionModule;
}

async function waitReady(store: ClickHouseAnalyticsStore): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await store.health()).ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`ClickHouse store not ready: ${(await store.health()).detail}`);
}

// Skipped only when TEST_CHDB_MODULE is unset (.ci/chdb.sh could not install chdb; it prints why).
const describeIf = chdbModule ? describe : describe.skip;

describeIf(
  'ClickHouse analytics store on a current engine (chdb; skipped without TEST_CHDB_MODULE from .ci/chdb.sh)',
  () => {
    // libchdb binds one data directory per process: every connection below shares it.
    const chdb = chdbModule ? loadChdb(chdbModule) : undefined;
    const dataDir = chdb ? mkdtempSync(join(tmpdir(), 'fbts-chdb-')) : '';
    const connect = (): Connection => {
      if (!chdb) throw new Error('TEST_CHDB_MODULE is not set');
      return chdb.createChdbConnection({ path: dataDir });
    };
    const rowsOf = async <T>(query: string): Promise<T[]> => {
      const client = createClient({ connection: connect() });
      try {
        return await (await client.query({ query, format: 'JSONEachRow' })).json<T>();
      } finally {
        await client.close();
      }
    };
    const database = `fbts_test_${process.pid}_${Date.now()}`;

    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it(`is ClickHouse ${CURRENT_MAJOR} or later`, async () => {
      const [row] = await rowsOf<{ v: string }>('SELECT version() AS v');
      expect(Number(row?.v.split('.')[0])).toBeGreaterThanOrEqual(CURRENT_MAJOR);
    });

    describeAnalyticsStoreContract('clickhouse (current engine, chdb)', () => {
      const store = createClickHouseAnalyticsStore({
        url: 'http://chdb.in-process',
        database,
        user: 'default',
        password: '',
        connection: connect(),
      });
      return Promise.resolve({ store, ready: () => waitReady(store) });
    });

    describeAnalyticsQueryContract('clickhouse (current engine, chdb)', () => {
      const store = createClickHouseAnalyticsStore({
        url: 'http://chdb.in-process',
        database: `${database}_q`,
        user: 'default',
        password: '',
        connection: connect(),
      });
      return Promise.resolve({
        store,
        query: store,
        ready: () => waitReady(store),
        close: () => store.close(),
      });
    });

    const harness = (): LifecycleHarness => ({
      options: (db) => ({
        url: 'http://chdb.in-process',
        database: db,
        user: 'default',
        password: '',
        connection: connect(),
      }),
      client: () => createClient({ connection: connect() }),
    });

    describeClickHouseLifecycle('clickhouse (current engine, chdb)', true, harness);

    describeClickHouseExperimentWindows('clickhouse (current engine, chdb)', harness);

    it('keeps rows in ClickHouse types the current engine reads back exactly', async () => {
      // Runs after the contract: the µs timestamp is UInt64 and ts is derived from it on this engine too.
      const rows = await rowsOf<{ t: string; d: string }>(
        `SELECT toTypeName(timestamp) AS t, toTypeName(ts) AS d FROM ${database}.events LIMIT 1`,
      );
      expect(rows).toEqual([{ t: 'UInt64', d: 'DateTime' }]);
    });
  },
);
