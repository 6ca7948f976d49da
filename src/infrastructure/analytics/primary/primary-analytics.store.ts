import type { InsightEvent } from '../../../core/insights/insight-event';
import type {
  AnalyticsQuery,
  ExperimentSamples,
  ExperimentSamplesQuery,
  FlagInsightsQuery,
  FlagInsightsResult,
  FlagUsersPage,
  FlagUsersQuery,
} from '../../../core/ports/analytics-query.port';
import { AnalyticsStore } from '../../../core/ports/analytics-store.port';
import type { DataStore } from '../../../core/ports/data-store.port';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';

/** Events deleted per retention step: short transactions, other writers never wait long. */
const PURGE_STEP = 10_000;

/**
 * Standalone/standard analytics: insight events and their rollups live in the primary database
 * (PostgreSQL, PGlite or MongoDB); reads and writes go to its InsightEventRepository.
 */
export class PrimaryAnalyticsStore extends AnalyticsStore implements AnalyticsQuery {
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

  flagInsights(query: FlagInsightsQuery): Promise<FlagInsightsResult> {
    return this.store.insightEvents.flagInsights(query);
  }

  flagUsers(query: FlagUsersQuery): Promise<FlagUsersPage> {
    return this.store.insightEvents.flagUsers(query);
  }

  experimentSamples(query: ExperimentSamplesQuery): Promise<ExperimentSamples> {
    return this.store.insightEvents.experimentSamples(query);
  }

  async purgeBefore(cutoffUs: number): Promise<{ deleted: number }> {
    let deleted = 0;
    for (;;) {
      const step = await this.store.insightEvents.purgeBefore(cutoffUs, PURGE_STEP);
      deleted += step.deleted;
      if (step.deleted < PURGE_STEP) return { deleted };
    }
  }

  // Health is the primary database's, which readiness already reports.
  health(): Promise<HealthStatus> {
    return this.store.health();
  }

  async close(): Promise<void> {
    // The primary store is closed by its own module.
  }
}
