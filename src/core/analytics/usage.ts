// Workspace usage metering (FeatBit's usage page): per environment, distinct end users first seen in
// a month, and daily counters of flag evaluations and custom metrics. The evaluation role sends one
// usage record per insight request; the analytics role folds them into counters in the primary
// database, whatever the analytics provider, once per record id (re-deliveries change nothing).

export interface UsageRecord {
  /** Unique per record: counters apply each id once. */
  id: string;
  envId: string;
  /** UTC date of the request, `YYYY-MM-DD`. */
  recordedAt: string;
  /** Distinct keyIds of the users in the request. */
  endUsers: string[];
  flagEvaluations: number;
  customMetrics: number;
}

export interface UsageDateRange {
  /** Inclusive UTC dates, `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
}

export interface EnvironmentUsage {
  envId: string;
  /** Users whose first sighting of their month falls in the range (FeatBit's count). */
  uniqueUsers: number;
  flagEvaluations: number;
  customMetrics: number;
}

export interface DailyUsage {
  date: string;
  newUsers: number;
  flagEvaluations: number;
  customMetrics: number;
}

/** `YYYY-MM-DD` of a UTC instant. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `YYYYMM` of a `YYYY-MM-DD` date: the month a first sighting belongs to. */
export function yearMonth(date: string): number {
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
}
