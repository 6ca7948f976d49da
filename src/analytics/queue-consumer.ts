import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DataStore } from '../core/ports/data-store.port';
import type { BusMessage, JobTopic, MessageBus, Subscription } from '../core/ports/message-bus.port';

/**
 * What every analytics consumer shares: subscribe to its job topic once the primary database is
 * ready, hand batches to `handle` (a batch is acknowledged when it resolves), unsubscribe on
 * shutdown without waiting for a batch still running (it is delivered again).
 */
export abstract class QueueConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private subscription?: Subscription;

  protected constructor(
    protected readonly bus: MessageBus,
    protected readonly store: DataStore,
    private readonly topic: JobTopic,
    private readonly batchSize: number,
  ) {}

  abstract handle(batch: BusMessage[]): Promise<void>;

  onApplicationBootstrap(): void {
    void this.store.whenReady().then(async () => {
      this.subscription = await this.bus.consume(this.topic, (batch) => this.handle(batch), {
        batchSize: this.batchSize,
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.unsubscribe();
  }
}
