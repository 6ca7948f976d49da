// The PostgreSQL/PGlite analytics read model (migration 1763700000005, PostgresInsightEventRepository):
// hourly rollups written in the insert statement (idempotent under re-delivery), the split of a
// query between rollup hours and raw events, the retention purge and the migration's backfill.
// Answers are checked against the contract's naive reference (test/contracts/analytics).
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { insightFields } from '../../../src/core/analytics/insight-fields';
import { bucketBoundaries, type InsightInterval } from '../../../src/core/analytics/insight-interval';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import type { FlagInsightsQuery } from '../../../src/core/ports/analytics-query.port';
import { POSTGRES_MIGRATIONS } from '../../../src/infrastructure/database/postgres/migrations/postgres-migrations';
import type { Row, SqlSession } from '../../../src/infrastructure/database/postgres/postgres-session';
import { insightReadPlan } from '../../../src/infrastructure/database/postgres/repositories/insight-read-plan';
import { PostgresInsightEventRepository } from '../../../src/infrastructure/database/postgres/repositories/postgres-insight-event.repository';
import { generateEvents } from '../../contracts/analytics/analytics-query.contract';
import {
  normalizeInsights,
  referenceInsights,
  referenceUsers,
} from '../../contracts/analytics/analytics-reference';
import { openMigrationPglite } from '../../contracts/database/pglite-under-jest';
import { createTestDatabase } from '../../contracts/database/postgres-test-database';

const H = 3600_000_000;
const T0 = Date.UTC(2026, 2, 6) * 1000; // the generated set's start (analytics-query.contract.ts)
const ENV = 'env-a';
const OTHER = 'env-b';

interface Harness {
  session: SqlSession;
  /** Runs one migration class's up(). */
  migrate: (migration: (typeof POSTGRES_MIGRATIONS)[number]) => Promise<void>;
  close: () => Promise<void>;
}

function pglite(): Promise<Harness> {
  const { db, runner } = openMigrationPglite();
  const session: SqlSession = {
    query: async <T = Row>(sql: string, params?: readonly unknown[]) =>
      (await db.query<T>(sql, params ? [...params] : [])).rows,
    execute: async (sql, params) => {
      await db.query(sql, params ? [...params] : []);
    },
    transaction: (work) => work(session),
  };
  return Promise.resolve({ session, migrate: (M) => new M().up(runner), close: () => db.close() });
}

async function postgres(): Promise<Harness> {
  const database = await createTestDatabase('featbit_read_model');
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const session: SqlSession = {
    query: async <T = Row>(sql: string, params?: readonly unknown[]) =>
      (await client.query(sql, params ? [...params] : [])).rows as T[],
    execute: async (sql, params) => {
      await client.query(sql, params ? [...params] : []);
    },
    transaction: async (work) => {
      await client.query('BEGIN');
      try {
        const result = await work(session);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  };
  const runner = { query: (sql: string) => client.query(sql) } as unknown as QueryRunner;
  return {
    session,
    migrate: (M) => new M().up(runner),
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}

function query(interval: InsightInterval, fromUs: number, toUs: number, zone: string): FlagInsightsQuery {
  return {
    envId: ENV,
    flagKey: 'checkout',
    boundariesUs: bucketBoundaries(interval, fromUs / 1000, toUs / 1000, zone).map((ms) => ms * 1000),
    fromUs,
    toUs,
  };
}

const CASES: [string, FlagInsightsQuery][] = [
  ['UTC days', query('DAY', T0, T0 + 96 * H, 'UTC')],
  ['hours from a partial hour to a partial hour', query('HOUR', T0 + H / 2, T0 + 50 * H + 123, 'UTC')],
  ['Kolkata days', query('DAY', T0 - 5 * H, T0 + 90 * H, 'Asia/Kolkata')],
  ['minutes', query('MINUTE', T0 + 23 * H, T0 + 26 * H, 'UTC')],
];

async function expectReference(repo: PostgresInsightEventRepository, events: readonly InsightEvent[]) {
  for (const [, q] of CASES) {
    expect(normalizeInsights(await repo.flagInsights(q))).toEqual(
      normalizeInsights(referenceInsights(events, q)),
    );
  }
  const users = {
    envId: ENV,
    flagKey: 'checkout',
    fromUs: T0 + H / 3,
    toUs: T0 + 70 * H,
    pageIndex: 1,
    pageSize: 20,
  };
  expect(await repo.flagUsers(users)).toEqual(referenceUsers(events, users));
}

describe('insight read plan', () => {
  it('reads whole, unsplit UTC hours from the rollup and the rest raw', () => {
    expect(insightReadPlan(T0 + 10, T0 + 3 * H + 5)).toEqual({
      rollup: [{ lo: T0 + H, hi: T0 + 3 * H }],
      raw: [
        { lo: T0 + 10, hi: T0 + H },
        { lo: T0 + 3 * H, hi: T0 + 3 * H + 5 },
      ],
    });
    // A boundary at :30 (Asia/Kolkata midnight) sends its hour to the raw events.
    expect(insightReadPlan(T0, T0 + 4 * H, [T0, T0 + 2.5 * H, T0 + 4 * H])).toEqual({
      rollup: [
        { lo: T0, hi: T0 + 2 * H },
        { lo: T0 + 3 * H, hi: T0 + 4 * H },
      ],
      raw: [{ lo: T0 + 2 * H, hi: T0 + 3 * H }],
    });
    expect(insightReadPlan(T0 + 1, T0 + H - 1)).toEqual({
      rollup: [],
      raw: [{ lo: T0 + 1, hi: T0 + H - 1 }],
    });
    expect(insightReadPlan(T0, T0)).toEqual({ rollup: [], raw: [] });
  });
});

describe.each([
  ['PGlite', pglite],
  ['PostgreSQL', postgres],
])('PostgreSQL analytics read model: %s', (_name, open) => {
  let h: Harness;
  let repo: PostgresInsightEventRepository;
  const events = generateEvents(ENV, OTHER);

  beforeAll(async () => {
    h = await open();
    for (const M of POSTGRES_MIGRATIONS) await h.migrate(M);
    repo = new PostgresInsightEventRepository(h.session);
  }, 120_000);
  afterAll(() => h?.close());

  it('keeps the rollup exact when batches are delivered twice, whole or overlapping', async () => {
    const half = Math.floor(events.length / 2);
    expect(await repo.insertMany(events.slice(0, half + 100))).toEqual({ inserted: half + 100 });
    expect(await repo.insertMany(events.slice(half))).toEqual({ inserted: events.length - half - 100 });
    expect(await repo.insertMany(events)).toEqual({ inserted: 0 });
    const [sums] = await h.session.query(
      `SELECT (SELECT sum(evaluations) FROM insight_hourly_rollups) AS rolled,
              (SELECT count(*) FROM events WHERE flag_key IS NOT NULL) AS raw`,
    );
    expect(Number(sums.rolled)).toBe(Number(sums.raw));
    await expectReference(repo, events);
  });

  it('reads split hours raw and whole hours from the rollup', async () => {
    // Remove the raw events of a whole hour (still in the rollup) and of an hour split by a
    // Kolkata midnight (18:30Z): only answers read raw lose them.
    const whole = T0 + 10 * H;
    const split = T0 + 42 * H; // 2026-03-07T18:00Z
    await h.session.query('DELETE FROM events WHERE timestamp >= $1 AND timestamp < $2', [whole, whole + H]);
    await h.session.query('DELETE FROM events WHERE timestamp >= $1 AND timestamp < $2', [split, split + H]);
    const inSplit = (e: InsightEvent) => e.timestamp >= split && e.timestamp < split + H;
    const [, utcHours] = CASES[1];
    expect(normalizeInsights(await repo.flagInsights(utcHours))).toEqual(
      normalizeInsights(referenceInsights(events, utcHours)),
    );
    const [, kolkata] = CASES[2];
    expect(normalizeInsights(await repo.flagInsights(kolkata))).toEqual(
      normalizeInsights(
        referenceInsights(
          events.filter((e) => !inSplit(e)),
          kolkata,
        ),
      ),
    );
    expect(normalizeInsights(await repo.flagInsights(kolkata))).not.toEqual(
      normalizeInsights(referenceInsights(events, kolkata)),
    );
    // Put the events back; the rollup and the hourly counters still count them, so both are
    // restored after (the pairs are kept by max/min, so a second pass changes nothing there).
    const back = events.filter((e) => inSplit(e) || (e.timestamp >= whole && e.timestamp < whole + H));
    await h.session.query('CREATE TEMP TABLE saved AS SELECT * FROM insight_hourly_rollups');
    await h.session.query('CREATE TEMP TABLE saved_counts AS SELECT * FROM insight_hourly_counts');
    await repo.insertMany(back);
    await h.session.query('DELETE FROM insight_hourly_rollups');
    await h.session.query('INSERT INTO insight_hourly_rollups SELECT * FROM saved');
    await h.session.query('DELETE FROM insight_hourly_counts');
    await h.session.query('INSERT INTO insight_hourly_counts SELECT * FROM saved_counts');
    await h.session.query('DROP TABLE saved, saved_counts');
    await expectReference(repo, events);
  });

  it('purges events before the cutoff in bounded steps, and the rollup hours wholly before it', async () => {
    const cutoff = T0 + 30 * H + H / 2;
    const before = events.filter((e) => e.timestamp < cutoff).length;
    let deleted = 0;
    for (let step = 0; step < 100; step++) {
      const r = await repo.purgeBefore(cutoff, 100);
      expect(r.deleted).toBeLessThanOrEqual(100);
      deleted += r.deleted;
      if (r.deleted < 100) break;
    }
    expect(deleted).toBe(before);
    const [left] = await h.session.query(
      `SELECT min(hour_us) AS first, (SELECT count(*) FROM events WHERE timestamp < $1) AS old
       FROM insight_hourly_rollups`,
      [cutoff],
    );
    expect([Number(left.first), Number(left.old)]).toEqual([T0 + 30 * H, 0]);
    const kept = events.filter((e) => e.timestamp >= cutoff);
    const q = query('HOUR', cutoff, T0 + 96 * H, 'UTC');
    expect(normalizeInsights(await repo.flagInsights(q))).toEqual(
      normalizeInsights(referenceInsights(kept, q)),
    );
  });

  it('backfills the extracted columns and the rollup of events stored before the migration', async () => {
    const old = await open();
    try {
      const index = POSTGRES_MIGRATIONS.findIndex((M) => M.name === 'AnalyticsReadModel1763700000005');
      for (const M of POSTGRES_MIGRATIONS.slice(0, index)) await old.migrate(M);
      const odd: InsightEvent[] = [
        { ...events[0], uuid: 'odd-1', properties: JSON.stringify('not an object') },
        { ...events[0], uuid: 'odd-2', properties: JSON.stringify({ tag_0: 7, tag_1: 'v-on' }) },
        { ...events[0], uuid: 'odd-3', distinctId: `${ENV}-` },
      ];
      const all = [...events, ...odd];
      await old.session.query(
        `INSERT INTO events (uuid, distinct_id, env_id, event, properties, timestamp)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::bigint[])`,
        [
          all.map((e) => e.uuid),
          all.map((e) => e.distinctId),
          all.map((e) => e.envId),
          all.map((e) => e.event),
          all.map((e) => e.properties),
          all.map((e) => e.timestamp),
        ],
      );
      for (const M of POSTGRES_MIGRATIONS.slice(index)) await old.migrate(M);
      const rows = await old.session.query<Row>(
        'SELECT uuid, flag_key, variation_id, user_key, user_name FROM events ORDER BY uuid',
      );
      const byUuid = new Map(all.map((e) => [e.uuid, e]));
      for (const r of rows) {
        const f = insightFields(byUuid.get(String(r.uuid))!);
        expect([r.uuid, r.flag_key, r.variation_id, r.user_key, r.user_name]).toEqual([
          r.uuid,
          f.flagKey,
          f.variationId,
          f.userKey,
          f.userName,
        ]);
      }
      await expectReference(new PostgresInsightEventRepository(old.session), all);
    } finally {
      await old.close();
    }
  }, 120_000);
});
