import type { InsightEvent } from '../insights/insight-event';
import type { HealthCheckable, HealthStatus } from './health-checkable.port';

/** Where insight events land: the primary database (standalone/standard) or ClickHouse (pro). */
export abstract class AnalyticsStore implements HealthCheckable {
  abstract readonly healthName: string;
  /** Idempotent on event uuid. */
  abstract writeEvents(events: readonly InsightEvent[]): Promise<{ inserted: number }>;
  abstract countEvents(envId: string, fromUs?: number, toUs?: number): Promise<number>;
  abstract health(): Promise<HealthStatus>;
  abstract close(): Promise<void>;
}
