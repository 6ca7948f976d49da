import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AnalyticsStore } from '../../core/ports/analytics-store.port';
import { FlagCache } from '../../core/ports/flag-cache.port';
import { DataStore } from '../../core/ports/data-store.port';
import { MessageBus } from '../../core/ports/message-bus.port';
import { Logger } from '../../core/ports/logger.port';

/** Closes the providers after the roles have stopped: bus first (no new work), store last. */
@Injectable()
export class InfrastructureLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly bus: MessageBus,
    private readonly cache: FlagCache,
    private readonly analytics: AnalyticsStore,
    private readonly store: DataStore,
    private readonly logger: Logger,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    for (const [name, closable] of [
      ['message bus', this.bus],
      ['cache', this.cache],
      ['analytics store', this.analytics],
      ['database', this.store],
    ] as const) {
      try {
        await closable.close();
      } catch (err) {
        this.logger.warn(`closing the ${name} failed`, {
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
  }
}
