import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import {
  type InsightEvent,
  insightMessageToEvent,
  type InsightMessage,
} from '../core/insights/insight-event';
import { AnalyticsStore } from '../core/ports/analytics-store.port';
import { DataStore } from '../core/ports/data-store.port';
import { type BusMessage, MessageBus, type Subscription, TOPICS } from '../core/ports/message-bus.port';
import { ReadinessService } from '../infrastructure/health/readiness.service';
import { Logger } from '../core/ports/logger.port';
import { flagUsageDeltas } from '../core/insights/flag-usage';
import { GroupCommit } from './group-commit';

/** Validates a `featbit-insights` payload (FeatBit's events shape, timestamp in µs). */
export function parseInsightMessage(payload: unknown): InsightEvent | null {
  if (!payload || typeof payload !== 'object') return null;
  const m = payload as Partial<InsightMessage>;
  const strings = [m.uuid, m.distinct_id, m.env_id, m.event, m.properties];
  if (strings.some((s) => typeof s !== 'string') || !m.uuid || !m.env_id) return null;
  if (typeof m.timestamp !== 'number' || !Number.isFinite(m.timestamp) || m.timestamp < 0) return null;
  return insightMessageToEvent(m as InsightMessage);
}

/**
 * Writes insight events to the analytics store in bulk, and each flag's first/last evaluation to
 * the primary database. A queue batch is acknowledged only after
 * its events are written; re-deliveries are harmless because writes skip known uuids.
 */
@Injectable()
export class InsightConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private subscription?: Subscription;
  private readonly log: Logger;
  private readonly writer: GroupCommit<InsightEvent>;

  constructor(
    private readonly bus: MessageBus,
    private readonly store: DataStore,
    analytics: AnalyticsStore,
    config: AppConfig,
    logger: Logger,
    readiness: ReadinessService,
  ) {
    this.log = logger.child({ component: 'insight-consumer' });
    // The primary database is already part of readiness; a separate analytics store is not.
    if (config.analytics.provider !== 'primary') readiness.register(analytics);
    this.writer = new GroupCommit(async (events) => {
      await analytics.writeEvents(events);
    }, config.analytics.flushSize);
  }

  onApplicationBootstrap(): void {
    void this.store.whenReady().then(async () => {
      this.subscription = await this.bus.consume(TOPICS.insights, (batch) => this.handle(batch), {
        batchSize: 1000,
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.unsubscribe();
  }

  async handle(batch: BusMessage[]): Promise<void> {
    const events: InsightEvent[] = [];
    for (const message of batch) {
      const event = parseInsightMessage(message.payload);
      if (event) events.push(event);
      else this.log.warn('dropped a malformed insight message', { id: message.id });
    }
    // Usage goes to the primary database whatever the analytics provider; both writes are
    // idempotent, so a batch that fails either is simply delivered again.
    const usage = flagUsageDeltas(events);
    await Promise.all([this.writer.add(events), this.store.flagUsage.record(usage)]);
  }
}
