import type { HealthCheckable, HealthStatus } from './health-checkable.port';

// The read side of analytics, beside AnalyticsStore (the write side): what the console and FeatBit's
// routes ask of stored insight events. Every provider (primary database: PostgreSQL, PGlite,
// MongoDB; ClickHouse) implements it, and test/contracts/analytics/ checks that all of them give the
// same answer on the same events. Times are microseconds since the epoch, as events store them.

/** Flag evaluations grouped by time bucket and variation. */
export interface FlagInsightsQuery {
  envId: string;
  flagKey: string;
  /**
   * Sorted bucket boundaries (µs) from src/core/analytics/insight-interval.ts: bucket i holds
   * [boundaries[i], boundaries[i + 1]). Events outside [fromUs, toUs) are not counted even inside a
   * bucket (the first and last bucket may be partial).
   */
  boundariesUs: readonly number[];
  fromUs: number;
  toUs: number;
}

export interface InsightCount {
  /** Null: every variation together (its `users` counts each user once). */
  variationId: string | null;
  evaluations: number;
  /** Distinct end users (keyId) evaluated. */
  users: number;
}

export interface FlagInsightsResult {
  /** One entry per bucket index that has events (sparse, any order). */
  buckets: { bucket: number; counts: InsightCount[] }[];
  /** The whole [fromUs, toUs): per variation and the null total. */
  period: InsightCount[];
}

/** FeatBit's end-user-by-flag list: one row per (variation, user) pair evaluated in the range. */
export interface FlagUsersQuery {
  envId: string;
  flagKey: string;
  fromUs: number;
  toUs: number;
  variationId?: string;
  /** Case-insensitive substring of the user's keyId or name. */
  query?: string;
  /** 0-based. */
  pageIndex: number;
  pageSize: number;
}

export interface FlagUserRow {
  variationId: string;
  keyId: string;
  /** The name on that pair's latest event in the range (null when it had none). */
  name: string | null;
  lastEvaluatedAtUs: number;
}

export interface FlagUsersPage {
  /** Distinct (variation, user) pairs matching the filters. */
  totalCount: number;
  /** Latest evaluation first; ties by variationId then keyId. */
  items: FlagUserRow[];
}

export abstract class AnalyticsQuery implements HealthCheckable {
  abstract readonly healthName: string;
  abstract flagInsights(query: FlagInsightsQuery): Promise<FlagInsightsResult>;
  abstract flagUsers(query: FlagUsersQuery): Promise<FlagUsersPage>;
  abstract health(): Promise<HealthStatus>;
}
