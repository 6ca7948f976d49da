import type { InsightEvent } from '../../../core/insights/insight-event';
import { AnalyticsStore } from '../../../core/ports/analytics-store.port';
import type { DataStore } from '../../../core/ports/data-store.port';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';

/** Standalone/standard analytics: insight events live in the primary database's `events` table. */
export class PrimaryAnalyticsStore extends AnalyticsStore {
  readonly healthName = 'analytics';

  constructor(private readonly store: DataStore) {
    super();
  }

  writeEvents(events: readonly InsightEvent[]): Promise<{ inserted: number }> {
    return this.store.insightEvents.insertMany(events);
  }

  countEvents(envId: string, fromUs?: number, toUs?: number): Promise<number> {
    return this.store.insightEvents.countByEnv(envId, fromUs, toUs);
  }

  // Health is the primary database's, which readiness already reports.
  health(): Promise<HealthStatus> {
    return this.store.health();
  }

  async close(): Promise<void> {
    // The primary store is closed by its own module.
  }
}
