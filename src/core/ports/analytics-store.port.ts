import type { InsightEvent } from '../insights/insight-event';
import type { HealthCheckable, HealthStatus } from './health-checkable.port';

/** Where insight events land: the primary database (standalone/standard) or ClickHouse (pro). */
export abstract class AnalyticsStore implements HealthCheckable {
  abstract readonly healthName: string;
  /** Idempotent on event uuid. */
  abstract writeEvents(events: readonly InsightEvent[]): Promise<{ inserted: number }>;
  abstract countEvents(envId: string, fromUs?: number, toUs?: number): Promise<number>;
  /**
   * Retention (ANALYTICS_RETENTION_DAYS): removes events older than `cutoffUs`, in bounded steps; a
   * store that expires rows itself (ClickHouse TTL) answers 0.
   */
  abstract purgeBefore(cutoffUs: number): Promise<{ deleted: number }>;
  abstract health(): Promise<HealthStatus>;
  abstract close(): Promise<void>;
}
