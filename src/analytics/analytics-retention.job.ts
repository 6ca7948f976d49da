import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AnalyticsStore } from '../core/ports/analytics-store.port';
import { Logger } from '../core/ports/logger.port';

const HOUR_MS = 3600_000;
const DAY_US = 86_400_000_000;

/**
 * ANALYTICS_RETENTION_DAYS: once an hour (and once shortly after start-up), asks the analytics store
 * to remove events older than the retention. The store bounds each call (ClickHouse's TTL does the
 * work there and it answers 0); a run still going when the next is due is not overlapped.
 */
@Injectable()
export class AnalyticsRetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly analytics: AnalyticsStore,
    private readonly config: AppConfig,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'analytics-retention' });
  }

  onApplicationBootstrap(): void {
    if (this.config.analytics.retentionDays <= 0) return;
    this.timer = setInterval(() => void this.run(), HOUR_MS);
    this.timer.unref();
    setTimeout(() => void this.run(), 60_000).unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One purge; resolves false when skipped because the previous one is still running. */
  async run(nowMs = Date.now()): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    const cutoffUs = nowMs * 1000 - this.config.analytics.retentionDays * DAY_US;
    try {
      const { deleted } = await this.analytics.purgeBefore(cutoffUs);
      this.log.info('analytics retention', { cutoff: new Date(cutoffUs / 1000).toISOString(), deleted });
    } catch (err) {
      this.log.warn('analytics retention failed; retried next hour', {
        error: err instanceof Error ? err.message : String(err),
      });
    } finally {
      this.running = false;
    }
    return true;
  }
}
