import { randomUUID } from 'node:crypto';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { insightFields } from '../../../../core/analytics/insight-fields';
import { bucketIndex } from '../../../../core/analytics/insight-interval';
import type { InsightEvent } from '../../../../core/insights/insight-event';
import type {
  ExperimentSamples,
  ExperimentSamplesQuery,
  FlagInsightsQuery,
  FlagInsightsResult,
  FlagUsersPage,
  FlagUsersQuery,
} from '../../../../core/ports/analytics-query.port';
import { InsightEventRepository } from '../../../../core/ports/users-and-events.repositories';
import type { Page, PageRequest } from '../../../../core/shared/paging';
import { INSIGHT_EVENT_ENTITY, type StoredInsightEvent } from '../../shared/entities/insight-event.entity';
import { normalizeEventProperties } from '../../shared/event-properties';
import { pageWindow } from '../../shared/paging';
import { MongoCollection, type MongoFilter } from '../mongo-collection';
import type { MongoConnection } from '../mongo-connection';
import { isDuplicateKey, mapMongoError } from '../mongo-errors';
import type { MongoDoc } from '../schemas/mongo-schema';
import { mongoExperimentSamples } from './mongo-experiment-samples';
import {
  CountAccumulator,
  floorHour,
  HOUR_US,
  hourInOneBucket,
  lastKey,
  PairAccumulator,
  planRead,
  rollable,
  type Rollup,
} from './mongo-insight-reads';

const EVENT_CHUNK = 5000;
/** Raw-event ranges read at once (a half-hour time zone gives one per bucket edge). */
const RAW_PARALLEL = 4;

/**
 * Insight events on MongoDB with the hourly per-(flag, hour, variation, user) rollups of
 * insight-hourly-rollup.entity.ts. Without transactions (FerretDB v1, standalone mongod) an insert
 * is three steps: (1) pending markers for the (env, flag, hour)s of the batch, (2) the events,
 * unordered (the write errors tell which uuids were new), (3) `$inc` of the rollups by the new events
 * only, then the markers are removed. A crash or error after (1) leaves the markers: those hours are
 * then read from raw events, never from a rollup that may miss or half-count them, so answers stay
 * exact; the price is slower reads of those hours until retention removes them.
 */
export class MongoInsightEventRepository extends InsightEventRepository {
  private readonly events: MongoCollection<StoredInsightEvent>;
  /**
   * Writes of this process, one at a time: FerretDB v1.24 stops answering (every pooled PostgreSQL
   * connection held) when two writers insert or `$inc` the same documents at once (reproduced with
   * two concurrent 200-op bulkWrites). Replicas writing the same events at the same moment can
   * still meet there; a real MongoDB has no such limit.
   */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly conn: MongoConnection) {
    super();
    this.events = MongoCollection.of(() => conn.model('events'), INSIGHT_EVENT_ENTITY);
  }

  private rollups(): Model<MongoDoc> {
    return this.conn.model('insightHourlyRollups');
  }

  private pending(): Model<MongoDoc> {
    return this.conn.model('insightRollupPending');
  }

  /** Runs a raw driver call with the store's error mapping. */
  private async run<R>(entity: string, op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (error) {
      throw mapMongoError(error, entity);
    }
  }

  insertMany(events: readonly InsightEvent[]): Promise<{ inserted: number }> {
    const write = this.writes.then(async () => {
      let inserted = 0;
      for (let i = 0; i < events.length; i += EVENT_CHUNK) {
        inserted += await this.insertChunk(events.slice(i, i + EVENT_CHUNK));
      }
      return { inserted };
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  private async insertChunk(chunk: readonly InsightEvent[]): Promise<number> {
    const docs = new Map<string, MongoDoc>();
    const stored: StoredInsightEvent[] = [];
    for (const e of chunk) {
      if (docs.has(e.uuid)) continue;
      const event = { ...e, properties: normalizeEventProperties(e.properties) };
      const row: StoredInsightEvent = { ...event, ...insightFields(event) };
      docs.set(e.uuid, this.events.toDoc(row));
      stored.push(row);
    }
    const batch = randomUUID();
    const hours = new Map<string, MongoDoc>();
    for (const e of stored) {
      if (!rollable(e)) continue;
      const hourUs = floorHour(e.timestamp);
      const _id = JSON.stringify([batch, e.envId, e.flagKey, hourUs]);
      hours.set(_id, { _id, batch, envId: e.envId, flagKey: e.flagKey, hourUs, createdAt: new Date() });
    }
    if (hours.size) {
      await this.run('InsightRollupPending', () =>
        this.pending().collection.insertMany([...hours.values()] as Record<string, unknown>[]),
      );
    }
    // Unordered: uuids already stored fail alone with E11000 and the rest go in. No lookup of
    // existing uuids first: FerretDB evaluates `_id: {$in}` by scanning the whole collection.
    const rejected = await this.events.run(async (m) => {
      try {
        await m.collection.insertMany([...docs.values()] as Record<string, unknown>[], { ordered: false });
        return new Set<number>();
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const writeErrors = (error as { writeErrors?: { index: number; code?: number }[] }).writeErrors ?? [];
        if (writeErrors.some((w) => w.code !== 11000)) throw error;
        return new Set(writeErrors.map((w) => w.index));
      }
    });
    const fresh = stored.filter((_, index) => !rejected.has(index));
    if (hours.size) {
      await this.addToRollups(fresh);
      await this.run('InsightRollupPending', () => this.pending().collection.deleteMany({ batch }));
    }
    return fresh.length;
  }

  private async addToRollups(fresh: readonly StoredInsightEvent[]): Promise<void> {
    const sums = new Map<string, Rollup>();
    for (const e of fresh) {
      if (!rollable(e)) continue;
      const hourUs = floorHour(e.timestamp);
      const id = JSON.stringify([e.envId, e.flagKey, hourUs, e.variationId, e.userKey]);
      const key = lastKey(e.timestamp, e.userName ?? null);
      const r = sums.get(id);
      if (!r) {
        sums.set(id, {
          envId: e.envId,
          flagKey: e.flagKey,
          hourUs,
          variationId: e.variationId,
          userKey: e.userKey,
          evaluations: 1,
          lastUs: e.timestamp,
          lastKey: key,
        });
        continue;
      }
      r.evaluations += 1;
      r.lastUs = Math.max(r.lastUs, e.timestamp);
      if (key > r.lastKey) r.lastKey = key;
    }
    const upserts: AnyBulkWriteOperation<MongoDoc>[] = [...sums].map(([_id, r]) => ({
      updateOne: {
        filter: { _id },
        update: {
          $inc: { evaluations: r.evaluations },
          $max: { lastUs: r.lastUs, lastKey: r.lastKey },
          $setOnInsert: {
            envId: r.envId,
            flagKey: r.flagKey,
            hourUs: r.hourUs,
            variationId: r.variationId,
            userKey: r.userKey,
          },
        },
        upsert: true,
      },
    }));
    let ops = upserts;
    // Two writers creating the same rollup: the loser's upsert fails with E11000 and succeeds as
    // an update when retried.
    for (let attempt = 0; ops.length && attempt < 3; attempt++) {
      const batch = ops;
      ops = await this.run('InsightHourlyRollup', async () => {
        try {
          // The driver call (not mongoose's): its write errors name the failed op indexes. `never`:
          // the driver's default Document type wants ObjectId `_id`s, these are strings.
          await this.rollups().collection.bulkWrite(batch as never, { ordered: false });
          return [];
        } catch (error) {
          const writeErrors = (error as { writeErrors?: { index: number; code?: number }[] }).writeErrors;
          if (!writeErrors?.length || writeErrors.some((w) => w.code !== 11000)) throw error;
          return writeErrors.map((w) => batch[w.index]);
        }
      });
    }
    if (ops.length) throw new Error('insight rollups: concurrent creation did not settle');
  }

  countByEnv(envId: string, fromUs?: number, toUs?: number): Promise<number> {
    const filter: MongoFilter = { envId };
    if (fromUs !== undefined || toUs !== undefined) {
      filter.timestamp = {
        ...(fromUs !== undefined ? { $gte: Math.trunc(fromUs) } : {}),
        ...(toUs !== undefined ? { $lt: Math.trunc(toUs) } : {}),
      };
    }
    return this.events.count(filter);
  }

  async listByEnv(envId: string, page: PageRequest): Promise<Page<InsightEvent>> {
    const result = await this.events.page({ envId }, { timestamp: -1, _id: 1 }, pageWindow(page));
    return {
      totalCount: result.totalCount,
      items: result.items.map(({ uuid, distinctId, envId: env, event, properties, timestamp }) => ({
        uuid,
        distinctId,
        envId: env,
        event,
        properties,
        timestamp,
      })),
    };
  }

  async flagInsights(q: FlagInsightsQuery): Promise<FlagInsightsResult> {
    const b = q.boundariesUs;
    const lo = Math.max(q.fromUs, b[0]);
    const hi = Math.min(q.toUs, b[b.length - 1]);
    if (!(b.length > 1 && lo < hi)) return { buckets: [], period: [] };
    const pending = await this.pendingHours(q.envId, q.flagKey, lo, hi);
    const plan = planRead(lo, hi, (h) => !pending.has(h) && hourInOneBucket(b, h));
    const period = new CountAccumulator();
    const buckets = new Map<number, CountAccumulator>();
    const add = (bucket: number, variationId: string, userKey: string, n: number): void => {
      let acc = buckets.get(bucket);
      if (!acc) buckets.set(bucket, (acc = new CountAccumulator()));
      acc.add(variationId, userKey, n);
      period.add(variationId, userKey, n);
    };
    for (const r of await this.readRollups(q.envId, q.flagKey, plan.rollupHours, undefined)) {
      add(bucketIndex(b, r.hourUs), r.variationId, r.userKey, r.evaluations);
    }
    for (const e of await this.readRaw(q.envId, q.flagKey, plan.raw, undefined)) {
      add(bucketIndex(b, e.timestamp), e.variationId, e.userKey, 1);
    }
    return {
      buckets: [...buckets].map(([bucket, acc]) => ({ bucket, counts: acc.counts() })),
      period: period.counts(),
    };
  }

  async flagUsers(q: FlagUsersQuery): Promise<FlagUsersPage> {
    const pairs = new PairAccumulator();
    if (q.fromUs < q.toUs) {
      const pending = await this.pendingHours(q.envId, q.flagKey, q.fromUs, q.toUs);
      const plan = planRead(q.fromUs, q.toUs, (h) => !pending.has(h));
      for (const r of await this.readRollups(q.envId, q.flagKey, plan.rollupHours, q.variationId)) {
        pairs.add(r.variationId, r.userKey, r.lastKey);
      }
      for (const e of await this.readRaw(q.envId, q.flagKey, plan.raw, q.variationId)) {
        pairs.add(e.variationId, e.userKey, lastKey(e.timestamp, e.userName));
      }
    }
    const rows = pairs.rows(q.query === undefined ? undefined : q.query.toLowerCase());
    const start = q.pageIndex * q.pageSize;
    return { totalCount: rows.length, items: rows.slice(start, start + q.pageSize) };
  }

  experimentSamples(q: ExperimentSamplesQuery): Promise<ExperimentSamples> {
    return mongoExperimentSamples(this.events, q);
  }

  /** Hours of [lo, hi) whose rollups a failed or unfinished write may have left wrong. */
  private async pendingHours(envId: string, flagKey: string, lo: number, hi: number): Promise<Set<number>> {
    const docs = await this.run('InsightRollupPending', () =>
      this.pending()
        .collection.find(
          { envId, flagKey, hourUs: { $gte: floorHour(lo), $lt: hi } },
          { projection: { hourUs: 1 } },
        )
        .toArray(),
    );
    return new Set(docs.map((d) => d.hourUs as number));
  }

  private async readRollups(
    envId: string,
    flagKey: string,
    hours: ReadonlySet<number>,
    variationId: string | undefined,
  ): Promise<Rollup[]> {
    if (!hours.size) return [];
    const sorted = [...hours].sort((x, y) => x - y);
    const filter: MongoFilter = {
      envId,
      flagKey,
      hourUs: { $gte: sorted[0], $lte: sorted[sorted.length - 1] },
    };
    if (variationId !== undefined) filter.variationId = variationId;
    const docs = await this.run('InsightHourlyRollup', () =>
      this.rollups()
        .collection.find(filter, {
          projection: { _id: 0, hourUs: 1, variationId: 1, userKey: 1, evaluations: 1, lastKey: 1 },
        })
        .toArray(),
    );
    return (docs as unknown as Rollup[]).filter((r) => hours.has(r.hourUs));
  }

  private async readRaw(
    envId: string,
    flagKey: string,
    ranges: readonly [number, number][],
    variationId: string | undefined,
  ): Promise<{ variationId: string; userKey: string; userName: string | null; timestamp: number }[]> {
    const out: { variationId: string; userKey: string; userName: string | null; timestamp: number }[] = [];
    for (let i = 0; i < ranges.length; i += RAW_PARALLEL) {
      const parts = await Promise.all(
        ranges.slice(i, i + RAW_PARALLEL).map(([from, to]) => {
          const filter: MongoFilter = { envId, flagKey, timestamp: { $gte: from, $lt: to } };
          if (variationId !== undefined) filter.variationId = variationId;
          return this.events.run((m) =>
            m.collection
              .find(filter, { projection: { _id: 0, variationId: 1, userKey: 1, userName: 1, timestamp: 1 } })
              .toArray(),
          );
        }),
      );
      for (const docs of parts) {
        for (const d of docs) {
          if (typeof d.variationId !== 'string' || typeof d.userKey !== 'string') continue;
          out.push({
            variationId: d.variationId,
            userKey: d.userKey,
            userName: typeof d.userName === 'string' ? d.userName : null,
            timestamp: d.timestamp as number,
          });
        }
      }
    }
    return out;
  }

  /**
   * Deletes up to `limit` of the oldest events before `cutoffUs`. Rollups go once every event of
   * their hour is gone; the hour the step ends inside is marked pending for the (env, flag)s it
   * deleted from, so reads take what remains of it from raw events.
   */
  async purgeBefore(cutoffUs: number, limit: number): Promise<{ deleted: number }> {
    const victims = await this.events.run((m) =>
      m.collection
        .find(
          { timestamp: { $lt: cutoffUs } },
          { projection: { _id: 1, timestamp: 1, envId: 1, flagKey: 1 } },
        )
        .sort({ timestamp: 1 })
        .limit(Math.max(1, limit))
        .toArray(),
    );
    const lastUs = victims.length ? (victims[victims.length - 1].timestamp as number) : cutoffUs;
    // Every event before `frontier` is among the victims.
    const frontier = victims.length < limit ? cutoffUs : lastUs;
    const partialHour = floorHour(frontier);
    const marks = new Map<string, MongoDoc>();
    for (const v of victims) {
      if ((v.timestamp as number) < partialHour || typeof v.flagKey !== 'string') continue;
      const _id = JSON.stringify(['purge', v.envId, v.flagKey, partialHour]);
      marks.set(_id, { _id, batch: 'purge', envId: v.envId, flagKey: v.flagKey, hourUs: partialHour });
    }
    if (marks.size) {
      await this.run('InsightRollupPending', () =>
        this.pending().bulkWrite(
          [...marks.values()].map(({ _id, ...fields }) => ({
            updateOne: {
              filter: { _id },
              update: { $setOnInsert: { ...fields, createdAt: new Date() } },
              upsert: true,
            },
          })),
          { ordered: false },
        ),
      );
    }
    let deleted = 0;
    if (victims.length) {
      const atLast = victims.filter((v) => v.timestamp === lastUs).map((v) => v._id);
      deleted += await this.events.run(async (m) => {
        const before = await m.collection.deleteMany({ timestamp: { $lt: lastUs } });
        const at = await m.collection.deleteMany({ timestamp: lastUs, _id: { $in: atLast } });
        return before.deletedCount + at.deletedCount;
      });
    }
    const gone = { hourUs: { $lte: frontier - HOUR_US } };
    await this.run('InsightHourlyRollup', () => this.rollups().collection.deleteMany(gone));
    await this.run('InsightRollupPending', () => this.pending().collection.deleteMany(gone));
    return { deleted };
  }
}
