import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { bucketBoundaries } from '../../../src/core/analytics/insight-interval';
import { flagEvent as contractFlagEvent } from '../../contracts/analytics/analytics-query.contract';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import type { FlagInsightsQuery, FlagUsersQuery } from '../../../src/core/ports/analytics-query.port';
import { MongoConnection } from '../../../src/infrastructure/database/mongodb/mongo-connection';
import { MongoInsightEventRepository } from '../../../src/infrastructure/database/mongodb/repositories/mongo-insight-event.repository';
import { silentStoreLogger } from '../../../src/infrastructure/database/shared/store-logger';
import {
  normalizeInsights,
  referenceInsights,
  referenceUsers,
} from '../../contracts/analytics/analytics-reference';
import { prng } from '../../support/seeded-prng';

// What the analytics query contract cannot see on MongoDB: that whole hours are read from the
// rollups, that a write failing between the event insert and the rollup update leaves answers exact
// (pending markers), that concurrent re-deliveries count once, and that retention purges in bounded,
// exact steps. FerretDB on TEST_MONGO_URL (.ci/infra.sh).
const TEST_MONGO_URL = process.env.TEST_MONGO_URL;
// Skipped only when TEST_MONGO_URL is unset (a run outside .ci/run, which starts these servers).
const describeIf = TEST_MONGO_URL ? describe : describe.skip;

const H = 3600_000_000;
const T0 = Date.UTC(2026, 4, 4) * 1000; // µs, an hour start

function flagEvent(
  envId: string,
  flagKey: string,
  variationId: string,
  userKey: string,
  us: number,
): InsightEvent {
  return contractFlagEvent(envId, flagKey, variationId, userKey, `Name ${userKey}`, us);
}

/** `count` evaluations of flag `f` over `hours` hours, distinct timestamps, 12 users, 2 variations. */
function generate(envId: string, count: number, hours: number, seed: number, base = T0): InsightEvent[] {
  const random = prng(seed);
  const used = new Set<number>();
  const out: InsightEvent[] = [];
  while (out.length < count) {
    const us = base + Math.floor(random() * hours * H);
    if (used.has(us)) continue;
    used.add(us);
    const user = `u${Math.floor(random() * 12)}`;
    out.push(flagEvent(envId, 'f', random() < 0.5 ? 'on' : 'off', user, us));
  }
  return out;
}

function insights(envId: string, fromUs: number, toUs: number, zone = 'UTC'): FlagInsightsQuery {
  const boundariesUs = bucketBoundaries('HOUR', fromUs / 1000, toUs / 1000, zone).map((ms) => ms * 1000);
  return { envId, flagKey: 'f', boundariesUs, fromUs, toUs };
}

function users(envId: string, fromUs: number, toUs: number): FlagUsersQuery {
  return { envId, flagKey: 'f', fromUs, toUs, pageIndex: 0, pageSize: 1000 };
}

describeIf(
  `MongoDB insight events and rollups${TEST_MONGO_URL ? '' : ' (skipped: TEST_MONGO_URL is not set)'}`,
  () => {
    const database = `featbit_insights_${randomUUID().slice(0, 8)}`;
    let conn: MongoConnection;
    let repo: MongoInsightEventRepository;
    const rollups = () => conn.model('insightHourlyRollups').collection;
    const pending = () => conn.model('insightRollupPending').collection;

    async function expectExact(envId: string, events: readonly InsightEvent[], fromUs: number, toUs: number) {
      const q = insights(envId, fromUs, toUs);
      expect(normalizeInsights(await repo.flagInsights(q))).toEqual(
        normalizeInsights(referenceInsights(events, q)),
      );
      const u = users(envId, fromUs, toUs);
      expect(await repo.flagUsers(u)).toEqual(referenceUsers(events, u));
    }

    beforeAll(async () => {
      conn = new MongoConnection({ url: TEST_MONGO_URL!, database, logger: silentStoreLogger });
      conn.start();
      await conn.whenReady();
      repo = new MongoInsightEventRepository(conn);
    }, 60_000);

    afterAll(async () => {
      await conn?.close();
      const drop = await mongoose.createConnection(TEST_MONGO_URL!, { dbName: database }).asPromise();
      await drop.dropDatabase();
      await drop.close();
    }, 60_000);

    it('stores the extracted fields and keeps one rollup per (flag, hour, variation, user)', async () => {
      const envId = randomUUID();
      const events = generate(envId, 300, 6, 1);
      expect(await repo.insertMany(events)).toEqual({ inserted: 300 });
      const stored = await conn.model('events').collection.findOne({ _id: events[0].uuid as never });
      expect(stored).toMatchObject({
        flagKey: 'f',
        userKey: expect.any(String),
        variationId: expect.any(String),
      });
      const docs = await rollups().find({ envId }).toArray();
      const keys = new Set(events.map((e) => `${Math.floor(e.timestamp / H)}|${e.properties}`));
      expect(docs).toHaveLength(keys.size);
      expect(docs.reduce((n, d) => n + (d.evaluations as number), 0)).toBe(300);
      expect(await pending().countDocuments({ envId })).toBe(0);
      // Whole hours come from the rollups: emptying them changes the answer.
      await expectExact(envId, events, T0, T0 + 6 * H);
      await rollups().updateMany({ envId }, { $set: { evaluations: 0 } });
      const q = insights(envId, T0, T0 + 6 * H);
      expect((await repo.flagInsights(q)).period.reduce((n, c) => n + c.evaluations, 0)).toBe(0);
      await rollups().deleteMany({ envId });
    }, 60_000);

    it('counts re-delivered events once, also from concurrent writers', async () => {
      const envId = randomUUID();
      const events = generate(envId, 400, 5, 2);
      const [a, b] = await Promise.all([repo.insertMany(events), repo.insertMany([...events].reverse())]);
      expect(a.inserted + b.inserted).toBe(400);
      expect(await repo.insertMany(events.slice(0, 100))).toEqual({ inserted: 0 });
      await expectExact(envId, events, T0 - H, T0 + 6 * H);
      await expectExact(envId, events, T0 + H / 3, T0 + 4 * H + 17);
    }, 60_000);

    it('stays exact when a write fails between the events and the rollups', async () => {
      const envId = randomUUID();
      const first = generate(envId, 200, 4, 3);
      const second = generate(envId, 200, 4, 4);
      await repo.insertMany(first);
      const spy = jest.spyOn(rollups(), 'bulkWrite').mockRejectedValueOnce(new Error('crashed here'));
      await expect(repo.insertMany(second)).rejects.toThrow('crashed here');
      spy.mockRestore();
      // The events are stored, their rollups are not: the markers left send those hours to raw events.
      expect(await repo.countByEnv(envId)).toBe(400);
      expect(await pending().countDocuments({ envId })).toBeGreaterThan(0);
      const all = [...first, ...second];
      await expectExact(envId, all, T0, T0 + 4 * H);
      // The queue re-delivers the batch: nothing is new, nothing is counted twice.
      expect(await repo.insertMany(second)).toEqual({ inserted: 0 });
      await expectExact(envId, all, T0, T0 + 4 * H);
    }, 60_000);

    it('purges the oldest events in bounded steps and answers exactly after each step', async () => {
      const envId = randomUUID();
      // Long before the other cases' events, which the purge (of every environment) must not reach.
      const base = T0 - 10_000 * H;
      const events = generate(envId, 240, 8, 5, base).sort((x, y) => x.timestamp - y.timestamp);
      await repo.insertMany(events);
      const cutoff = base + 5 * H + H / 2; // inside an hour
      const before = events.filter((e) => e.timestamp < cutoff).length;
      let deleted = 0;
      for (let step = 0; step < 20; step++) {
        const r = await repo.purgeBefore(cutoff, 37);
        expect(r.deleted).toBeLessThanOrEqual(37);
        deleted += r.deleted;
        await expectExact(envId, events.slice(deleted), base, base + 8 * H);
        if (r.deleted < 37) break;
      }
      expect(deleted).toBe(before);
      expect(await repo.countByEnv(envId)).toBe(240 - before);
      expect(await rollups().countDocuments({ envId, hourUs: { $lt: base + 5 * H } })).toBe(0);
      expect(await repo.purgeBefore(cutoff, 37)).toEqual({ deleted: 0 });
    }, 60_000);
  },
);
