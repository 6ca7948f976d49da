import type { Model } from 'mongoose';
import {
  type DailyUsage,
  type EnvironmentUsage,
  type UsageDateRange,
  type UsageRecord,
  yearMonth,
} from '../../../../core/analytics/usage';
import { UsageStatsRepository } from '../../../../core/ports/users-and-events.repositories';
import {
  USAGE_END_USER_STATS_ENTITY,
  USAGE_RECORD_ENTITY,
  type UsageEndUserStatsRow,
  type UsageRecordRow,
  usageEndUserId,
} from '../../shared/entities/usage-stats.entity';
import { uniqueUsageRecords, usageFirstSightings } from '../../shared/usage-stats-batch';
import { MongoCollection } from '../mongo-collection';
import type { MongoConnection } from '../mongo-connection';
import type { MongoDoc } from '../schemas/mongo-schema';

interface Sums {
  _id: string;
  users?: number;
  flagEvaluations?: number;
  customMetrics?: number;
}

/**
 * Exact without transactions (FerretDB has none): every record is its own document keyed by its
 * id (inserted if absent, so a re-delivery adds nothing) and the counters are summed at read time.
 * First sightings are written before the record, so a failure in between leaves nothing that a
 * re-delivery does not complete. The bound: reads grow with the number of insight requests in the
 * range (index envId + recordedAt), where PostgreSQL reads one counter row per day.
 */
export class MongoUsageStatsRepository extends UsageStatsRepository {
  private readonly records: MongoCollection<UsageRecordRow>;
  private readonly users: MongoCollection<UsageEndUserStatsRow>;

  constructor(conn: MongoConnection) {
    super();
    this.records = MongoCollection.of(() => conn.model('usageRecords'), USAGE_RECORD_ENTITY);
    this.users = MongoCollection.of(() => conn.model('usageEndUserStats'), USAGE_END_USER_STATS_ENTITY);
  }

  async apply(records: readonly UsageRecord[]): Promise<{ applied: number }> {
    const unique = uniqueUsageRecords(records);
    if (unique.length === 0) return { applied: 0 };
    const sightings = usageFirstSightings(unique).map((s) => ({
      updateOne: {
        filter: { _id: usageEndUserId(s.envId, yearMonth(s.date), s.userKey) },
        update: {
          $setOnInsert: { envId: s.envId, yearMonth: yearMonth(s.date), userKey: s.userKey },
          // `YYYY-MM-DD` strings order as dates: the earliest sighting wins, whatever the order.
          $min: { firstSeenAt: s.date },
        },
        upsert: true,
      },
    }));
    if (sightings.length > 0) await this.users.run((m) => m.bulkWrite(sightings, { ordered: false }));
    const inserts = unique.map((r) => ({
      updateOne: {
        filter: { _id: r.id },
        update: {
          $setOnInsert: {
            envId: r.envId,
            recordedAt: r.recordedAt,
            flagEvaluations: r.flagEvaluations,
            customMetrics: r.customMetrics,
          },
        },
        upsert: true,
      },
    }));
    const result = await this.records.run((m) => m.bulkWrite(inserts, { ordered: false }));
    return { applied: result.upsertedCount };
  }

  async byEnvironment(envIds: readonly string[], range: UsageDateRange): Promise<EnvironmentUsage[]> {
    if (envIds.length === 0) return [];
    const [users, events] = await this.sums(envIds, range, 'env');
    const ids = [...new Set([...users.keys(), ...events.keys()])].sort();
    return ids.map((envId) => ({
      envId,
      uniqueUsers: users.get(envId)?.users ?? 0,
      flagEvaluations: events.get(envId)?.flagEvaluations ?? 0,
      customMetrics: events.get(envId)?.customMetrics ?? 0,
    }));
  }

  async daily(envIds: readonly string[], range: UsageDateRange): Promise<DailyUsage[]> {
    if (envIds.length === 0) return [];
    const [users, events] = await this.sums(envIds, range, 'date');
    const dates = [...new Set([...users.keys(), ...events.keys()])].sort();
    return dates.map((date) => ({
      date,
      newUsers: users.get(date)?.users ?? 0,
      flagEvaluations: events.get(date)?.flagEvaluations ?? 0,
      customMetrics: events.get(date)?.customMetrics ?? 0,
    }));
  }

  /** Users and event sums in the range, grouped by environment or by date. */
  private async sums(
    envIds: readonly string[],
    range: UsageDateRange,
    by: 'env' | 'date',
  ): Promise<[Map<string, Sums>, Map<string, Sums>]> {
    const between = { $gte: range.startDate, $lte: range.endDate };
    // One accumulator per $group: FerretDB 1.24 answers 0 for every $sum after the first.
    const sum = (
      collection: MongoCollection<UsageRecordRow> | MongoCollection<UsageEndUserStatsRow>,
      dateField: string,
      field: keyof Sums,
      value: string | number,
    ) =>
      collection.run((m: Model<MongoDoc>) =>
        m
          .aggregate<Sums>([
            { $match: { envId: { $in: [...envIds] }, [dateField]: between } },
            { $group: { _id: by === 'date' ? `$${dateField}` : '$envId', [field]: { $sum: value } } },
          ])
          .exec(),
      );
    const [users, flags, metrics] = await Promise.all([
      sum(this.users, 'firstSeenAt', 'users', 1),
      sum(this.records, 'recordedAt', 'flagEvaluations', '$flagEvaluations'),
      sum(this.records, 'recordedAt', 'customMetrics', '$customMetrics'),
    ]);
    const events = new Map<string, Sums>(flags.map((f) => [f._id, f]));
    for (const m of metrics) events.set(m._id, { ...events.get(m._id), ...m });
    // Records without events add no counter (as on PostgreSQL, where they add no row).
    for (const [key, e] of events) {
      if ((e.flagEvaluations ?? 0) + (e.customMetrics ?? 0) === 0) events.delete(key);
    }
    return [new Map(users.map((u) => [u._id, u])), events];
  }
}
