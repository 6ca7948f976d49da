import { Injectable } from '@nestjs/common';
import type { UsageRecord } from '../core/analytics/usage';
import { parseUsageMessage } from '../core/messages/usage.message';
import { DataStore } from '../core/ports/data-store.port';
import { Logger } from '../core/ports/logger.port';
import { type BusMessage, MessageBus, TOPICS } from '../core/ports/message-bus.port';
import { QueueConsumer } from './queue-consumer';

/**
 * Folds usage records (featbit-usage) into the workspace usage counters in the primary database,
 * whatever the analytics provider. The batch is acknowledged once applied; the repository applies
 * each record id once, so a re-delivered batch changes nothing.
 */
@Injectable()
export class UsageConsumer extends QueueConsumer {
  private readonly log: Logger;

  constructor(bus: MessageBus, store: DataStore, logger: Logger) {
    super(bus, store, TOPICS.usage, 1000);
    this.log = logger.child({ component: 'usage-consumer' });
  }

  async handle(batch: BusMessage[]): Promise<void> {
    const records: UsageRecord[] = [];
    const nowMs = Date.now();
    for (const message of batch) {
      const parsed = parseUsageMessage(message.payload, { fallbackId: message.id, nowMs });
      if (parsed.ok) records.push(parsed.value);
      else this.log.warn('dropped a malformed usage message', { id: message.id, error: parsed.error });
    }
    if (records.length > 0) await this.store.usageStats.apply(records);
  }
}
