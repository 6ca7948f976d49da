import { Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { InsightEvent } from '../core/insights/insight-event';
import { parseInsightMessage } from '../core/messages/insight.message';
import { AnalyticsStore } from '../core/ports/analytics-store.port';
import { DataStore } from '../core/ports/data-store.port';
import { type BusMessage, MessageBus, TOPICS } from '../core/ports/message-bus.port';
import { Metrics, NoopMetrics } from '../core/ports/metrics.port';
import { ReadinessService } from '../infrastructure/health/readiness.service';
import { Logger } from '../core/ports/logger.port';
import { flagUsageDeltas } from '../core/insights/flag-usage';
import { GroupCommit } from './group-commit';
import { QueueConsumer } from './queue-consumer';

/**
 * Competing subscriptions of the insights topic in one process (QueueConsumer). Kafka keeps one:
 * a second member of the group splits the partitions through a rebalance (at start and whenever a
 * member comes or goes), and measured no faster (docs/performance.md, ingest round two).
 */
const insightConsumers = (config: AppConfig): number => (config.mq.provider === 'kafka' ? 1 : 2);

/**
 * Writes insight events to the analytics store in bulk, and each flag's first/last evaluation to
 * the primary database. A queue batch is acknowledged only after
 * its events are written; re-deliveries are harmless because writes skip known uuids.
 */
@Injectable()
export class InsightConsumer extends QueueConsumer {
  private readonly log: Logger;
  private readonly writer: GroupCommit<InsightEvent>;
  private readonly usage: GroupCommit<InsightEvent>;

  constructor(
    bus: MessageBus,
    store: DataStore,
    analytics: AnalyticsStore,
    config: AppConfig,
    logger: Logger,
    readiness: ReadinessService,
    @Optional() metrics: Metrics = new NoopMetrics(),
  ) {
    // One queue batch fills one store write: each round (claim, insert, flag usage, ack) has a
    // fixed cost, so fewer, larger rounds drain a backlog faster (bench/analytics, ingest-pg). Two
    // subscriptions: while one batch is written (the writer below runs one write at a time, so
    // ClickHouse's uuid look-up still sees every earlier insert), the other is claimed, parsed,
    // counted into flag usage and acknowledged (docs/performance.md, ingest round two).
    super(bus, store, TOPICS.insights, config.analytics.flushSize, insightConsumers(config));
    this.log = logger.child({ component: 'insight-consumer' });
    // The primary database is already part of readiness; a separate analytics store is not.
    if (config.analytics.provider !== 'primary') readiness.register(analytics);
    this.writer = new GroupCommit(async (events) => {
      await analytics.writeEvents(events);
      metrics.insightEventsWritten(events.length);
    }, config.analytics.flushSize);
    // Flag usage the same way: one write at a time, so the two subscriptions never upsert the same
    // usage rows concurrently (a lock-order deadlock, or a duplicate-key race on MongoDB).
    this.usage = new GroupCommit(
      (events) => store.flagUsage.record(flagUsageDeltas(events)),
      config.analytics.flushSize,
    );
  }

  async handle(batch: BusMessage[]): Promise<void> {
    const events: InsightEvent[] = [];
    for (const message of batch) {
      const parsed = parseInsightMessage(message.payload);
      if (parsed.ok) events.push(parsed.value);
      else this.log.warn('dropped a malformed insight message', { id: message.id, error: parsed.error });
    }
    // Usage goes to the primary database whatever the analytics provider; both writes are
    // idempotent, so a batch that fails either is simply delivered again.
    await Promise.all([this.writer.add(events), this.usage.add(events)]);
  }
}
