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

/**
 * The per-variation sample of one experiment iteration (docs/experiments.md#samples). Fixes FeatBit's
 * defects by definition: a user counts once, in the variation first served to them in the window
 * (exposures are FlagValue events with sendToExperiment true); a metric event counts only at or after
 * that user's first exposure; a numeric value is the sum of the user's metric values, never
 * multiplied by their number of exposures.
 */
export interface ExperimentSamplesQuery {
  envId: string;
  flagKey: string;
  /** The stored event type of the metric: 'CustomEvent', 'PageView' or 'Click'. */
  metricEvent: string;
  /** The metric's event name (the metric event's distinct_id). */
  metricEventName: string;
  /** Window [fromUs, toUs): exposures and metric events outside it are ignored. */
  fromUs: number;
  toUs: number;
}

export interface ExperimentVariationSample {
  variationId: string;
  /** Distinct users whose first exposure in the window was to this variation. */
  users: number;
  /** Of those, users with at least one metric event at or after their first exposure. */
  converted: number;
  /** Σ over converted users of their value (Σ of numericValue over their counted metric events). */
  sum: number;
  /** Σ over converted users of their value squared (for the sample variance). */
  sumSquares: number;
}

export interface ExperimentSamples {
  /** One entry per variation with at least one exposed user (any order). */
  variations: ExperimentVariationSample[];
}

export abstract class AnalyticsQuery implements HealthCheckable {
  abstract readonly healthName: string;
  abstract flagInsights(query: FlagInsightsQuery): Promise<FlagInsightsResult>;
  abstract flagUsers(query: FlagUsersQuery): Promise<FlagUsersPage>;
  abstract experimentSamples(query: ExperimentSamplesQuery): Promise<ExperimentSamples>;
  abstract health(): Promise<HealthStatus>;
}
